package io.jenkins.plugins.dataworks.engine.migrate;

import io.jenkins.plugins.dataworks.engine.client.DataWorksClient;
import io.jenkins.plugins.dataworks.engine.client.ExportSpec;
import io.jenkins.plugins.dataworks.engine.client.ImportSpec;
import io.jenkins.plugins.dataworks.engine.client.MigrationRef;
import io.jenkins.plugins.dataworks.engine.client.MigrationType;
import java.util.Objects;
import java.util.Optional;

/**
 * Creates and starts migrations without ever making one twice. The write calls are not retried
 * blindly: after a failure that may have taken effect (a timeout, a reset connection, a 5xx), the
 * migration is looked up by its name, which DataWorks keeps unique per workspace, and used if it
 * exists; a failure the service reports before acting (throttling) is retried like a poll.
 *
 * <p>The client passed in is the caller's rate-limited one: every call here counts against the
 * same limit and budget as polls.
 */
public final class MigrationLauncher {

    private final DataWorksClient client;

    public MigrationLauncher(DataWorksClient client) {
        this.client = Objects.requireNonNull(client, "client");
    }

    /** Creates the export, or finds the one an earlier attempt with the same name created. */
    public Launched createExport(ExportSpec spec) {
        throw new UnsupportedOperationException("createExport: being written");
    }

    /**
     * Uploads the package through {@code transfer} under a fresh AuthorizeFileUpload grant, then
     * creates the import, or finds the one an earlier attempt with the same name created.
     */
    public Launched createImport(ImportSpec spec, PackageTransfer transfer) {
        throw new UnsupportedOperationException("createImport: being written");
    }

    /** The migration of this type and name in the workspace, if there is one (ListMigrations). */
    public Optional<Launched> find(long projectId, MigrationType type, String name) {
        throw new UnsupportedOperationException("find: being written");
    }

    /**
     * Starts the migration. One that was started before is left alone and reported with its status;
     * one the service refuses to start while it still waits for a start is an error.
     */
    public Started start(MigrationRef ref) {
        throw new UnsupportedOperationException("start: being written");
    }
}
