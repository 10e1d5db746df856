package io.jenkins.plugins.dataworks.engine.wait;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import java.util.function.Consumer;

/**
 * A {@link Scheduler} driven by a controllable clock: advancing time runs the tasks that fall due,
 * in due order, with the clock set to each task's due time. Nothing sleeps; nothing runs on
 * another thread. Tasks never run inside {@link #schedule}.
 */
final class ManualScheduler implements Scheduler {

    private record Task(Instant due, long seq, Runnable runnable) {}

    private final Clock clock;
    private final Consumer<Instant> moveClockTo;
    private final PriorityQueue<Task> queue =
            new PriorityQueue<>(Comparator.comparing(Task::due).thenComparingLong(Task::seq));
    private final List<Duration> requestedDelays = new ArrayList<>();
    private long seq;

    ManualScheduler(Clock clock, Consumer<Instant> moveClockTo) {
        this.clock = clock;
        this.moveClockTo = moveClockTo;
    }

    ManualScheduler(TestClock clock) {
        this(clock, clock::set);
    }

    @Override
    public synchronized Cancellable schedule(Runnable task, Duration delay) {
        if (delay.isNegative()) {
            throw new AssertionError("negative delay " + delay);
        }
        requestedDelays.add(delay);
        Task t = new Task(clock.instant().plus(delay), seq++, task);
        queue.add(t);
        return () -> {
            synchronized (ManualScheduler.this) {
                queue.remove(t);
            }
        };
    }

    /** Runs every task due by now + {@code d}, then leaves the clock at now + {@code d}. */
    void advance(Duration d) {
        Instant target = clock.instant().plus(d);
        while (runNextDueBy(target)) {
            // keep going: a task may schedule another that is also due by target
        }
        if (clock.instant().isBefore(target)) {
            moveClockTo.accept(target);
        }
    }

    /** Runs the tasks already due, without moving the clock. */
    void runDue() {
        advance(Duration.ZERO);
    }

    /** Jumps to the earliest task and runs it; false when nothing is scheduled. */
    boolean runNext() {
        Task t;
        synchronized (this) {
            t = queue.peek();
        }
        return t != null && runNextDueBy(t.due());
    }

    /** Runs tasks until none is left or {@code limit} have run; returns how many ran. */
    int runUntilIdle(int limit) {
        int ran = 0;
        while (ran < limit && runNext()) {
            ran++;
        }
        return ran;
    }

    synchronized int pending() {
        return queue.size();
    }

    synchronized Instant nextDue() {
        Task t = queue.peek();
        return t == null ? null : t.due();
    }

    /** Every delay ever passed to {@link #schedule}, in order. */
    synchronized List<Duration> requestedDelays() {
        return List.copyOf(requestedDelays);
    }

    private boolean runNextDueBy(Instant target) {
        Task t;
        synchronized (this) {
            t = queue.peek();
            if (t == null || t.due().isAfter(target)) {
                return false;
            }
            queue.poll();
        }
        if (t.due().isAfter(clock.instant())) {
            moveClockTo.accept(t.due());
        }
        t.runnable().run();
        return true;
    }
}
