package io.jenkins.plugins.dataworks.benchmarks;

import com.google.gson.JsonObject;
import java.time.Duration;
import java.util.List;

/**
 * Benchmark 1, the harness side: one emulator process, then three client JVMs in turn (the engine
 * with N waits, the engine with N/10 waits to show that threads do not grow with N, the
 * thread-per-wait baseline with N waits), each against migrations of its own.
 */
final class ConcurrentWaitsSection {

    static final String TITLE = "1. Concurrent waits: threads, heap and API calls";

    static final int INTERVAL_MS = 200;
    /** Each migration shows EXPORT_SUCCESS from poll SUCCESS_AFTER + 1 on. */
    static final int SUCCESS_AFTER = 5;
    static final int POLL_THREADS = 4;
    private static final List<String> CLIENT_JVM = List.of("-Xms512m", "-Xmx512m", "-XX:+UseG1GC");

    private ConcurrentWaitsSection() {}

    static Section build(BenchmarkSuite.Options options, List<Summary> summary) throws Exception {
        int n = options.waits();
        int small = Math.max(1, n / 10);
        try (EmulatorProcess emulator = EmulatorProcess.start("waits-emulator", List.of("-Xmx1g"),
                "waits", "100000", Integer.toString(n), Integer.toString(SUCCESS_AFTER),
                "waits", "200000", Integer.toString(small), Integer.toString(SUCCESS_AFTER),
                "waits", "300000", Integer.toString(n), Integer.toString(SUCCESS_AFTER),
                "waits", "900000", "100", Integer.toString(SUCCESS_AFTER))) {
            JsonObject engine = run(emulator, "engine", 100000, n, 900000);
            JsonObject engineSmall = run(emulator, "engine", 200000, small, 900030);
            JsonObject threads = run(emulator, "threads", 300000, n, 900060);
            return section(n, small, engine, engineSmall, threads, summary);
        }
    }

    private static JsonObject run(EmulatorProcess emulator, String mode, long firstId, int count, long warmupId)
            throws Exception {
        long before = emulator.count("GetMigrationSummary");
        JsonObject r = ChildJvm.run("waits-" + mode + "-" + count, CLIENT_JVM, ConcurrentWaitsChild.class,
                Duration.ofMinutes(12), mode, emulator.endpoint(), Long.toString(firstId), Integer.toString(count),
                Integer.toString(INTERVAL_MS), Integer.toString(POLL_THREADS), Long.toString(warmupId));
        // The warm-up waits' calls reached the emulator too; the client counted them exactly.
        r.addProperty("emulatorCalls", emulator.count("GetMigrationSummary") - before - r.get("warmupCalls").getAsLong());
        return r;
    }

