package io.jenkins.plugins.dataworks.benchmarks;

import com.google.gson.Gson;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Benchmark 7, the harness side: N waiting builds in one real Jenkins (a JenkinsRule controller run
 * by the plugin's {@code ControllerScaleBenchmarkTest} through Maven, profile
 * {@code controller-benchmark}), against the same builds with {@code sleep}, the command line in
 * {@code sh} and the freestyle builder. The emulator runs in a JVM of its own, started here, so the
 * controller's figures are the controller's alone; Maven runs under {@code strace -f}, which records
 * every write and fsync, so the writes to each scenario's JENKINS_HOME can be told apart by file.
 */
final class ControllerScaleSection {

    static final String TITLE = "7. A thousand waiting builds in one controller";

    /** Calls per second per AccessKey in the global configuration: the service allows 5 to 50. */
    static final double RATE = 40;
    /** Polls until EXPORT_SUCCESS: INIT, EXPORTING (twice), EXPORT_SUCCESS. */
    static final int POLLS = 4;
    /** Polls of the restart scenario: INIT before the restart, EXPORTING and EXPORT_SUCCESS after it. */
    static final int RESTART_POLLS = 3;
    static final int SMALL = 100;
    static final int BASELINE = 50;
    static final int FREESTYLE = 10;
    static final long PACKAGE_BYTES = 64 * 1024;
    private static final long WARMUP_FIRST = 900_000;

    private record Scenario(String name, String kind, int n, long firstId, int interval, int polls, boolean download,
            int warmups, int warmupOffset) {

        JsonObject json() {
            JsonObject o = new JsonObject();
            o.addProperty("name", name);
            o.addProperty("kind", kind);
            o.addProperty("n", n);
            o.addProperty("firstId", firstId);
            o.addProperty("intervalSeconds", interval);
            o.addProperty("polls", polls);
            o.addProperty("download", download);
            o.addProperty("warmups", warmups);
            o.addProperty("warmupOffset", warmupOffset);
            o.addProperty("maxMinutes", 12);
            return o;
        }

        /** How long each wait lasts: the polls after the first, one interval apart. */
        int waitSeconds() {
            return (polls - 1) * interval;
        }
    }

    private ControllerScaleSection() {}

    /**
     * Builds this controller started per second, the machine shared with other work (load average
     * about 25 on 2 cores); a wait must outlast the start of all N builds and the samples.
     */
    static final double START_RATE = 5;

    /**
     * The poll interval for N builds of {@code polls} polls: below the rate limit, and long enough that
     * the first build still waits when the last one has started and the in-flight samples are taken.
     */
    static int interval(int n, int polls) {
        int min = Integer.getInteger("bench.controller.minInterval", 15);
        return Math.max(min, (int) Math.max(Math.ceil(1.5 * n / RATE), Math.ceil((n / START_RATE + 30) / (polls - 1))));
    }

    static Section build(BenchmarkSuite.Options options, List<Summary> summary) throws Exception {
        int big = options.controllerBuilds();
        // --builds below 1000 (a quick check of the harness) scales the smaller scenarios down with it
        int small = Math.min(SMALL, Math.max(2, big / 5));
        int baseline = Math.min(BASELINE, Math.max(2, big / 4));
        int freestyle = Math.min(FREESTYLE, baseline);
        List<Scenario> plan = List.of(
                new Scenario("step-" + small, "step", small, 110_000, interval(small, POLLS), POLLS, false, 5, 0),
                new Scenario("sleep-" + small, "sleep", small, 120_000, interval(small, POLLS), POLLS, false, 5, 0),
                new Scenario("step-" + big, "step", big, 130_000, interval(big, POLLS), POLLS, false, 5, 10),
                new Scenario("sleep-" + big, "sleep", big, 140_000, interval(big, POLLS), POLLS, false, 5, 0),
                new Scenario("package-" + small, "step", small, 150_000, interval(small, POLLS), POLLS, true, 5, 20),
                new Scenario("restart-" + big, "restart", big, 160_000, interval(big, RESTART_POLLS), RESTART_POLLS, false, 3, 30),
                new Scenario("cli-" + baseline, "cli", baseline, 170_000, interval(baseline, POLLS) + 5, POLLS, false, 2, 40),
                // The queue of this JenkinsRule controller started one freestyle build every 5 s (its
                // maintenance period) beyond the first two, so a smaller N with a longer interval keeps
                // all of them waiting at once.
                new Scenario("freestyle-" + freestyle, "freestyle", freestyle, 180_000, interval(baseline, POLLS) + 10, POLLS,
                        false, 2, 50));
        List<String> emulatorArgs = new ArrayList<>();
        for (Scenario s : plan) {
            if (!s.kind().equals("sleep")) {
                emulatorArgs.addAll(List.of(s.download() ? "waits-package" : "waits", Long.toString(s.firstId()),
                        Integer.toString(s.n()), Integer.toString(s.polls() - 1)));
                if (s.download()) {
                    emulatorArgs.add(Long.toString(PACKAGE_BYTES));
                }
            }
        }
        emulatorArgs.addAll(List.of("done", Long.toString(WARMUP_FIRST), "100"));
        Path dir = ChildJvm.logDir().resolve("controller");
        Files.createDirectories(dir);
        Path results = dir.resolve("results.json").toAbsolutePath();
        Path straceLog = dir.resolve("strace.log").toAbsolutePath();
        // -Dbench.controller.reuse=true renders the report again from the files of the last run.
        if (!Boolean.getBoolean("bench.controller.reuse")) {
            measure(options, plan, emulatorArgs, dir, results, straceLog);
        }
        JsonArray measured = Files.isRegularFile(results)
                ? JsonParser.parseString(Files.readString(results, StandardCharsets.UTF_8)).getAsJsonArray()
                : new JsonArray();
        Map<String, JsonObject> byName = new LinkedHashMap<>();
        for (JsonElement e : measured) {
            byName.put(e.getAsJsonObject().get("name").getAsString(), e.getAsJsonObject());
        }
        Map<String, CallLog> calls = new LinkedHashMap<>();
        for (Scenario s : plan) {
            calls.put(s.name(), CallLog.parse(Files.readString(dir.resolve("calls-" + s.name() + ".txt"))));
        }
        long downloads = Long.parseLong(Files.readString(dir.resolve("downloads.txt")).trim());
        HomeWrites writes = Files.isRegularFile(straceLog) && Files.size(straceLog) > 0
                ? HomeWrites.read(straceLog, Path.of("plugin/target/tmp").toAbsolutePath().toString())
                : null;
        return ControllerScaleReport.section(plan.stream().map(Scenario::json).toList(), byName, calls, writes,
                downloads, Files.readString(dir.resolve("load.txt")).trim(), big, summary);
    }

