package io.jenkins.plugins.dataworks.engine.ratelimit;

import io.jenkins.plugins.dataworks.engine.client.DataWorksClient;
import io.jenkins.plugins.dataworks.engine.client.MigrationRef;
import io.jenkins.plugins.dataworks.engine.client.ExportSpec;
import io.jenkins.plugins.dataworks.engine.client.ImportSpec;
import io.jenkins.plugins.dataworks.engine.client.MigrationPage;
import io.jenkins.plugins.dataworks.engine.client.MigrationProcess;
import io.jenkins.plugins.dataworks.engine.client.MigrationSummary;
import io.jenkins.plugins.dataworks.engine.client.MigrationType;
import io.jenkins.plugins.dataworks.engine.client.UploadGrant;
import io.jenkins.plugins.dataworks.engine.error.TransientApiException;
import java.util.Objects;

/**
 * Spaces the single calls of a client that are not part of a wait (a "Test connection" button, a
 * fresh download URL, a Create or Start call) by the same {@link RateLimiter} the waits of its AccessKey share, waiting for
 * the slot on the calling thread. That thread must be one that may wait: an HTTP request thread, a
 * download thread; never a poll thread of a waiter. Waits do not use this class: the waiter takes
 * the limiter as its {@link io.jenkins.plugins.dataworks.engine.wait.CallPacer} and holds no
 * thread while paced. Since waits reserve slots ahead, a single call may wait up to (reservations
 * ahead of it) / rate; an interrupt ends the wait without the call.
 */
public final class RateLimitedDataWorksClient implements DataWorksClient {

    private final DataWorksClient delegate;
    private final RateLimiter limiter;
    private final Sleeper sleeper;

    public RateLimitedDataWorksClient(DataWorksClient delegate, RateLimiter limiter, Sleeper sleeper) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
        this.limiter = Objects.requireNonNull(limiter, "limiter");
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
    }

    @Override
    public MigrationSummary getMigrationSummary(MigrationRef ref) {
        awaitSlot();
        return delegate.getMigrationSummary(ref);
    }

    @Override
    public MigrationRef createExportMigration(ExportSpec spec) {
        awaitSlot();
        return delegate.createExportMigration(spec);
    }

    @Override
    public UploadGrant authorizeFileUpload() {
        awaitSlot();
        return delegate.authorizeFileUpload();
    }

    @Override
    public MigrationRef createImportMigration(ImportSpec spec, String packageFile) {
        awaitSlot();
        return delegate.createImportMigration(spec, packageFile);
    }

    @Override
    public boolean startMigration(MigrationRef ref) {
        awaitSlot();
        return delegate.startMigration(ref);
    }

    @Override
    public MigrationProcess getMigrationProcess(MigrationRef ref) {
        awaitSlot();
        return delegate.getMigrationProcess(ref);
    }

    @Override
    public MigrationPage listMigrations(long projectId, MigrationType type, int pageNumber, int pageSize) {
        awaitSlot();
        return delegate.listMigrations(projectId, type, pageNumber, pageSize);
    }

    private void awaitSlot() {
        try {
            limiter.acquire(sleeper);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TransientApiException("interrupted while waiting for the local rate limit", "RateLimit.Interrupted",
                    null, e);
        }
    }

    @Override
    public void close() {
        delegate.close();
    }
}
