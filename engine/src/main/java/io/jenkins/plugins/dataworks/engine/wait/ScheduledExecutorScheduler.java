package io.jenkins.plugins.dataworks.engine.wait;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * A {@link Scheduler} on a {@link ScheduledExecutorService}. Its tasks only hand polls over to the
 * poll executor, so one thread serves any number of waits.
 */
public final class ScheduledExecutorScheduler implements Scheduler, AutoCloseable {

    private final ScheduledExecutorService executor;
    private final boolean owned;

    /** Uses {@code executor} without owning it: {@link #close()} leaves it running. */
    public ScheduledExecutorScheduler(ScheduledExecutorService executor) {
        this(executor, false);
    }

    private ScheduledExecutorScheduler(ScheduledExecutorService executor, boolean owned) {
        this.executor = Objects.requireNonNull(executor, "executor");
        this.owned = owned;
    }

    /** A scheduler with its own single daemon thread named {@code threadName}; close it when done. */
    public static ScheduledExecutorScheduler singleDaemonThread(String threadName) {
        ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1, new DaemonThreadFactory(threadName));
        // A cancelled wait must not leave its task (and through it the wait) in the queue until due.
        executor.setRemoveOnCancelPolicy(true);
        executor.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        return new ScheduledExecutorScheduler(executor, true);
    }

    @Override
    public Cancellable schedule(Runnable task, Duration delay) {
        ScheduledFuture<?> future = executor.schedule(task, Math.max(0, delay.toNanos()), TimeUnit.NANOSECONDS);
        return () -> future.cancel(false);
    }

    /** Stops the thread if this scheduler created it; tasks not yet due are dropped. */
    @Override
    public void close() {
        if (owned) {
            executor.shutdownNow();
        }
    }
}
