package io.jenkins.plugins.dataworks.engine.ratelimit;

import io.jenkins.plugins.dataworks.engine.client.DataWorksClient;
import io.jenkins.plugins.dataworks.engine.client.MigrationRef;
import io.jenkins.plugins.dataworks.engine.client.MigrationSummary;
import io.jenkins.plugins.dataworks.engine.error.TransientApiException;
import java.time.Duration;
import java.util.Objects;

/**
 * Spaces the calls of a client by a shared {@link RateLimiter}. The wait happens on the calling
 * thread, which is one of the waiter's few bounded poll threads: since a thread reserves only when
 * it is about to call, at most (pool size) reservations are outstanding, so no thread waits longer
 * than pool size / rate, however many waits are queued behind it.
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
        Duration wait = limiter.reserve();
        if (!wait.isZero()) {
            try {
                sleeper.sleep(wait);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new TransientApiException("interrupted while waiting for the local rate limit", "RateLimit.Interrupted",
                        null, e);
            }
        }
        return delegate.getMigrationSummary(ref);
    }

    @Override
    public void close() {
        delegate.close();
    }
}
