package io.jenkins.plugins.dataworks;

import io.jenkins.plugins.dataworks.engine.client.DataWorksClient;
import io.jenkins.plugins.dataworks.engine.client.ExportSpec;
import io.jenkins.plugins.dataworks.engine.client.ImportSpec;
import io.jenkins.plugins.dataworks.engine.client.MigrationPage;
import io.jenkins.plugins.dataworks.engine.client.MigrationProcess;
import io.jenkins.plugins.dataworks.engine.client.MigrationRef;
import io.jenkins.plugins.dataworks.engine.client.MigrationSummary;
import io.jenkins.plugins.dataworks.engine.client.MigrationType;
import io.jenkins.plugins.dataworks.engine.client.UploadGrant;
import java.util.List;

/**
 * Forwards every call to the engine's real client and keeps each upload grant's policy and
 * signature, so that a test can search the log and the files of Jenkins for them.
 */
final class GrantRecordingClient implements DataWorksClient {

    private final DataWorksClient delegate;
    private final List<String> grantSecrets;

    GrantRecordingClient(DataWorksClient delegate, List<String> grantSecrets) {
        this.delegate = delegate;
        this.grantSecrets = grantSecrets;
    }

    @Override
    public MigrationSummary getMigrationSummary(MigrationRef ref) {
        return delegate.getMigrationSummary(ref);
    }

    @Override
    public MigrationRef createExportMigration(ExportSpec spec) {
        return delegate.createExportMigration(spec);
    }

    @Override
    public UploadGrant authorizeFileUpload() {
        UploadGrant grant = delegate.authorizeFileUpload();
        synchronized (grantSecrets) {
            grantSecrets.add(grant.encodedPolicy().reveal());
            grantSecrets.add(grant.signature().reveal());
        }
        return grant;
    }

    @Override
    public MigrationRef createImportMigration(ImportSpec spec, String packageFile) {
        return delegate.createImportMigration(spec, packageFile);
    }

    @Override
    public boolean startMigration(MigrationRef ref) {
        return delegate.startMigration(ref);
    }

    @Override
    public MigrationProcess getMigrationProcess(MigrationRef ref) {
        return delegate.getMigrationProcess(ref);
    }

    @Override
    public MigrationPage listMigrations(long projectId, MigrationType type, int pageNumber, int pageSize) {
        return delegate.listMigrations(projectId, type, pageNumber, pageSize);
    }

    @Override
    public void close() {
        delegate.close();
    }
}
