package io.jenkins.plugins.dataworks.cli;

import io.jenkins.plugins.dataworks.engine.client.MigrationRef;
import io.jenkins.plugins.dataworks.engine.download.DownloadDirectory;
import io.jenkins.plugins.dataworks.engine.download.DownloadResult;
import io.jenkins.plugins.dataworks.engine.download.PackageNames;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;

/**
 * Where the package goes, checked (by the engine's {@link DownloadDirectory}) before any call is
 * made so a bad directory fails fast and leaves nothing behind: the directory itself is created
 * only when the download starts.
 *
 * @param directory the --download-dir as the user wrote it (relative paths stay relative in output)
 * @param fileName nullable: --file-name; null means the engine's default name for the migration
 */
record DownloadTarget(Path directory, String fileName) {

    /** @param fileName nullable */
    static DownloadTarget check(String directory, String fileName) {
        if (directory == null || directory.isBlank()) {
            throw new UsageException("--download-dir is empty: give the directory for the package, e.g. --download-dir target/export");
        }
        Path dir;
        try {
            dir = Path.of(directory);
        } catch (InvalidPathException e) {
            throw new UsageException("--download-dir '" + directory + "' is not a valid path: " + e.getReason());
        }
        if (fileName != null) {
            PackageNames.requireSafe(fileName);
        }
        DownloadDirectory.check(dir);
        return new DownloadTarget(dir, fileName);
    }

    /** The downloaded file as the user named its directory: a relative --download-dir stays relative. */
    String shown(DownloadResult downloaded) {
        return directory.resolve(downloaded.file().getFileName()).toString();
    }

    /** The package's file name: --file-name, or the engine's default for this migration. */
    String fileNameFor(MigrationRef ref, String migrationName) {
        return fileName != null ? fileName : PackageNames.forMigration(ref.projectId(), ref.migrationId(), migrationName);
    }
}
