package io.jenkins.plugins.dataworks.benchmarks;

/** One line of the summary table at the top of the report. */
record Summary(String benchmark, String ours, String baseline, String ratio, String target, String met) {

    static Summary notMeasured(String benchmark, String reason) {
        return new Summary(benchmark, "not measured", "-", "-", "-", reason);
    }
}
