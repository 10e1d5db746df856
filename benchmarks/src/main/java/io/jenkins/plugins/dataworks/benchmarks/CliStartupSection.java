package io.jenkins.plugins.dataworks.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Benchmark 5: from {@code java -jar dataworks-migration.jar summary ...} being launched to the
 * emulator receiving its first call, against {@code java -version}'s whole run in the same run.
 * Launch and call times are both wall-clock instants on this machine (the emulator records each
 * call's arrival with the system clock), so their difference is the start-up path.
 */
final class CliStartupSection {

    static final String TITLE = "5. Command line: launch to first API call";

    private static final int RUNS = 7;
    private static final long FIRST_ID = 800001;

    private CliStartupSection() {}

    static Section build(BenchmarkSuite.Options options, List<Summary> summary) throws Exception {
        Path jar = options.cliJar();
        if (!Files.isRegularFile(jar)) {
            throw new IOException(jar + " is missing: build the command line (benchmarks/run.sh does)");
        }
        double[] javaVersion = new double[RUNS];
        double[] firstCall = new double[RUNS];
        double[] exit = new double[RUNS];
        try (EmulatorProcess emulator = EmulatorProcess.start("cli-emulator", List.of("-Xmx256m"),
                "done", Long.toString(FIRST_ID), Integer.toString(RUNS + 1))) {
            run(List.of(ChildJvm.javaBinary(), "-version"), Map.of()); // disk cache warm for both
            cli(jar, emulator, FIRST_ID + RUNS);
            for (int i = 0; i < RUNS; i++) {
                javaVersion[i] = run(List.of(ChildJvm.javaBinary(), "-version"), Map.of())[1];
                long id = FIRST_ID + i;
                double[] t = cli(jar, emulator, id);
                long callMicros = emulator.firstCallMicros(id);
                if (callMicros < 0) {
                    throw new IOException("the emulator saw no call for migration " + id);
                }
                firstCall[i] = (callMicros - t[0]) / 1e6;
                exit[i] = t[1];
            }
        }
        double base = Stats.median(javaVersion);
        double first = Stats.median(firstCall);
        double total = Stats.median(exit);
        Table t = new Table("what (median of " + RUNS + " launches)", "seconds", "min", "max", "vs java -version");
        t.row("`java -version`, launch to exit (baseline)", Stats.f(base, 3), Stats.f(Stats.min(javaVersion), 3),
                Stats.f(Stats.max(javaVersion), 3), "1.00x");
        t.row("`java -jar dataworks-migration.jar summary`, launch to first API call", Stats.f(first, 3),
                Stats.f(Stats.min(firstCall), 3), Stats.f(Stats.max(firstCall), 3), Stats.ratio(first / base));
        t.row("same, launch to exit (call answered, result printed)", Stats.f(total, 3), Stats.f(Stats.min(exit), 3),
                Stats.f(Stats.max(exit), 3), Stats.ratio(total / base));
        summary.add(new Summary("5. CLI launch to first API call", Stats.f(first, 3) + " s", Stats.f(base, 3) + " s (java -version)",
                Stats.ratio(first / base), "-", "-"));
        return new Section(TITLE)
                .text("The packaged command line (`" + jar + "`) is launched as a user would, `java -jar ... summary "
                        + "--region cn-shanghai --endpoint http://127.0.0.1:PORT --project-id ... --migration-id ...`, "
                        + "credentials in ALIBABA_CLOUD_ACCESS_KEY_ID / _SECRET, against an emulator process; each launch "
                        + "asks about a migration of its own, so the emulator's call log gives the arrival time of that "
                        + "launch's first call. Launch time is taken just before the process is started; the emulator "
                        + "stamps arrivals with the same system clock. One unmeasured launch of each first (disk cache). "
                        + "Baseline: `java -version` from launch to exit, the floor of any JVM command, measured "
                        + "alternately with the command line in the same run.")
                .table(t)
                .text("The gap between the baseline and the first call is the command line's own start-up: loading "
                        + "picocli, the engine and aliyun-java-sdk-core classes, parsing options, building the client. "
                        + "No JVM flags (CDS archives, tiered-compilation limits) are used: this is what a CI step sees.");
    }

    /** @return {launch epoch micros, launch-to-exit seconds} */
    private static double[] cli(Path jar, EmulatorProcess emulator, long migrationId) throws Exception {
        return run(List.of(ChildJvm.javaBinary(), "-jar", jar.toString(), "summary", "--region", Clients.REGION,
                "--endpoint", emulator.endpoint(), "--project-id", Long.toString(EmulatorHost.PROJECT_ID),
                "--migration-id", Long.toString(migrationId)),
                Map.of("ALIBABA_CLOUD_ACCESS_KEY_ID", EmulatorHost.ACCESS_KEY_ID,
                        "ALIBABA_CLOUD_ACCESS_KEY_SECRET", EmulatorHost.ACCESS_KEY_SECRET));
    }

    private static double[] run(List<String> command, Map<String, String> env) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(command)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ChildJvm.logDir().resolve("cli-startup.stderr.log").toFile());
        pb.environment().keySet().removeIf(k -> k.startsWith("ALIBABA_CLOUD_") || k.startsWith("JAVA_TOOL_OPTIONS")
                || k.startsWith("JDK_JAVA_OPTIONS"));
        pb.environment().putAll(env);
        Instant launch = Instant.now();
        long t0 = System.nanoTime();
        Process p = pb.start();
        if (!p.waitFor(2, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new IOException(command.get(1) + " did not exit within 2 minutes");
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        if (p.exitValue() != 0) {
            throw new IOException(String.join(" ", command.subList(0, Math.min(4, command.size()))) + " exited with "
                    + p.exitValue() + "; see " + ChildJvm.logDir().resolve("cli-startup.stderr.log"));
        }
        return new double[] {launch.getEpochSecond() * 1_000_000.0 + launch.getNano() / 1_000, seconds};
    }
}
