package io.jenkins.plugins.dataworks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The fenced code blocks of README.md and docs/*.md, read from the files themselves, so the tests
 * run what the docs show: an edit of an example is tested, and a new example is run without anyone
 * writing a test for it.
 *
 * <p>HTML comments on the lines right above a block (invisible on the rendered page) say what the
 * tests need to know: {@code <!-- example: release-jenkinsfile -->} names a block that a test of
 * its own also reads, {@code <!-- example fails: MESSAGE -->} marks a block that is meant to fail the
 * build with a line containing MESSAGE.
 */
final class DocExamples {

    /** Surefire sets it to the repository root (plugin/pom.xml); the tests refuse to guess. */
    static final String ROOT_PROPERTY = "dataworks.repository.root";

    private static final Pattern FENCE = Pattern.compile("^```(\\w*)\\s*$");
    private static final Pattern NAME = Pattern.compile("^<!--\\s*example:\\s*(\\S+)\\s*-->$");
    private static final Pattern FAILS = Pattern.compile("^<!--\\s*example fails:\\s*(.+?)\\s*-->$");

    /**
     * One fenced block.
     *
     * @param file the Markdown file, relative to the repository root
     * @param line the line of the opening fence, 1-based
     * @param name from an {@code example:} marker; null without one
     * @param fails the message of an {@code example fails:} marker; null for a block that must succeed
     */
    record Example(String file, int line, String language, String code, String name, String fails) {

        /** Where the block is, as an editor jumps to it. */
        String where() {
            return file + ":" + line;
        }

        /** A job name that tells which block the job runs. */
        String jobName() {
            return file.replace('/', '_').replace(".md", "") + "-line-" + line;
        }

        /** A Declarative Pipeline: the script's first statement is {@code pipeline}. */
        boolean declarative() {
            return code.lines()
                    .map(String::strip)
                    .filter(l -> !l.isEmpty() && !l.startsWith("//"))
                    .filter(l -> !l.startsWith("def "))
                    .findFirst()
                    .map(l -> l.startsWith("pipeline {"))
                    .orElse(false);
        }
    }

    private DocExamples() {}

    static Path root() {
        String root = System.getProperty(ROOT_PROPERTY);
        if (root == null) {
            throw new AssertionError(
                    ROOT_PROPERTY + " is not set: run the tests through Maven (plugin/pom.xml sets it)");
        }
        Path path = Path.of(root).toAbsolutePath().normalize();
        if (!Files.isRegularFile(path.resolve("README.md")) || !Files.isDirectory(path.resolve("docs"))) {
            throw new AssertionError(ROOT_PROPERTY + "=" + path + " holds no README.md and docs/");
        }
        return path;
    }

    /** README.md and every docs/*.md, in a stable order. */
    static List<Path> markdownFiles() {
        Path root = root();
        List<Path> files = new ArrayList<>();
        files.add(root.resolve("README.md"));
        try (Stream<Path> docs = Files.list(root.resolve("docs"))) {
            docs.filter(p -> p.getFileName().toString().endsWith(".md"))
                    .sorted()
                    .forEach(files::add);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return files;
    }

    /** Every block in {@code language} (e.g. groovy, yaml) of README.md and docs/*.md. */
    static List<Example> all(String language) {
        List<Example> found = new ArrayList<>();
        for (Path file : markdownFiles()) {
            for (Example e : read(file)) {
                if (e.language().equals(language)) {
                    found.add(e);
                }
            }
        }
        return found;
    }

    /** The one block marked {@code <!-- example: NAME -->}. */
    static Example named(String name) {
        List<Example> found = new ArrayList<>();
        for (Path file : markdownFiles()) {
            read(file).stream().filter(e -> name.equals(e.name())).forEach(found::add);
        }
        if (found.size() != 1) {
            throw new AssertionError(
                    "expected one block marked <!-- example: " + name + " --> in README.md and docs/, found "
                            + found.stream().map(Example::where).toList());
        }
        return found.get(0);
    }

    static List<Example> read(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String relative = root().relativize(file).toString().replace('\\', '/');
        List<Example> examples = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            Matcher open = FENCE.matcher(lines.get(i));
            if (!open.matches()) {
                continue;
            }
            String name = null;
            String fails = null;
            for (int j = i - 1; j >= 0 && lines.get(j).strip().startsWith("<!--"); j--) {
                String marker = lines.get(j).strip();
                Matcher n = NAME.matcher(marker);
                Matcher f = FAILS.matcher(marker);
                if (n.matches()) {
                    name = n.group(1);
                } else if (f.matches()) {
                    fails = f.group(1);
                } else if (marker.contains("example")) {
                    throw new AssertionError(relative + ":" + (j + 1) + ": unknown example marker " + marker);
                }
            }
            StringBuilder code = new StringBuilder();
            int close = i + 1;
            while (close < lines.size() && !lines.get(close).startsWith("```")) {
                code.append(lines.get(close)).append('\n');
                close++;
            }
            if (close == lines.size()) {
                throw new AssertionError(relative + ":" + (i + 1) + ": the code block is never closed");
            }
            examples.add(new Example(relative, i + 1, open.group(1), code.toString(), name, fails));
            i = close;
        }
        return examples;
    }
}
