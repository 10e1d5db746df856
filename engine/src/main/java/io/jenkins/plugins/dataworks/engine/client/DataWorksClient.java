package io.jenkins.plugins.dataworks.engine.client;

import io.jenkins.plugins.dataworks.engine.error.DataWorksException;

/**
 * The DataWorks OpenAPI calls the project needs. One call, one attempt: retrying is the caller's
 * decision, made from the {@link DataWorksException} subtype. Write calls (the Create calls and
 * StartMigration) are never retried blindly: see {@code engine.migrate.MigrationLauncher}.
 *
 * <p>Only {@link #getMigrationSummary} is abstract: a client that only polls (a test double, a
 * benchmark) need not offer the rest, whose defaults refuse.
 */
public interface DataWorksClient extends AutoCloseable {

    /** Calls GetMigrationSummary once. */
    MigrationSummary getMigrationSummary(MigrationRef ref) throws DataWorksException;

    /** Calls CreateExportMigration once; returns the new migration, which is not started. */
    default MigrationRef createExportMigration(ExportSpec spec) throws DataWorksException {
        throw unsupported("CreateExportMigration");
    }

    /** Calls OpenPlatform AuthorizeFileUpload once: the grant for one package upload to OSS. */
    default UploadGrant authorizeFileUpload() throws DataWorksException {
        throw unsupported("AuthorizeFileUpload");
    }

    /**
     * Calls CreateImportMigration once; returns the new migration, which is not started.
     *
     * @param packageFile where the package was uploaded ({@link UploadGrant#packageFile()})
     */
    default MigrationRef createImportMigration(ImportSpec spec, String packageFile) throws DataWorksException {
        throw unsupported("CreateImportMigration");
    }

    /** Calls StartMigration once; false when the service did not start it (e.g. it was started before). */
    default boolean startMigration(MigrationRef ref) throws DataWorksException {
        throw unsupported("StartMigration");
    }

    /** Calls GetMigrationProcess once. */
    default MigrationProcess getMigrationProcess(MigrationRef ref) throws DataWorksException {
        throw unsupported("GetMigrationProcess");
    }

    /**
     * Calls ListMigrations once.
     *
     * @param pageNumber from 1
     * @param pageSize 1 to 100
     */
    default MigrationPage listMigrations(long projectId, MigrationType type, int pageNumber, int pageSize)
            throws DataWorksException {
        throw unsupported("ListMigrations");
    }

    @Override
    void close();

    private UnsupportedOperationException unsupported(String action) {
        return new UnsupportedOperationException(getClass().getSimpleName() + " does not call " + action);
    }
}
