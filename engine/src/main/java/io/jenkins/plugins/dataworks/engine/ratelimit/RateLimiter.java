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
 * <p>A slot is kept when the call leaves, not when it is reserved: a caller that reaches its slot
 * late (a busy machine runs the poll thread later) asks {@link #admit()} right before calling, and
 * calls only once the previous call left at least the spacing ago; otherwise it waits the rest. So
 * calls delayed together never leave together, and the spacing holds between the calls as they are
 * sent, not only between the slots handed out.
 *
 * <p>A wait takes it as the waiter's {@link CallPacer} and moves its poll to the slot on the
 * scheduler, holding no thread; only a single call outside a wait waits, on its own thread
 * ({@link #acquire}, through {@link RateLimitedDataWorksClient}).
 */
public final class RateLimiter implements CallPacer {

    private final Clock clock;
    private final Duration spacing;
    private Instant nextFree;
    /** When the last call left (a reservation due at once, or an admitted one); MIN before the first. */
    private Instant lastSent;

    public RateLimiter(double permitsPerSecond, Clock clock) {
        requireValidRate(permitsPerSecond);
        this.clock = clock;
        this.spacing = Duration.ofNanos((long) (1_000_000_000L / permitsPerSecond));
        this.nextFree = Instant.MIN;
        this.lastSent = Instant.MIN;
    }

    /** The one rule for a rate setting; throws InvalidInputException naming {@code rateLimit}. */
    static void requireValidRate(double permitsPerSecond) {
        if (!(permitsPerSecond > 0 && permitsPerSecond <= 1000)) {
            throw new InvalidInputException("rateLimit", "must be more than 0 and at most 1000 calls per second, got " + permitsPerSecond);
        }
    }

    /**
     * Reserves the next slot; returns how long the caller must wait before calling. Zero means the
     * call leaves now and counts as sent; a caller given a later slot asks {@link #admit()} at it.
     */
    @Override
    public synchronized Duration reserve() {
        Instant now = clock.instant();
        Instant slot = nextFree.isBefore(now) ? now : nextFree;
        nextFree = slot.plus(spacing);
        if (slot.isAfter(now)) {
            return Duration.between(now, slot);
        }
        lastSent = now; // nextFree is never before lastSent + spacing, so a slot due now keeps the spacing
        return Duration.ZERO;
    }

    /**
     * Right before a call whose slot was reserved earlier leaves: zero when it may leave now (it then
     * counts as sent), otherwise how long it must still wait, after which it asks again. Calls that
     * reach their slots late thus leave one spacing apart, and later reservations start after them.
     */
    @Override
    public synchronized Duration admit() {
        return admitAt(clock.instant());
    }

    /**
     * Waits on the calling thread, through {@code sleeper}, until one call may leave, and counts it
     * as sent: for a single call on a thread that may wait, never a poll thread. Each sleep lasts
     * until the call's slot; a thread that wakes late, with others, waits again for the spacing.
     */
    public void acquire(Sleeper sleeper) throws InterruptedException {
        Duration wait;
        Instant slot;
        synchronized (this) {
            wait = reserve();
            slot = clock.instant().plus(wait);
        }
        while (!wait.isZero()) {
            sleeper.sleep(wait);
            synchronized (this) {
                // A sleeper returns at the slot or later, whatever this clock shows (a test's may stand still).
                Instant now = clock.instant();
                Instant at = now.isAfter(slot) ? now : slot;
                wait = admitAt(at);
                slot = at.plus(wait);
            }
        }
    }

    private Duration admitAt(Instant now) {
        Instant earliest = lastSent.plus(spacing);
        if (now.isBefore(earliest)) {
            return Duration.between(now, earliest);
        }
        lastSent = now;
        Instant next = now.plus(spacing);
        if (nextFree.isBefore(next)) {
            nextFree = next;
        }
        return Duration.ZERO;
    }

    /** The smallest spacing between two calls. */
    public Duration spacing() {
        return spacing;
    }
}
