package io.jenkins.plugins.dataworks;

import io.jenkins.plugins.dataworks.emulator.MutableClock;
import io.jenkins.plugins.dataworks.engine.wait.Scheduler;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;
import java.util.function.BooleanSupplier;

/**
 * The engine's scheduler on virtual time: tasks wait in a queue until the test moves the clock to
 * their due time. Waiting here is for events (a task being scheduled), never for time to pass; the
 * bound on each wait only turns a hang into a test failure.
 */
final class ManualScheduler implements Scheduler {

    private static final long EVENT_WAIT_MILLIS = 50;
    private static final Duration HANG = Duration.ofSeconds(120);

    private record Task(Instant due, long seq, Runnable body) {}

    private final MutableClock clock;
    private final PriorityQueue<Task> queue =
            new PriorityQueue<>((a, b) -> a.due.equals(b.due) ? Long.compare(a.seq, b.seq) : a.due.compareTo(b.due));
    private long seq;
    /** Every schedule() so far, so a test can tell when a task it ran has scheduled its successor. */
    private long scheduled;

    ManualScheduler(MutableClock clock) {
        this.clock = clock;
    }

    @Override
    public synchronized Cancellable schedule(Runnable task, Duration delay) {
        Task t = new Task(clock.instant().plus(delay), seq++, task);
        queue.add(t);
        scheduled++;
        notifyAll();
        return () -> {
            synchronized (ManualScheduler.this) {
                queue.remove(t);
            }
        };
    }

    synchronized long scheduledCount() {
        return scheduled;
    }

    synchronized int pending() {
        return queue.size();
    }

    /** When the scheduled tasks are due, earliest first. */
    synchronized List<Instant> dueTimes() {
        return queue.stream().map(Task::due).sorted().toList();
    }

    /** Blocks until at least {@code n} tasks are scheduled (e.g. the first polls of n parallel waits). */
    synchronized void awaitPending(int n) throws InterruptedException {
        long giveUp = System.nanoTime() + HANG.toNanos();
        while (queue.size() < n) {
            if (System.nanoTime() > giveUp) {
                throw new AssertionError("only " + queue.size() + " of " + n + " tasks were scheduled");
            }
            wait(EVENT_WAIT_MILLIS);
        }
    }

    /**
     * Runs the earliest task(s), first moving the clock to their due time if it is later. Returns
     * false, running nothing, as soon as {@code keepWaiting} no longer holds.
     */
    boolean runNext(BooleanSupplier keepWaiting) throws InterruptedException {
        return run(keepWaiting, Integer.MAX_VALUE);
    }

    /**
     * Runs only the earliest task, first moving the clock to its due time if it is later; tasks due
     * at the same instant wait for later calls. Returns false, running nothing, as soon as
     * {@code keepWaiting} no longer holds.
     */
    boolean runOne(BooleanSupplier keepWaiting) throws InterruptedException {
        return run(keepWaiting, 1);
    }

    private boolean run(BooleanSupplier keepWaiting, int limit) throws InterruptedException {
        List<Task> due = new ArrayList<>();
        synchronized (this) {
            long giveUp = System.nanoTime() + HANG.toNanos();
            while (true) {
                if (!keepWaiting.getAsBoolean()) {
                    return false; // checked first, so a task that is already due is not run needlessly
                }
                if (!queue.isEmpty()) {
                    break;
                }
                if (System.nanoTime() > giveUp) {
                    throw new AssertionError("nothing was scheduled for " + HANG);
                }
                wait(EVENT_WAIT_MILLIS);
            }
            Instant first = queue.peek().due;
            if (first.isAfter(clock.instant())) {
                clock.set(first);
            }
            while (due.size() < limit && !queue.isEmpty() && !queue.peek().due.isAfter(clock.instant())) {
                due.add(queue.poll());
            }
        }
        for (Task t : due) {
            t.body.run(); // the engine only hands the poll over to its executor here
        }
        return true;
    }
}
