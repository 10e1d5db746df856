package io.jenkins.plugins.dataworks.benchmarks;

import java.util.Arrays;
import java.util.Locale;

/** Small statistics and number formatting shared by the benchmarks. */
final class Stats {

    private Stats() {}

    static double mean(double... values) {
        return Arrays.stream(values).average().orElse(Double.NaN);
    }

    static double max(double... values) {
        return Arrays.stream(values).max().orElse(Double.NaN);
    }

    static double min(double... values) {
        return Arrays.stream(values).min().orElse(Double.NaN);
    }

    static double median(double... values) {
        if (values.length == 0) {
            return Double.NaN;
        }
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int mid = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }

    static String f(double value, int decimals) {
        return String.format(Locale.ROOT, "%." + decimals + "f", value);
    }

    /** A ratio as "0.93x". */
    static String ratio(double value) {
        return f(value, value < 10 ? 2 : 1) + "x";
    }

    static String seconds(double seconds) {
        if (seconds < 10) {
            return f(seconds, 2) + " s";
        }
        return f(seconds, 1) + " s";
    }

    static String kib(double bytes) {
        return f(bytes / 1024.0, 1) + " KiB";
    }

    static String mib(double bytes) {
        return f(bytes / (1024.0 * 1024.0), 1) + " MiB";
    }
}
