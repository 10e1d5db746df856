package io.jenkins.plugins.dataworks.engine.wait;

import java.time.Duration;
import java.util.function.DoubleSupplier;

/**
 * The delay arithmetic of a wait, kept pure so its bounds are easy to test. {@code random}
 * supplies uniform doubles in [0, 1).
 */
final class Backoff {

    /** A full-jitter retry may draw ~0; this floor keeps it from becoming a hot loop. */
    static final Duration MIN_RETRY_DELAY = Duration.ofMillis(100);

    private Backoff() {}

    /**
     * The delay before the next poll: {@code interval} spread uniformly over a band of width
     * {@code jitter * interval} centred on it. Centred, so jitter spreads parallel waits apart
     * without changing the average cost in calls.
     */
    static Duration pollDelay(Duration interval, double jitter, DoubleSupplier random) {
        double factor = 1.0 + jitter * (random.getAsDouble() - 0.5);
        return Duration.ofMillis(Math.round(interval.toMillis() * factor));
    }

    /** The interval after one more poll without a terminal status: capped exponential growth. */
    static Duration grow(Duration interval, double multiplier, Duration max) {
        double grown = interval.toMillis() * multiplier;
        return grown >= max.toMillis() ? max : Duration.ofMillis(Math.round(grown));
    }

    /**
     * The delay before retrying after the {@code consecutiveErrors}-th transient error in a row:
     * "full jitter" (uniform in [0, ceiling]) over a ceiling of {@code base * 2^(n-1)} capped at
     * {@code cap}, floored at {@link #MIN_RETRY_DELAY}. Full jitter, because throttled callers
     * that retry in lock-step throttle each other again.
     */
    static Duration retryDelay(int consecutiveErrors, Duration base, Duration cap, DoubleSupplier random) {
        long ceiling = cap.toMillis();
        int doublings = Math.max(0, consecutiveErrors - 1);
        if (doublings < 31) {
            ceiling = Math.min(ceiling, base.toMillis() << doublings);
        }
        long delay = Math.round(ceiling * random.getAsDouble());
        return Duration.ofMillis(Math.min(ceiling, Math.max(MIN_RETRY_DELAY.toMillis(), delay)));
    }
}
