package io.jenkins.plugins.dataworks.engine.ratelimit;

import java.time.Clock;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * One {@link RateLimiter} per AccessKey ID, because DataWorks counts calls per account: every wait
 * that signs with the same key shares the same budget, however many run in parallel.
 */
public final class RateLimiterRegistry {

    private final ConcurrentMap<String, RateLimiter> limiters = new ConcurrentHashMap<>();
    private final double permitsPerSecond;
    private final Clock clock;

    public RateLimiterRegistry(double permitsPerSecond, Clock clock) {
        RateLimiter.requireValidRate(permitsPerSecond); // once, where the setting is made
        this.permitsPerSecond = permitsPerSecond;
        this.clock = clock;
    }

    public RateLimiter forAccessKey(String accessKeyId) {
        return limiters.computeIfAbsent(accessKeyId, id -> new RateLimiter(permitsPerSecond, clock));
    }

    public double permitsPerSecond() {
        return permitsPerSecond;
    }
}
