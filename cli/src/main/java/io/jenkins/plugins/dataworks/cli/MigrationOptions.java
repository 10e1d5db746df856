package io.jenkins.plugins.dataworks.cli;

import io.jenkins.plugins.dataworks.engine.client.MigrationRef;
import io.jenkins.plugins.dataworks.engine.input.IdInput;
import picocli.CommandLine.Option;

/** Which migration: kept as text so the engine's shared parser words the error. */
final class MigrationOptions {

    @Option(names = "--project-id", paramLabel = "ID",
            description = "DataWorks workspace ID (ProjectId), as shown on the console's Workspace page. Required (default with --emulator: the demo's).")
    String projectId;

    @Option(names = "--migration-id", paramLabel = "ID",
            description = "Migration task ID (MigrationId), as returned by CreateExportMigration or CreateImportMigration. Required (default with --emulator: the demo's).")
    String migrationId;

    /** @param demo the emulator's migration when --emulator is on and the ids are not given; nullable */
    MigrationRef ref(MigrationRef demo) {
        if (demo != null) {
            return new MigrationRef(
                    projectId == null ? demo.projectId() : IdInput.parse("--project-id", projectId, "DataWorks workspace ID"),
                    migrationId == null ? demo.migrationId() : IdInput.parse("--migration-id", migrationId, "migration task ID"));
        }
        if (projectId == null) {
            throw new UsageException("--project-id is missing: give the DataWorks workspace ID, e.g. --project-id 12345");
        }
        if (migrationId == null) {
            throw new UsageException("--migration-id is missing: give the migration task ID, e.g. --migration-id 678");
        }
        return new MigrationRef(IdInput.parse("--project-id", projectId, "DataWorks workspace ID"),
                IdInput.parse("--migration-id", migrationId, "migration task ID"));
    }
}
