package io.jenkins.plugins.dataworks.emulator.state;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.function.ToIntFunction;

/** Faults in the order they were added, each with its remaining uses. Thread-safe. */
public final class FaultQueue<T> {

    private static final class Entry<T> {
        final T fault;
        int remaining; // < 0: unlimited

        Entry(T fault, int remaining) {
            this.fault = fault;
            this.remaining = remaining;
        }
    }

    private final List<Entry<T>> entries = new ArrayList<>();
    private final ToIntFunction<T> times;

    public FaultQueue(ToIntFunction<T> times) {
        this.times = times;
    }

    public synchronized void add(T fault) {
        entries.add(new Entry<>(fault, times.applyAsInt(fault)));
    }

    /** Consumes one use of the first fault that matches, if any; used-up faults are dropped. */
    public synchronized Optional<T> take(Predicate<T> matches) {
        for (Iterator<Entry<T>> it = entries.iterator(); it.hasNext(); ) {
            Entry<T> e = it.next();
            if (matches.test(e.fault)) {
                if (e.remaining > 0 && --e.remaining == 0) {
                    it.remove();
                }
                return Optional.of(e.fault);
            }
        }
        return Optional.empty();
    }

    public synchronized void clear() {
        entries.clear();
    }

    public synchronized int size() {
        return entries.size();
    }
}
