package io.jenkins.plugins.dataworks.emulator.state;

import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Remembers (AccessKeyId, SignatureNonce) pairs for as long as a Timestamp stays acceptable, which
 * is all a replay check needs: an older request is refused for its Timestamp anyway.
 */
public final class NonceCache {

    private final Duration retention;
    private final Map<String, Instant> seen = new ConcurrentHashMap<>();
    private final AtomicLong inserts = new AtomicLong();

    public NonceCache(Duration retention) {
        this.retention = retention;
    }

    /** True if the pair is new (and now remembered), false if it was used before. */
    public boolean firstUse(String accessKeyId, String nonce, Instant now) {
        boolean fresh = seen.putIfAbsent(accessKeyId + '\n' + nonce, now) == null;
        if (fresh && inserts.incrementAndGet() % 4096 == 0) {
            prune(now);
        }
        return fresh;
    }

    private void prune(Instant now) {
        Instant cutoff = now.minus(retention);
        for (Iterator<Instant> it = seen.values().iterator(); it.hasNext(); ) {
            if (it.next().isBefore(cutoff)) {
                it.remove();
            }
        }
    }
}