    /** Runs the scenarios and keeps what the emulator saw in files next to the test's results. */
    private static void measure(BenchmarkSuite.Options options, List<Scenario> plan, List<String> emulatorArgs,
            Path dir, Path results, Path straceLog) throws Exception {
        Files.deleteIfExists(results);
        Files.deleteIfExists(straceLog);
        String loadBefore = Machine.loadAverage();
        try (EmulatorProcess emulator = EmulatorProcess.start("controller-emulator", List.of("-Xmx1g"),
                emulatorArgs.toArray(String[]::new))) {
            JsonObject planJson = new JsonObject();
            planJson.addProperty("endpoint", emulator.endpoint());
            planJson.addProperty("accessKeyId", EmulatorHost.ACCESS_KEY_ID);
            planJson.addProperty("accessKeySecret", EmulatorHost.ACCESS_KEY_SECRET);
            planJson.addProperty("projectId", EmulatorHost.PROJECT_ID);
            planJson.addProperty("rateLimit", RATE);
            planJson.addProperty("cliJar", options.cliJar().toAbsolutePath().toString());
            planJson.addProperty("out", results.toString());
            planJson.addProperty("warmupFirstId", WARMUP_FIRST);
            JsonArray scenarios = new JsonArray();
            plan.forEach(s -> scenarios.add(s.json()));
            planJson.add("scenarios", scenarios);
            Path planFile = dir.resolve("plan.json").toAbsolutePath();
            Files.writeString(planFile, new Gson().toJson(planJson), StandardCharsets.UTF_8);
            runMaven(planFile, straceLog, dir.resolve("maven.log"));
            for (Scenario s : plan) {
                Files.writeString(dir.resolve("calls-" + s.name() + ".txt"),
                        emulator.ask("calls " + s.firstId() + " " + s.n()));
            }
            Files.writeString(dir.resolve("downloads.txt"), emulator.ask("downloads"));
            Files.writeString(dir.resolve("load.txt"),
                    "load average " + loadBefore + " before, " + Machine.loadAverage() + " after");
        }
    }

    /** Maven runs the plugin's benchmark test; under strace when it is installed. */
    private static void runMaven(Path plan, Path straceLog, Path mavenLog) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        boolean strace = Files.isExecutable(Path.of("/usr/bin/strace"));
        if (strace) {
            // seccomp-bpf stops only at the traced calls, so the controller runs almost at full speed.
            cmd.addAll(List.of("/usr/bin/strace", "-f", "--seccomp-bpf", "-qq", "-ttt", "-y", "-s", "0",
                    "-e", "trace=write,pwrite64,writev,pwritev,fsync,fdatasync,rename,renameat,renameat2",
                    "-e", "signal=none", "-o", straceLog.toString()));
        }
        cmd.addAll(List.of("./mvnw", "-q", "-pl", "plugin", "-am", "test", "-Pcontroller-benchmark",
                "-Dtest=ControllerScaleBenchmarkTest", "-Dsurefire.failIfNoSpecifiedTests=false",
                "-Dspotless.check.skip=true", "-Ddataworks.bench.plan=" + plan));
        System.out.println("    [controller] " + String.join(" ", cmd));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(mavenLog.toFile()).start();
        if (!p.waitFor(45, TimeUnit.MINUTES)) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
            throw new IOException("the controller benchmark did not finish within 45 minutes; see " + mavenLog);
        }
        if (p.exitValue() != 0) {
            System.out.println("    [controller] Maven exited with " + p.exitValue() + "; see " + mavenLog);
        }
    }
}
