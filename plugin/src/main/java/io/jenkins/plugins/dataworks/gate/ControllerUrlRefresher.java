package io.jenkins.plugins.dataworks.gate;

import io.jenkins.plugins.dataworks.engine.client.DataWorksClient;
import io.jenkins.plugins.dataworks.engine.client.MigrationRef;
import io.jenkins.plugins.dataworks.engine.client.MigrationSummary;
import io.jenkins.plugins.dataworks.engine.download.UrlRefresher;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Gets a fresh presigned URL when OSS says the current one expired. It runs on the controller,
 * because only the controller holds the credentials; an agent reaches it through a proxy exported
 * on the agent channel for the duration of one download (see {@link MigrationGate}).
 *
 * <p>Bounded twice: the engine's downloader asks at most {@code maxUrlRefreshes} times, and this
 * side answers at most that many calls, so not even a misbehaving agent can spend the account's
 * API budget. After {@link #close()} it answers nothing and forgets the client.
 */
final class ControllerUrlRefresher implements UrlRefresher {

    private final AtomicReference<DataWorksClient> client;
    private final MigrationRef ref;
    private final int maxCalls;
    private final AtomicInteger calls = new AtomicInteger();

    ControllerUrlRefresher(DataWorksClient client, MigrationRef ref, int maxCalls) {
        this.client = new AtomicReference<>(client);
        this.ref = ref;
        this.maxCalls = maxCalls;
    }

    @Override
    public String freshUrl() {
        DataWorksClient c = client.get();
        if (c == null || calls.incrementAndGet() > maxCalls) {
            return null;
        }
        MigrationSummary summary = c.getMigrationSummary(ref);
        return summary.hasDownloadUrl() ? summary.downloadUrl() : null;
    }

    void close() {
        client.set(null);
    }
}
