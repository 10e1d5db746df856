package io.jenkins.plugins.dataworks.engine.client;

import io.jenkins.plugins.dataworks.engine.error.DataWorksException;

/**
 * The DataWorks OpenAPI calls the project needs. One call, one attempt: retrying is the waiter's
 * decision, made from the {@link DataWorksException} subtype.
 */
public interface DataWorksClient extends AutoCloseable {

    /** Calls GetMigrationSummary once. */
    MigrationSummary getMigrationSummary(MigrationRef ref) throws DataWorksException;

    @Override
    void close();
}
