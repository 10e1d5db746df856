package io.jenkins.plugins.dataworks.engine.download;

import java.io.Closeable;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * Aborts a blocked body read. The JDK HttpClient has a timeout for the response headers only, and
 * a read from its body stream ignores Thread.interrupt; closing the stream from another thread
 * does wake the reader (it then fails with an IOException). A periodic check closes the stream
 * when no byte arrived for the silence limit, or when the reading thread was interrupted.
 */
final class StreamGuard implements AutoCloseable {

    /** Checks often enough to notice an interrupt within a tenth of a second. */
    private static final long MAX_TICK_NANOS = TimeUnit.MILLISECONDS.toNanos(100);
    private static final long MIN_TICK_NANOS = TimeUnit.MILLISECONDS.toNanos(5);

    private final Closeable stream;
    private final Thread reader;
    private final long silenceLimitNanos;
    private final LongSupplier nanoTime;
    private final ScheduledFuture<?> ticks;
    private volatile long lastActivity;
    private volatile boolean silenceExceeded;
    private volatile boolean fired;

    StreamGuard(ScheduledExecutorService scheduler, Duration silenceLimit, Closeable stream, LongSupplier nanoTime) {
        this.stream = stream;
        this.reader = Thread.currentThread();
        this.silenceLimitNanos = silenceLimit.toNanos();
        this.nanoTime = nanoTime;
        this.lastActivity = nanoTime.getAsLong();
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
        if (fired) {
            return;
        }
        boolean silent = nanoTime.getAsLong() - lastActivity >= silenceLimitNanos;
        if (silent || reader.isInterrupted()) {
            silenceExceeded = silent;
            fired = true;
            try {
                stream.close();
            } catch (IOException | RuntimeException ignored) {
                // the reader fails either way; it reports why
            }
        }
    }

    @Override
    public void close() {
        ticks.cancel(false);
    }
}
