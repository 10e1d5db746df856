package io.jenkins.plugins.dataworks.benchmarks;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The GetMigrationSummary calls the emulator answered for a range of migrations ({@code calls}
 * command of {@link EmulatorHost}: {@code id:epochMicros} in answer order), and what the benchmark
 * reads from them: calls per migration, the last call of each (which saw the terminal status), the
 * first call after an instant, and the most calls in any window of a given length.
 */
record CallLog(long[] ids, long[] micros) {

    static CallLog parse(String answer) {
        if (answer.isBlank() || answer.equals("none")) {
            return new CallLog(new long[0], new long[0]);
        }
        String[] parts = answer.trim().split(" ");
        long[] ids = new long[parts.length];
        long[] micros = new long[parts.length];
        for (int i = 0; i < parts.length; i++) {
            int colon = parts[i].indexOf(':');
            ids[i] = Long.parseLong(parts[i].substring(0, colon));
            micros[i] = Long.parseLong(parts[i].substring(colon + 1));
        }
        return new CallLog(ids, micros);
    }

    int size() {
        return ids.length;
    }

    Map<Long, Integer> perMigration() {
        Map<Long, Integer> out = new HashMap<>();
        for (long id : ids) {
            out.merge(id, 1, Integer::sum);
        }
        return out;
    }

    /** Epoch microseconds of each migration's last call. */
    Map<Long, Long> lastCall() {
        Map<Long, Long> out = new HashMap<>();
        for (int i = 0; i < ids.length; i++) {
            out.merge(ids[i], micros[i], Math::max);
        }
        return out;
    }

    /** Epoch microseconds of each migration's first call at or after {@code sinceMicros}. */
    Map<Long, Long> firstCallSince(long sinceMicros) {
        Map<Long, Long> out = new HashMap<>();
        for (int i = 0; i < ids.length; i++) {
            if (micros[i] >= sinceMicros) {
                out.merge(ids[i], micros[i], Math::min);
            }
        }
        return out;
    }

    /** Calls per migration at or after {@code sinceMicros}. */
    Map<Long, Integer> perMigrationSince(long sinceMicros) {
        Map<Long, Integer> out = new HashMap<>();
        for (int i = 0; i < ids.length; i++) {
            if (micros[i] >= sinceMicros) {
                out.merge(ids[i], 1, Integer::sum);
            }
        }
        return out;
    }

    /** The most calls that fall into any half-open window [t, t + windowMicros). */
    int maxInWindow(long windowMicros) {
        long[] sorted = micros.clone();
        Arrays.sort(sorted);
        int best = 0;
        int start = 0;
        for (int end = 0; end < sorted.length; end++) {
            while (sorted[end] - sorted[start] >= windowMicros) {
                start++;
            }
            best = Math.max(best, end - start + 1);
        }
        return best;
    }

    /** The calls at or after {@code sinceMicros}, as a log of their own. */
    CallLog since(long sinceMicros) {
        List<Integer> keep = new ArrayList<>();
        for (int i = 0; i < ids.length; i++) {
            if (micros[i] >= sinceMicros) {
                keep.add(i);
            }
        }
        long[] i2 = new long[keep.size()];
        long[] m2 = new long[keep.size()];
        for (int k = 0; k < keep.size(); k++) {
            i2[k] = ids[keep.get(k)];
            m2[k] = micros[keep.get(k)];
        }
        return new CallLog(i2, m2);
    }
}
