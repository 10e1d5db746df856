package io.jenkins.plugins.dataworks.cli;

import io.jenkins.plugins.dataworks.emulator.MutableClock;
import io.jenkins.plugins.dataworks.engine.ratelimit.Sleeper;
import io.jenkins.plugins.dataworks.engine.wait.Scheduler;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;
import java.util.random.RandomGenerator;

/**
 * A wait runtime on virtual time: one driver thread runs scheduled tasks in due order, moving the
 * clock to each task's due time instead of sleeping, and polls run directly on it. So a wait with
 * a 2-hour timeout and 100 ms polls ends as fast as the emulator answers.
 */
final class VirtualTimeRuntime implements WaitRuntime {

    private record Task(Instant due, long seq, Runnable runnable) {}

    private final MutableClock clock = MutableClock.startingNow();
    private final PriorityQueue<Task> queue =
            new PriorityQueue<>(Comparator.comparing(Task::due).thenComparingLong(Task::seq));
    private final AtomicInteger tasksRun = new AtomicInteger();
    private final List<Duration> pauses = new CopyOnWriteArrayList<>();
    private final IntConsumer afterTask;
    private final Thread driver;
    private long seq;
    private boolean closed;

    /** @param afterTask told the number of tasks run so far after each one (e.g. to cancel after the 3rd poll) */
    VirtualTimeRuntime(IntConsumer afterTask) {
        this.afterTask = afterTask;
        this.driver = new Thread(this::drive, "virtual-time-driver");
        driver.setDaemon(true);
        driver.start();
    }

    VirtualTimeRuntime() {
        this(n -> {});
    }

    @Override
    public Clock clock() {
        return clock;
    }

    /**
     * Always the middle of the jitter band (nextDouble() is 0.5 when nextLong() is 2^63), so polls
     * land exactly on the configured interval and tests can name the minute a heartbeat appears.
     */
    @Override
    public RandomGenerator random() {
        return () -> Long.MIN_VALUE;
    }

    /** Retry pauses move the virtual clock, and are counted, instead of sleeping. */
    @Override
    public Sleeper sleeper() {
        return d -> {
            pauses.add(d);
            clock.advance(d);
        };
    }

    /** Every retry pause taken so far, in order. */
    List<Duration> pauses() {
        return List.copyOf(pauses);
    }

    @Override
    public Scheduler scheduler() {
        return (task, delay) -> {
            Task t;
            synchronized (this) {
                t = new Task(clock.instant().plus(delay.isNegative() ? Duration.ZERO : delay), seq++, task);
                queue.add(t);
                notifyAll();
            }
            return () -> {
                synchronized (VirtualTimeRuntime.this) {
                    queue.remove(t);
                }
            };
        };
    }

    @Override
    public Executor pollExecutor() {
        return Runnable::run;
    }

    private void drive() {
        while (true) {
            Task next;
            synchronized (this) {
                while (queue.isEmpty() && !closed) {
                    try {
                        wait();
                    } catch (InterruptedException e) {
                        return;
                    }
                }
                if (closed) {
                    return;
                }
                next = queue.poll();
                if (next.due().isAfter(clock.instant())) {
                    clock.set(next.due());
                }
            }
            next.runnable().run();
            afterTask.accept(tasksRun.incrementAndGet());
        }
    }

    @Override
    public synchronized void close() {
        closed = true;
        notifyAll();
    }
}
