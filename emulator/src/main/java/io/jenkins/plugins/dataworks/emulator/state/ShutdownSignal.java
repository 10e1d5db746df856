package io.jenkins.plugins.dataworks.emulator.state;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Released when the emulator closes, so stalled and delayed handlers wake up at once and the server
 * can stop promptly instead of waiting for clients to time out.
 */
public final class ShutdownSignal {

    /** Upper bound for a stall, so a forgotten emulator cannot pin a thread forever. */
    public static final Duration MAX_STALL = Duration.ofMinutes(10);

    private final CountDownLatch closed = new CountDownLatch(1);

    public void release() {
        closed.countDown();
    }

    public boolean isReleased() {
        return closed.getCount() == 0;
    }

    /** Waits up to {@code max}; true if the emulator is closing (or the thread was interrupted). */
    public boolean await(Duration max) {
        try {
            return closed.await(max.toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return true;
        }
    }
}
