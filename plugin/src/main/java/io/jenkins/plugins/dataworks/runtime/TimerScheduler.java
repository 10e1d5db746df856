package io.jenkins.plugins.dataworks.runtime;

import io.jenkins.plugins.dataworks.engine.wait.Scheduler;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import jenkins.util.Timer;

/**
 * The engine's {@link Scheduler} on {@code jenkins.util.Timer}. The timer's ten threads are shared
 * by all of Jenkins, so a due task is only handed over to the plugin's poll pool here: whatever the
 * task does (an API call, a rate-limit pause), it never runs on a timer thread.
 */
final class TimerScheduler implements Scheduler {

    private final Executor handOver;

    TimerScheduler(Executor handOver) {
        this.handOver = Objects.requireNonNull(handOver, "handOver");
    }

    @Override
    public Cancellable schedule(Runnable task, Duration delay) {
        long millis = Math.max(0, delay.toMillis());
        ScheduledFuture<?> future = Timer.get().schedule(() -> handOver.execute(task), millis, TimeUnit.MILLISECONDS);
        return () -> future.cancel(false);
    }
}
