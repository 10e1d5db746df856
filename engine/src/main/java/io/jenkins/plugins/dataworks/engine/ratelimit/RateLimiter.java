package io.jenkins.plugins.dataworks.engine.ratelimit;

import io.jenkins.plugins.dataworks.engine.error.InvalidInputException;
import io.jenkins.plugins.dataworks.engine.wait.CallPacer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * A smooth rate limiter: consecutive calls are at least 1 / {@code permitsPerSecond} apart, so no
 * window of one second ever holds more than the rate (a burst allowance would break that, which is
 * what the service's QPS limit counts). Callers reserve a slot and call at it; reservations are
 * handed out in order, so a caller's slot is at most (reservations ahead of it) / rate away.
 *
 * <p>It never waits itself. A wait takes it as the waiter's {@link CallPacer} and moves its poll to
 * the slot on the scheduler, holding no thread; a single call outside a wait may wait on its own
 * thread through {@link RateLimitedDataWorksClient}.
 */
public final class RateLimiter implements CallPacer {

    private final Clock clock;
    private final Duration spacing;
    private Instant nextFree;

    public RateLimiter(double permitsPerSecond, Clock clock) {
        requireValidRate(permitsPerSecond);
        this.clock = clock;
        this.spacing = Duration.ofNanos((long) (1_000_000_000L / permitsPerSecond));
        this.nextFree = Instant.MIN;
    }

    /** The one rule for a rate setting; throws InvalidInputException naming {@code rateLimit}. */
    static void requireValidRate(double permitsPerSecond) {
        if (!(permitsPerSecond > 0 && permitsPerSecond <= 1000)) {
            throw new InvalidInputException("rateLimit", "must be more than 0 and at most 1000 calls per second, got " + permitsPerSecond);
        }
    }

    /** Reserves the next slot; returns how long the caller must wait before calling (zero if none). */
    @Override
    public synchronized Duration reserve() {
        Instant now = clock.instant();
        Instant slot = nextFree.isBefore(now) ? now : nextFree;
        nextFree = slot.plus(spacing);
        return slot.isAfter(now) ? Duration.between(now, slot) : Duration.ZERO;
    }

    /** The smallest spacing between two calls. */
    public Duration spacing() {
        return spacing;
    }
}
