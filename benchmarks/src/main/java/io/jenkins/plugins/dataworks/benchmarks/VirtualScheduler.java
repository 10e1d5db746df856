package io.jenkins.plugins.dataworks.benchmarks;

import io.jenkins.plugins.dataworks.emulator.MutableClock;
import io.jenkins.plugins.dataworks.engine.wait.Scheduler;
import java.time.Duration;
import java.time.Instant;
import java.util.PriorityQueue;
import java.util.function.BooleanSupplier;

/**
 * A {@link Scheduler} on virtual time: tasks run in due order, and running one first moves the
 * clock to its due time. Hours of waiting simulate in microseconds, deterministically. Single
 * threaded by design.
 */
final class VirtualScheduler implements Scheduler {

    private record Entry(Instant due, long seq, Runnable task, boolean[] cancelled) implements Comparable<Entry> {
        @Override
        public int compareTo(Entry o) {
            int c = due.compareTo(o.due);
            return c != 0 ? c : Long.compare(seq, o.seq);
        }
    }

    private final MutableClock clock;
    private final PriorityQueue<Entry> queue = new PriorityQueue<>();
    private long seq;

    VirtualScheduler(MutableClock clock) {
        this.clock = clock;
    }

    @Override
    public Cancellable schedule(Runnable task, Duration delay) {
        boolean[] cancelled = {false};
        Duration d = delay.isNegative() ? Duration.ZERO : delay;
        queue.add(new Entry(clock.instant().plus(d), seq++, task, cancelled));
        return () -> cancelled[0] = true;
    }

    /** Runs due tasks in order until {@code done} holds or nothing is left; false if it never held. */
    boolean runUntil(BooleanSupplier done, Instant limit) {
        while (!done.getAsBoolean()) {
            Entry next = queue.poll();
            if (next == null || next.due.isAfter(limit)) {
                return false;
            }
            if (next.cancelled[0]) {
                continue;
            }
            if (next.due.isAfter(clock.instant())) {
                clock.set(next.due);
            }
            next.task.run();
        }
        return true;
    }
}
