package io.jenkins.plugins.dataworks.benchmarks;

import com.google.gson.JsonObject;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/** Benchmark 4, the harness side: an emulator process, then JMH (one fork), then the CPU-time child. */
final class PollCostSection {

    static final String TITLE = "4. Cost of one poll (JMH)";

    private static final int CPU_CALLS = 4000;

    private PollCostSection() {}

    static Section build(List<Summary> summary) throws Exception {
        double full;
        double fullErr;
        double sign;
        double signErr;
        double parse;
        double parseErr;
        JsonObject cpu;
        try (EmulatorProcess emulator = EmulatorProcess.start("poll-cost-emulator", List.of("-Xmx256m"),
                "done", Long.toString(PollCostBenchmark.MIGRATION_ID), "1")) {
            Options opts = new OptionsBuilder()
                    .include(PollCostBenchmark.class.getName() + "\\.")
                    .forks(1)
                    .warmupIterations(3).warmupTime(TimeValue.seconds(2))
                    .measurementIterations(5).measurementTime(TimeValue.seconds(2))
                    .threads(1)
                    .mode(org.openjdk.jmh.annotations.Mode.AverageTime)
                    .timeUnit(TimeUnit.MICROSECONDS)
                    .jvmArgsAppend("-Dbench.endpoint=" + emulator.endpoint(), "-Xmx256m")
                    .shouldFailOnError(true)
                    .build();
            Collection<RunResult> results = new Runner(opts).run();
            full = score(results, "fullCall");
            fullErr = error(results, "fullCall");
            sign = score(results, "sdkBuildAndSign");
            signErr = error(results, "sdkBuildAndSign");
            parse = score(results, "parseResponse");
            parseErr = error(results, "parseResponse");
            cpu = ChildJvm.run("poll-cpu", List.of("-Xmx256m"), PollCpuChild.class, Duration.ofMinutes(5),
                    emulator.endpoint(), Integer.toString(CPU_CALLS));
        }
        JsonObject nagle;
        try (EmulatorProcess emulator = EmulatorProcess.start("poll-cost-emulator-nagle",
                List.of("-Xmx256m", "-Dsun.net.httpserver.nodelay=false"), "done", Long.toString(PollCostBenchmark.MIGRATION_ID), "1")) {
            nagle = ChildJvm.run("poll-cpu-nagle", List.of("-Xmx256m"), PollCpuChild.class, Duration.ofMinutes(5),
                    emulator.endpoint(), "200");
        }
        double first = io.jenkins.plugins.dataworks.engine.wait.WaitPolicy.defaults().initialInterval().toMillis() / 1000.0;
        Table t = new Table("operation", "time per op (JMH avg, 1 thread)", "share of one full call");
        t.row("full GetMigrationSummary via `AliyunDataWorksClient` (sign, send, emulator, parse)", us(full, fullErr), "100 %");
        t.row("SDK alone: build + sign the request (no network)", us(sign, signErr), Stats.f(100 * sign / full, 1) + " %");
        t.row("JSON response parsed, fields read (no network)", us(parse, parseErr), Stats.f(100 * parse / full, 2) + " %");
        double threadCpu = cpu.get("threadCpuMicros").getAsDouble();
        double processCpu = cpu.get("processCpuMicros").getAsDouble();
        double wall = cpu.get("wallMicros").getAsDouble();
        Table c = new Table("per call, " + CPU_CALLS + " sequential calls after " + CPU_CALLS / 2 + " warm-up", "microseconds",
                "vs wall time");
        c.row("wall time", Stats.f(wall, 0), "1.00x");
        c.row("CPU of the calling thread (signing, HTTP, parsing)", Stats.f(threadCpu, 0), Stats.ratio(threadCpu / wall));
        c.row("CPU of the whole client JVM (adds JIT, GC)", Stats.f(processCpu, 0), Stats.ratio(processCpu / wall));
        double nagleWall = nagle.get("wallMicros").getAsDouble();
        c.row("wall time, emulator with the JDK HttpServer's default (Nagle on; 200 calls)", Stats.f(nagleWall, 0),
                Stats.ratio(nagleWall / wall));
        summary.add(new Summary("4. one poll, client CPU", Stats.f(threadCpu, 0) + " us CPU (" + Stats.f(full, 0) + " us wall)",
                Stats.f(sign, 1) + " us (SDK build + sign)", Stats.ratio(threadCpu / sign), "visible, small next to the interval", "-"));
        return new Section(TITLE)
                .text("JMH 1.37, one fork, 3 warm-up and 5 measured iterations of 2 s, average time, one thread. The emulator "
                        + "runs in another JVM (`EmulatorHost`) and answers a migration in EXPORT_SUCCESS, so each call "
                        + "also mints a presigned DownloadUrl, as the service does. The full call is the engine's client "
                        + "end to end; the other two rows are its CPU-only parts without the network, the SDK's "
                        + "request building and HMAC-SHA1 signing being the baseline part. The second table measures the "
                        + "client's CPU time per call with `ThreadMXBean` / `OperatingSystemMXBean` in a separate JVM, "
                        + "so the engine's own overhead shows next to the time spent waiting for the network and the emulator. "
                        + "JMH's error bars widen when other processes load the machine (see the load average above); the "
                        + "CPU-time figures are less sensitive to that.")
                .table(t)
                .table(c)
                .text("The emulator processes run with `-Dsun.net.httpserver.nodelay=true`. The last row shows why: "
                        + "with the JDK HttpServer's default, Nagle's algorithm holds the response's last segment until "
                        + "the client's delayed ACK (about 40 ms on Linux), and every call over loopback takes ~"
                        + Stats.f(nagleWall / 1000, 0) + " ms instead of ~" + Stats.f(wall / 1000, 1) + " ms. That is "
                        + "the emulator's artifact, not the client's (real endpoints do not hold responses back), but "
                        + "it would slow every emulator-backed test and demo by the same 40 ms per call, so the emulator "
                        + "turns Nagle off itself unless the JVM says otherwise; the last row turns Nagle back on with -Dsun.net.httpserver.nodelay=false.")
                .text("At the default policy's shortest interval (" + Stats.seconds(first) + ") one poll's "
                        + Stats.f(threadCpu / 1000, 2) + " ms of CPU on the calling thread is "
                        + Stats.f(threadCpu / 1e6 / first * 100, 4) + " % of one core per wait; counting the whole "
                        + "client JVM (" + Stats.f(processCpu / 1000, 2) + " ms per call), "
                        + Stats.f(processCpu / 1e6 / first * 100, 4) + " %.");
    }

    private static RunResult find(Collection<RunResult> results, String method) {
        return results.stream().filter(r -> r.getParams().getBenchmark().endsWith("." + method)).findFirst()
                .orElseThrow(() -> new IllegalStateException("JMH produced no result for " + method));
    }

    private static double score(Collection<RunResult> results, String method) {
        return find(results, method).getPrimaryResult().getScore();
    }

    private static double error(Collection<RunResult> results, String method) {
        return find(results, method).getPrimaryResult().getScoreError();
    }

    private static String us(double score, double err) {
        String e = Double.isNaN(err) ? "" : " ± " + Stats.f(err, score < 10 ? 2 : 1);
        return Stats.f(score, score < 10 ? 2 : 1) + e + " us";
    }
}