    private static Section section(int n, int small, JsonObject e, JsonObject es, JsonObject t, List<Summary> summary) {
        double idealWall = SUCCESS_AFTER * INTERVAL_MS / 1000.0;
        Table table = new Table("metric", "engine, " + n + " waits", "engine, " + small + " waits",
                "thread-per-wait, " + n + " waits", "engine / thread-per-wait");
        table.row("live threads before the waits (client warmed up)", i(e, "threadsBefore"), i(es, "threadsBefore"),
                i(t, "threadsBefore"), "-");
        table.row("peak live threads during the waits", i(e, "peakThreads"), i(es, "peakThreads"), i(t, "peakThreads"),
                Stats.ratio(d(e, "peakThreads") / d(t, "peakThreads")));
        table.row("engine threads alive (scheduler + poll pool, `dataworks-wait-*`)", i(e, "engineThreads"),
                i(es, "engineThreads"), i(t, "engineThreads"), "-");
        table.row("threads added (peak - before)", added(e), added(es), added(t), Stats.ratio(added(e) / (double) added(t)));
        table.row("threads added per wait", Stats.f(added(e) / (double) n, 4), Stats.f(added(es) / (double) small, 4),
                Stats.f(added(t) / (double) n, 4), "-");
        table.row("heap per wait (after GC, in flight - before)", Stats.kib(heapPerWait(e)), Stats.kib(heapPerWait(es)),
                Stats.kib(heapPerWait(t)), Stats.ratio(heapPerWait(e) / heapPerWait(t)));
        table.row("resident memory per wait (RSS, in flight - before)", Stats.kib(rssPerWait(e)), Stats.kib(rssPerWait(es)),
                Stats.kib(rssPerWait(t)), Stats.ratio(rssPerWait(e) / rssPerWait(t)));
        table.row("waits already finished when the heap was sampled", i(e, "finishedAtSample"), i(es, "finishedAtSample"),
                i(t, "finishedAtSample"), "-");
        table.row("API calls (emulator's count, warm-up excluded)", i(e, "emulatorCalls"), i(es, "emulatorCalls"), i(t, "emulatorCalls"),
                Stats.ratio(d(e, "emulatorCalls") / d(t, "emulatorCalls")));
        table.row("API calls, ideal (waits x " + (SUCCESS_AFTER + 1) + " polls)", n * (SUCCESS_AFTER + 1),
                small * (SUCCESS_AFTER + 1), n * (SUCCESS_AFTER + 1), "-");
        table.row("failed calls / failed waits", i(e, "failedCalls") + " / " + i(e, "failedWaits"),
                i(es, "failedCalls") + " / " + i(es, "failedWaits"), i(t, "failedCalls") + " / " + i(t, "failedWaits"), "-");
        table.row("wall time, all waits started to last finish", Stats.seconds(d(e, "wallSeconds")), Stats.seconds(d(es, "wallSeconds")),
                Stats.seconds(d(t, "wallSeconds")), Stats.ratio(d(e, "wallSeconds") / d(t, "wallSeconds")));
        table.row("wall time / ideal (" + SUCCESS_AFTER + " x " + INTERVAL_MS + " ms = " + Stats.seconds(idealWall) + ")",
                Stats.ratio(d(e, "wallSeconds") / idealWall), Stats.ratio(d(es, "wallSeconds") / idealWall),
                Stats.ratio(d(t, "wallSeconds") / idealWall), "-");
        table.row("time to start all waits (not in the wall time)", Stats.seconds(d(e, "startLoopSeconds")), Stats.seconds(d(es, "startLoopSeconds")),
                Stats.seconds(d(t, "startLoopSeconds")), "-");

        int fixedPool = POLL_THREADS + 2;
        boolean threadsFlat = added(e) <= fixedPool && added(e) <= added(es) + 2;
        double kib = heapPerWait(e) / 1024;
        boolean heapSmall = kib <= 10;
        summary.add(new Summary("1. threads added by " + n + " concurrent waits", Integer.toString(added(e)),
                added(t) + " (thread per wait)", Stats.ratio(added(e) / (double) added(t)),
                "fixed, <= " + fixedPool, threadsFlat ? "met" : "missed"));
        summary.add(new Summary("1. heap per wait", Stats.kib(heapPerWait(e)), Stats.kib(heapPerWait(t)) + " (thread per wait)",
                Stats.ratio(heapPerWait(e) / heapPerWait(t)), "low KiB (<= 10 KiB)", heapSmall ? "met" : "missed"));
        summary.add(new Summary("1. resident memory (RSS) per wait", Stats.kib(rssPerWait(e)),
                Stats.kib(rssPerWait(t)) + " (thread per wait: stacks live outside the heap)",
                Stats.ratio(rssPerWait(e) / rssPerWait(t)), "-", "-"));
        summary.add(new Summary("1. wall time of " + n + " waits / ideal", Stats.ratio(d(e, "wallSeconds") / idealWall),
                Stats.ratio(d(t, "wallSeconds") / idealWall) + " (thread per wait)",
                Stats.ratio(d(e, "wallSeconds") / d(t, "wallSeconds")), "-", "-"));

        Section s = new Section(TITLE)
                .text(n + " waits start at once, each on its own emulated migration that shows EXPORT_SUCCESS from poll "
                        + (SUCCESS_AFTER + 1) + " on, polled every " + INTERVAL_MS + " ms (fixed interval, no jitter, on both "
                        + "sides so the schedules match). The emulator runs in a separate JVM (`EmulatorHost`, `java -cp "
                        + "benchmarks.jar`), so the client JVM's threads and heap are the client's alone; calls go over real "
                        + "HTTP on loopback through the engine's `AliyunDataWorksClient` (aliyun-java-sdk-core). Each side "
                        + "runs in a fresh client JVM (" + String.join(" ", CLIENT_JVM) + ") that first completes 20 warm-up "
                        + "waits, then samples threads, heap after `System.gc()` and RSS; starts the waits; samples again "
                        + "right after the last one started (all in flight; the smaller of two heap samples). Peak threads come from `ThreadMXBean` "
                        + "(peak reset before the waits). The engine runs on `WaitEngine` (one scheduler thread, a pool of "
                        + POLL_THREADS + " poll threads); the baseline is a platform thread per wait doing poll + "
                        + "`Thread.sleep`, which is what a `SynchronousNonBlockingStepExecution` step does. The middle "
                        + "column runs the engine with a tenth of the waits, to show that its threads do not grow with them.")
                .table(table)
                .verdict("threads do not grow with the number of waits (small fixed pool)", threadsFlat,
                        added(e) + " threads added for " + n + " waits, " + added(es) + " for " + small + "; the baseline added " + added(t))
                .verdict("heap per wait in the low kilobytes", heapSmall, Stats.kib(heapPerWait(e)) + " per wait");
        s.text("Creating " + n + " platform threads took the baseline " + Stats.seconds(d(t, "startLoopSeconds"))
                + " (\"time to start all waits\"); so that all of them are alive at once, as in a busy controller, its "
                + "threads wait at a gate until the last one exists, and wall times count from that moment on both sides. "
                + "With " + small + " waits the engine's heap difference is within the noise of one heap sample (a few "
                + "hundred KiB: calls in progress on the poll threads), so its per-wait figure is less precise than the "
                + n + "-wait one. A thread's cost lies mostly outside the heap, in its stack and kernel structures: "
                + "compare the resident memory per wait (" + Stats.kib(rssPerWait(e)) + " for the engine, "
                + Stats.kib(rssPerWait(t)) + " for a thread per wait).");
        if (d(e, "wallSeconds") > d(t, "wallSeconds") * 1.1) {
            s.text("The engine took " + Stats.ratio(d(e, "wallSeconds") / d(t, "wallSeconds")) + " the baseline's wall "
                    + "time: its calls go through " + POLL_THREADS + " poll threads, so at most " + POLL_THREADS
                    + " are in flight, while the baseline has up to " + n + " in flight and keeps both cores busier. "
                    + "That bound is deliberate (`WaitEngine.DEFAULT_POLL_THREADS`): the service allows 5 to 50 calls "
                    + "per second per account, far below the " + (n * 1000 / INTERVAL_MS) + " per second this "
                    + "benchmark asks for.");
        }
        double slowdown = d(e, "wallSeconds") / idealWall;
        if (slowdown > 1.5) {
            s.text("Wall time exceeds the ideal by " + Stats.ratio(slowdown) + ": " + n + " waits every " + INTERVAL_MS
                    + " ms ask for " + (n * 1000 / INTERVAL_MS) + " signed calls per second from one 2-core machine that "
                    + "also runs the emulator, so the calls queue (CPU-bound: signing, HTTP, the emulator's signature "
                    + "check). Real intervals are 15 s and more, i.e. 75x fewer calls per second.");
        }
        return s;
    }

    private static int added(JsonObject r) {
        return Math.max(0, i(r, "peakThreads") - i(r, "threadsBefore"));
    }

    private static double heapPerWait(JsonObject r) {
        return (d(r, "heapInFlight") - d(r, "heapBefore")) / d(r, "waits");
    }

    private static double rssPerWait(JsonObject r) {
        return (d(r, "rssInFlight") - d(r, "rssBefore")) / d(r, "waits");
    }

    private static int i(JsonObject r, String key) {
        return r.get(key).getAsInt();
    }

    private static double d(JsonObject r, String key) {
        return r.get(key).getAsDouble();
    }
}
