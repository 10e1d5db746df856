package io.jenkins.plugins.dataworks.runtime;

import io.jenkins.plugins.dataworks.engine.wait.Scheduler;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import jenkins.util.Timer;

/**
 * The engine's {@link Scheduler} on {@code jenkins.util.Timer}. The timer's ten threads are shared
 * by all of Jenkins, so a due task is only handed over to the plugin's poll pool here: whatever the
 * task does (an API call, a rate-limit pause), it never runs on a timer thread.
 */
final class TimerScheduler implements Scheduler {

    private static final Logger LOGGER = Logger.getLogger(TimerScheduler.class.getName());

    private final Executor handOver;

    TimerScheduler(Executor handOver) {
        this.handOver = Objects.requireNonNull(handOver, "handOver");
    }

    @Override
    public Cancellable schedule(Runnable task, Duration delay) {
        long millis = Math.max(0, delay.toMillis());
        ScheduledFuture<?> future = Timer.get().schedule(() -> handOver(task), millis, TimeUnit.MILLISECONDS);
        return () -> future.cancel(false);
    }

    // package-private for its test
    void handOver(Runnable task) {
        try {
            handOver.execute(task);
        } catch (RejectedExecutionException e) {
            // The pool's queue is unbounded: only a pool the shutdown stopped refuses. The wait resumes
            // from its persisted snapshot after the restart; a warning here would only alarm.
            LOGGER.log(Level.FINE, "a poll came due after the poll pool stopped; it resumes after the restart", e);
        }
    }
}
