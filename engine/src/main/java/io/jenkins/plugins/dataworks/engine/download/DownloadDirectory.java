package io.jenkins.plugins.dataworks.engine.download;

import io.jenkins.plugins.dataworks.engine.error.InvalidInputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Checks, before a wait that may last hours, that the package will have somewhere to go: the
 * directory, or the nearest ancestor that exists when it does not, must be a directory this
 * process can create files in. Creates nothing that stays: the directory itself is made only by
 * the download.
 */
public final class DownloadDirectory {

    private DownloadDirectory() {}

    /**
     * @return the directory as an absolute, normalised path
     * @throws InvalidInputException with field {@code downloadDir}
     */
    public static Path check(Path directory) {
        if (directory == null) {
            throw new InvalidInputException("downloadDir", "must be given: choose the directory for the package");
        }
        Path dir = directory.toAbsolutePath().normalize();
        Path existing = dir;
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing == null) {
            return dir;
        }
        String which = existing.equals(dir) ? "" : " (its parent " + existing + ")";
        if (!Files.isDirectory(existing)) {
            throw new InvalidInputException("downloadDir", dir + " is not a directory" + which
                    + ": give a directory, which is created when missing");
        }
        // Permission bits do not tell the whole truth (root, read-only mounts, ACLs): try it.
        try {
            Files.delete(Files.createTempFile(existing, ".dataworks-probe-", ".tmp"));
        } catch (IOException | UnsupportedOperationException e) {
            throw new InvalidInputException("downloadDir", dir + " is not writable" + which
                    + ": choose a directory you can write to");
        }
        return dir;
    }
}
