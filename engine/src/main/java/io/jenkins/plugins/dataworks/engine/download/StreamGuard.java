package io.jenkins.plugins.dataworks.engine.download;

import java.io.Closeable;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * Ends a body read that has been silent for too long. The JDK HttpClient's request timeout ends
 * when the headers arrive, and a read from its body stream blocks for as long as the server keeps
 * the connection open; closing the stream from another thread wakes the reader with an IOException.
 * A periodic check does that once no byte arrived for the silence limit.
 */
final class StreamGuard implements AutoCloseable {

    private static final long MAX_TICK_NANOS = TimeUnit.SECONDS.toNanos(1);
    private static final long MIN_TICK_NANOS = TimeUnit.MILLISECONDS.toNanos(5);

    private final Closeable stream;
    private final long silenceLimitNanos;
    private final LongSupplier nanoTime;
    private final ScheduledFuture<?> ticks;
    private volatile long lastActivity;
    private volatile boolean silenceExceeded;

    StreamGuard(ScheduledExecutorService scheduler, Duration silenceLimit, Closeable stream, LongSupplier nanoTime) {
        this.stream = stream;
        this.silenceLimitNanos = silenceLimit.toNanos();
        this.nanoTime = nanoTime;
        this.lastActivity = nanoTime.getAsLong();
        // A quarter of the limit: the silence is noticed at most 25% late.
        long tick = Math.max(MIN_TICK_NANOS, Math.min(MAX_TICK_NANOS, silenceLimitNanos / 4));
        this.ticks = scheduler.scheduleWithFixedDelay(this::check, tick, tick, TimeUnit.NANOSECONDS);
    }

    /** Bytes arrived: the silence starts again. */
    void touch() {
        lastActivity = nanoTime.getAsLong();
    }

    /** Whether this guard closed the stream because it stayed silent too long. */
    boolean silenceExceeded() {
        return silenceExceeded;
    }

    private void check() {
        if (!silenceExceeded && nanoTime.getAsLong() - lastActivity >= silenceLimitNanos) {
            silenceExceeded = true;
            try {
                stream.close();
            } catch (IOException | RuntimeException ignored) {
                // the reader fails either way, and reports the silence
            }
        }
    }

    @Override
    public void close() {
        ticks.cancel(false);
    }
}
