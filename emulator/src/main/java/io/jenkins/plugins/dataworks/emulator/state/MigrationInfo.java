package io.jenkins.plugins.dataworks.emulator.state;

import io.jenkins.plugins.dataworks.emulator.scenario.MigrationSpec.MigrationType;
import java.time.Instant;

/**
 * A snapshot of one migration for tests: what ListMigrations and GetMigrationSummary would show,
 * plus what the emulator decided about it.
 *
 * @param status the status the next GetMigrationSummary would see (looking does not count as a poll)
 * @param started whether its timeline runs (always true for a migration that does not wait for StartMigration)
 * @param packageType CreateImportMigration's PackageType (null for exports)
 * @param description the Description it was created with (null if none)
 * @param packageFile CreateImportMigration's PackageFile (null for exports)
 * @param failedTask for an import that ends in IMPORT_ERROR: the failing task (UploadPackage or ParsePackage)
 * @param starts how many StartMigration calls started it (0 for one that never waited for a start)
 */
public record MigrationInfo(long id, long projectId, String name, MigrationType type, String status, boolean started,
        long pollsAnswered, Instant gmtCreate, Instant gmtModified, String createUser, String packageType,
        String description, String packageFile, String failedTask, int starts) {
}
