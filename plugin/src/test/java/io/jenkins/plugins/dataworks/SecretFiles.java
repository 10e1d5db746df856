package io.jenkins.plugins.dataworks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import hudson.model.Run;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.Predicate;
import org.jvnet.hudson.test.JenkinsRule;

/**
 * Searches what Jenkins wrote for secrets, as AlibabaCloudCredentialsTest does for the wait: the
 * build's log, every file of its directory, and every *.xml of JENKINS_HOME (the system store keeps
 * the AccessKey secret encrypted, so it holds no plain copy either). A hit names the file and the
 * secret's index, never the secret.
 */
final class SecretFiles {

    private SecretFiles() {}

    static void assertNothingWritten(JenkinsRule r, Run<?, ?> b, Collection<String> secrets) throws IOException {
        for (String s : secrets) {
            assertTrue(s.length() >= 8, "a secret too short to search for");
            assertFalse(JenkinsRule.getLog(b).contains(s), "a secret is in the log");
        }
        List<Path> files = new ArrayList<>(files(b.getRootDir().toPath(), f -> true));
        files.addAll(files(
                r.jenkins.getRootDir().toPath(), f -> f.getFileName().toString().endsWith(".xml")));
        List<String> found = new ArrayList<>();
        for (Path f : files) {
            String content;
            try {
                content = Files.readString(f, StandardCharsets.ISO_8859_1);
            } catch (NoSuchFileException e) {
                continue; // a temporary file of an atomic write, renamed meanwhile
            }
            int i = 0;
            for (String s : secrets) {
                if (content.contains(s) || content.contains(URLEncoder.encode(s, StandardCharsets.UTF_8))) {
                    found.add("secret #" + i + " in " + f);
                }
                i++;
            }
        }
        assertEquals(List.of(), found);
    }

    private static List<Path> files(Path root, Predicate<Path> filter) throws IOException {
        List<Path> found = new ArrayList<>();
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                if (attrs.isRegularFile() && filter.test(file)) {
                    found.add(file);
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
                if (e instanceof NoSuchFileException) {
                    return FileVisitResult.CONTINUE;
                }
                throw e;
            }
        });
        return found;
    }
}
