package io.jenkins.plugins.dataworks.engine.ratelimit;

import io.jenkins.plugins.dataworks.engine.client.DataWorksClient;
import io.jenkins.plugins.dataworks.engine.client.MigrationRef;
import io.jenkins.plugins.dataworks.engine.client.MigrationSummary;
import io.jenkins.plugins.dataworks.engine.error.TransientApiException;
import java.time.Duration;
import java.util.Objects;

/**
 * Spaces the single calls of a client that are not part of a wait (a "Test connection" button, a
 * fresh download URL) by the same {@link RateLimiter} the waits of its AccessKey share, waiting for
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
