package io.jenkins.plugins.dataworks.engine.wait;

import java.time.Duration;

/**
 * Runs a task once after a delay, without holding a thread while it waits. Jenkins adapts this to
 * jenkins.util.Timer, tests to a manual scheduler driven by a controllable clock.
 */
@FunctionalInterface
public interface Scheduler {

    /** Schedules {@code task}; the returned handle cancels it if it has not started. */
    Cancellable schedule(Runnable task, Duration delay);

    @FunctionalInterface
    interface Cancellable {
        void cancel();
    }
}
