package io.jenkins.plugins.dataworks.engine.wait;

import java.time.Duration;

/**
 * Spaces the API calls of waits, e.g. the per-AccessKey rate limiter that every wait signing with
 * the same key shares. The waiter asks right before each call; when the answer is later than now,
 * it does not wait on the poll thread but moves the poll to that time on the {@link Scheduler},
 * holding no thread, so a throttled key never delays the polls of waits that sign with another.
 *
 * <p>Called from a poll thread while the wait holds its lock: it must answer at once, never block
 * and never call back into a waiter.
 */
@FunctionalInterface
public interface CallPacer {

    /** No pacing: every call may happen when its poll is due. */
    CallPacer NONE = () -> Duration.ZERO;

    /**
     * Reserves the slot of one call and returns how long from now until it: zero (or less) to call
     * at once. The slot is the caller's from then on, whether it uses it or not (a wait cancelled
     * before its slot leaves a gap; it never frees the slot for another caller to call earlier).
     */
    Duration reserve();

    /**
     * Asked right before a call whose slot {@link #reserve()} gave earlier leaves: zero (or less) to
     * call now, otherwise how long to wait before asking again. A poll thread may reach its slot late
     * on a busy machine, together with other late ones; this is where a pacer keeps them apart. The
     * slot stays the caller's. Pacers that only hand out slots admit every call.
     */
    default Duration admit() {
        return Duration.ZERO;
    }
}
