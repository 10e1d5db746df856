package io.jenkins.plugins.dataworks.benchmarks;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Benchmark 7's figures, from what the controller, the emulator and strace recorded. */
final class ControllerScaleReport {

    private static final double TARGET = 1.2;

    private ControllerScaleReport() {}

    /** One measured scenario with the emulator's calls and the writes to its JENKINS_HOME. */
    private record Run(JsonObject plan, JsonObject r, CallLog calls, HomeWrites.Tally writes) {

        String name() {
            return plan.get("name").getAsString();
        }

        String kind() {
            return plan.get("kind").getAsString();
        }

        int n() {
            return plan.get("n").getAsInt();
        }

        int polls() {
            return plan.get("polls").getAsInt();
        }

        boolean ok() {
            return r != null && r.has("builds") && !r.has("error");
        }

        double d(String path) {
            JsonElement e = r;
            for (String part : path.split("\\.")) {
                e = e.getAsJsonObject().get(part);
            }
            return e.getAsDouble();
        }

        /**
         * Builds running when the in-flight samples were taken (started before, ended after): all N
         * unless the machine started them more slowly than the first ones waited.
         */
        int runningAtSample() {
            long at = r.get("inFlightMillis").getAsLong();
            int running = 0;
            for (JsonElement e : r.getAsJsonArray("builds")) {
                JsonObject b = e.getAsJsonObject();
                if (b.get("startMillis").getAsLong() <= at && b.get("endMillis").getAsLong() >= at) {
                    running++;
                }
            }
            return Math.max(1, running);
        }

        /** Builds that ran in this scenario (a restart only finds those that had started before it). */
        int builds() {
            return r.getAsJsonArray("builds").size();
        }

        int threadsAdded() {
            return (int) Math.max(0, d("peakThreads") - d("before.threads"));
        }

        double heapPerBuild() {
            return (d("inFlight.heap") - d("before.heap")) / runningAtSample();
        }

        double rssPerBuild() {
            return (d("inFlight.rss") - d("before.rss")) / runningAtSample();
        }

        double cpuSeconds() {
            return d("cpuNanos") / 1e9;
        }

        double bytesPerBuild() {
            return writes == null ? Double.NaN : writes.totalBytes() / (double) n();
        }

        double fsyncsPerBuild() {
            return writes == null ? Double.NaN : writes.totalFsyncs() / (double) n();
        }

        /** Terminal status (the migration's last call) to the end of its build, in seconds. */
        double[] detectionDelays() {
            Map<Long, Long> last = calls.lastCall();
            List<Double> out = new ArrayList<>();
            for (JsonElement e : r.getAsJsonArray("builds")) {
                JsonObject b = e.getAsJsonObject();
                Long at = last.get(b.get("id").getAsLong());
                if (at != null) {
                    out.add((b.get("endMillis").getAsLong() * 1000 - at) / 1e6);
                }
            }
            return out.stream().mapToDouble(Double::doubleValue).toArray();
        }

        long succeeded() {
            long ok = 0;
            for (JsonElement e : r.getAsJsonArray("builds")) {
                if (e.getAsJsonObject().get("result").getAsString().equals("SUCCESS")) {
                    ok++;
                }
            }
            return ok;
        }
    }

    static Section section(List<JsonObject> plan, Map<String, JsonObject> measured, Map<String, CallLog> calls,
            HomeWrites writes, long downloads, String load, int big, List<Summary> summary) {
        Map<String, Run> runs = new LinkedHashMap<>();
        for (JsonObject p : plan) {
            String name = p.get("name").getAsString();
            JsonObject r = measured.get(name);
            HomeWrites.Tally tally = writes == null || r == null || !r.has("endMillis") ? null
                    : writes.tally(r.get("home").getAsString(), r.get("triggerMillis").getAsLong(),
                            r.get("endMillis").getAsLong());
            runs.put(name, new Run(p, r, calls.get(name), tally));
        }
        Run stepBig = runs.get("step-" + big);
        Run sleepBig = runs.get("sleep-" + big);
        Run restart = runs.get("restart-" + big);
        List<String> failed = new ArrayList<>();
        runs.values().stream().filter(x -> !x.ok()).forEach(x -> failed.add(x.name()
                + (x.r() == null ? " (not run)" : " (" + (x.r().has("error") ? x.r().get("error").getAsString() : "no result") + ")")));

        Section s = new Section(ControllerScaleSection.TITLE);
        s.text("N Pipeline builds run at once in one real Jenkins (2.541.3 under JenkinsRule, in one JVM with "
                + "-Xmx2g -XX:+UseG1GC and the full JIT; `plugin/src/test/java/.../ControllerScaleBenchmarkTest`, run "
                + "through Maven with `-Pcontroller-benchmark`), each `waitForDataWorksMigration` on its own emulated "
                + "migration that shows EXPORT_SUCCESS at poll " + ControllerScaleSection.POLLS + " (INIT, EXPORTING, "
                + "EXPORTING, EXPORT_SUCCESS), polled at a fixed interval (`pollInterval` = `maxPollInterval`, the "
                + "engine's +-10 % jitter), download off unless said otherwise. The emulator runs in a JVM of its own, "
                + "so the controller's threads, heap, resident memory and CPU time are the controller's alone (the "
                + "benchmark samples them inside it). The global configuration allows " + Stats.f(ControllerScaleSection.RATE, 0)
                + " calls per second per AccessKey, and all builds sign with one AccessKey. Each scenario has a Jenkins "
                + "of its own (fresh JENKINS_HOME) that first runs a few builds of the same kind against finished "
                + "migrations (warm-up), then samples threads, heap after `System.gc()` and RSS; starts N builds "
                + "(one parameterized job); samples again once every build waits (our step: its first answer is in; "
                + "`sleep`, `sh`: the step runs, and every command line JVM is up); and waits for all to end. "
                + "Baselines in the same run: the same builds with `sleep(time: " + "(polls - 1) x interval, unit: 'SECONDS')`, "
                + "which is what a gate should cost; what users write today, `node { withCredentials(...) { sh 'java -jar "
                + "dataworks-migration.jar wait ...' } }` (an executor and a JVM per gate), and the freestyle builder "
                + "(an executor and its thread per gate), at N=" + runs.values().stream().filter(x -> x.kind().equals("cli")).mapToInt(Run::n).findFirst().orElse(0)
                + ". Bytes written "
                + "and fsyncs are counted by `strace -f --seccomp-bpf` around Maven (writes, fsyncs and renames only, "
                + "so the controller runs almost at full speed), for files under each scenario's JENKINS_HOME "
                + "between the first build's start and the last one's end; a temporary file counts as the file it "
                + "is renamed to. Controller CPU is the process' CPU time over the same span (all threads, GC "
                + "included), per build and per API call the emulator answered. Detection delay: from the call "
                + "whose answer was EXPORT_SUCCESS (emulator's log) to the end of the build. " + load + ".");
        if (!failed.isEmpty()) {
            s.text("Not measured or incomplete: " + String.join("; ", failed) + ".");
        }

        List<Run> cols = runs.values().stream().filter(x -> !x.kind().equals("restart") && x.ok()).toList();
        List<String> header = new ArrayList<>(List.of("metric"));
        cols.forEach(c -> header.add(label(c)));
        Table t = new Table(header.toArray(String[]::new));
        row(t, cols, "builds running when sampled (heap and RSS are per running build)", c -> c.runningAtSample() + " of "
                + c.n() + (c.r().get("allInFlight").getAsBoolean() ? "" : " (the first ended before the last started)"));
        row(t, cols, "wait: polls x interval", c -> c.kind().equals("sleep") ? "sleep " + (c.polls() - 1) * interval(c) + " s"
                : c.polls() + " x " + interval(c) + " s");
        row(t, cols, "executors busy (max)", c -> Integer.toString((int) c.d("sampler.maxBusyExecutors")));
        row(t, cols, "flyweight executors (a Pipeline build's, no thread)", c -> Integer.toString((int) c.d("sampler.maxOneOffExecutors")));
        row(t, cols, "live threads before (warmed up)", c -> Integer.toString((int) c.d("before.threads")));
        row(t, cols, "threads added (peak - before)", c -> Integer.toString(c.threadsAdded()));
        row(t, cols, "threads added while all waited (in-flight sample - before)",
                c -> Integer.toString((int) (c.d("inFlight.threads") - c.d("before.threads"))));
        row(t, cols, "the plugin's threads while all waited (`DataWorks migration *`)", c -> Integer.toString(pluginThreads(c)));
        row(t, cols, "Jenkins' CPS VM threads while all waited", c -> cpsThreads(c));
        row(t, cols, "heap per waiting build (after GC)", c -> Stats.kib(c.heapPerBuild()));
        row(t, cols, "resident memory per waiting build (RSS)", c -> Stats.kib(c.rssPerBuild()));
        row(t, cols, "command line JVMs alive (max) / their RSS", c -> c.kind().equals("cli")
                ? (int) c.d("sampler.maxCliJvms") + " / " + Stats.mib(c.d("sampler.maxCliJvmsRss")) : "-");
        row(t, cols, "controller CPU per build", c -> ms(c.cpuSeconds() / c.n()));
        row(t, cols, "controller CPU per API call", c -> c.calls().size() == 0 ? "-" : ms(c.cpuSeconds() / c.calls().size()));
        row(t, cols, "command line JVMs' CPU per build", c -> c.kind().equals("cli")
                ? ms(c.d("sampler.cliJvmCpuTicks") / 100.0 / c.n()) : "-");
        row(t, cols, "API calls / ideal (builds x polls)", c -> c.kind().equals("sleep") ? "-"
                : c.calls().size() + " / " + (long) c.n() * c.polls());
        row(t, cols, "most calls in any 1 s / in any 10 s (limit " + Stats.f(ControllerScaleSection.RATE, 0) + "/s, one AccessKey)",
                c -> c.kind().equals("sleep") ? "-" : c.calls().maxInWindow(1_000_000) + " / " + c.calls().maxInWindow(10_000_000));
        row(t, cols, "detection delay, median / max", c -> {
            double[] delays = c.detectionDelays();
            return delays.length == 0 ? "-" : Stats.seconds(Stats.median(delays)) + " / " + Stats.seconds(Stats.max(delays));
        });
        row(t, cols, "bytes written to JENKINS_HOME per build", c -> Double.isNaN(c.bytesPerBuild()) ? "-" : Stats.kib(c.bytesPerBuild()));
        row(t, cols, "bytes written per poll (per build / polls)", c -> Double.isNaN(c.bytesPerBuild()) ? "-"
                : Stats.kib(c.bytesPerBuild() / c.polls()));
        row(t, cols, "fsyncs per build", c -> Double.isNaN(c.fsyncsPerBuild()) ? "-" : Stats.f(c.fsyncsPerBuild(), 1));
        row(t, cols, "builds succeeded", c -> c.succeeded() + " of " + c.n());
        row(t, cols, "time to start all builds (first to last waiting)", c -> Stats.seconds(
                (c.d("inFlightMillis") - c.d("triggerMillis")) / 1000));
        row(t, cols, "first start to last end / one wait", c -> Stats.seconds((c.d("endMillis") - c.d("triggerMillis")) / 1000)
                + " / " + (c.polls() - 1) * interval(c) + " s");
        s.table(t);

        if (writes != null) {
            List<Run> wcols = cols.stream().filter(c -> c.writes() != null).toList();
            List<String> wh = new ArrayList<>(List.of("file (per build)"));
            wcols.forEach(c -> wh.add(label(c)));
            Table w = new Table(wh.toArray(String[]::new));
            for (String kind : HomeWrites.KINDS) {
                if (wcols.stream().allMatch(c -> c.writes().bytes().get(kind) == 0 && c.writes().fsyncs().get(kind) == 0)) {
                    continue;
                }
                List<Object> cells = new ArrayList<>(List.of(kind));
                wcols.forEach(c -> cells.add(Stats.kib(c.writes().bytes().get(kind) / (double) c.n()) + ", "
                        + Stats.f(c.writes().fsyncs().get(kind) / (double) c.n(), 1) + " fsyncs"));
                w.row(cells.toArray());
            }
            s.text("What each build wrote, by file (bytes and fsyncs per build; program.dat is the Pipeline's "
                    + "serialized program, build.xml the run with its actions, ours included; flow nodes the step "
                    + "graph):");
            s.table(w);
        } else {
            s.text("Bytes written and fsyncs were not counted: strace is not installed (`apt-get install strace`).");
        }

        if (stepBig != null && sleepBig != null && stepBig.ok() && sleepBig.ok()) {
            s.text("Heap growth by class between the two samples (after GC, all builds waiting), per build, the "
                    + "classes that grew most with our step next to the same class with `sleep` ("
                    + "`jcmd GC.class_histogram`):");
            s.table(histogram(stepBig, sleepBig));
            s.text("Threads alive while all " + big + " builds waited, by name (digits dropped), where the two differ:");
            s.table(threads(stepBig, sleepBig));
        }
        runs.values().stream().filter(x -> x.ok() && x.plan().get("download").getAsBoolean()).forEach(x -> s.text(
                "With the package: the emulator served " + downloads + " package downloads in all (warm-ups included); "
                        + x.succeeded() + " of " + x.n() + " builds archived theirs."));
        if (restart != null && restart.ok()) {
            s.text(restartText(restart));
            s.table(restartTable(restart));
        }
        verdicts(s, stepBig, sleepBig, restart, runs, big, summary);
        return s;
    }

    static int pluginThreads(Run c) {
        JsonObject groups = c.r().getAsJsonObject("threadGroupsInFlight");
        return groups.keySet().stream().filter(k -> k.startsWith("DataWorks migration"))
                .mapToInt(k -> groups.get(k).getAsInt()).sum();
    }

    private static String cpsThreads(Run c) {
        JsonObject groups = c.r().getAsJsonObject("threadGroupsInFlight");
        int cps = groups.keySet().stream().filter(k -> k.startsWith("CpsVmExecutorService") || k.startsWith("Running CpsFlowExecution"))
                .mapToInt(k -> groups.get(k).getAsInt()).sum();
        return Integer.toString(cps);
    }

    /** The thread names whose count differs most between the two, while all builds waited. */
    private static String threadsWhy(Run ours, Run sleep) {
        JsonObject a = ours.r().getAsJsonObject("threadGroupsInFlight");
        JsonObject b = sleep.r().getAsJsonObject("threadGroupsInFlight");
        List<String> parts = new ArrayList<>();
        a.keySet().stream()
                .map(k -> Map.entry(k, a.get(k).getAsInt() - (b.has(k) ? b.get(k).getAsInt() : 0)))
                .filter(e -> e.getValue() > 0)
                .sorted((x, y) -> Integer.compare(y.getValue(), x.getValue()))
                .limit(3)
                .forEach(e -> parts.add(e.getValue() + " more `" + e.getKey() + "`"));
        return parts.isEmpty() ? "the same thread names as with `sleep` at the in-flight sample; the peak came between samples"
                : "at the in-flight sample: " + String.join(", ", parts);
    }

    /** The classes whose growth per build differs most from `sleep`'s. */
    private static String heapWhy(Run ours, Run sleep) {
        Map<String, Double> a = growth(ours);
        Map<String, Double> b = growth(sleep);
        List<String> parts = new ArrayList<>();
        a.entrySet().stream()
                .map(e -> Map.entry(e.getKey(), e.getValue() - b.getOrDefault(e.getKey(), 0.0)))
                .sorted((x, y) -> Double.compare(y.getValue(), x.getValue()))
                .limit(3)
                .forEach(e -> parts.add("`" + e.getKey() + "` +" + Stats.kib(e.getValue())));
        return "per build, more than with `sleep`: " + String.join(", ", parts);
    }

    /** The files whose bytes per build differ most from `sleep`'s. */
    private static String bytesWhy(Run ours, Run sleep) {
        List<String> parts = new ArrayList<>();
        HomeWrites.KINDS.stream()
                .map(k -> Map.entry(k, (ours.writes().bytes().get(k) / (double) ours.n())
                        - (sleep.writes().bytes().get(k) / (double) sleep.n())))
                .filter(e -> e.getValue() > 0)
                .sorted((x, y) -> Double.compare(y.getValue(), x.getValue()))
                .limit(3)
                .forEach(e -> parts.add(e.getKey() + " +" + Stats.kib(e.getValue())));
        return "per build, more than with `sleep`: " + String.join(", ", parts);
    }

    private static int interval(Run c) {
        return c.plan().get("intervalSeconds").getAsInt();
    }

    private static String label(Run c) {
        String what = switch (c.kind()) {
            case "step" -> c.plan().get("download").getAsBoolean() ? "our step + 64 KiB package archived" : "our step";
            case "sleep" -> "`sleep`";
            case "cli" -> "CLI in `sh`";
            case "freestyle" -> "freestyle builder";
            default -> c.kind();
        };
        return what + ", " + c.n();
    }

    private interface Cell {
        String of(Run r);
    }

    private static void row(Table t, List<Run> cols, String metric, Cell cell) {
        List<Object> cells = new ArrayList<>(List.of(metric));
        for (Run c : cols) {
            String v;
            try {
                v = cell.of(c);
            } catch (RuntimeException e) {
                v = "-";
            }
            cells.add(v);
        }
        t.row(cells.toArray());
    }

    private static String ms(double seconds) {
        return Stats.f(seconds * 1000, 1) + " ms";
    }

    private static Table histogram(Run ours, Run sleep) {
        Map<String, Double> growth = growth(ours);
        Map<String, Double> sleepGrowth = growth(sleep);
        Table t = new Table("class", "our step: bytes per build", "instances per build", "`sleep`: bytes per build");
        growth.entrySet().stream().sorted((a, b) -> Double.compare(b.getValue(), a.getValue())).limit(12).forEach(e -> {
            double instances = instancesGrowth(ours, e.getKey());
            t.row("`" + e.getKey() + "`", Stats.f(e.getValue(), 0), Stats.f(instances, 1),
                    Stats.f(sleepGrowth.getOrDefault(e.getKey(), 0.0), 0));
        });
        return t;
    }

    private static Map<String, Double> growth(Run r) {
        JsonObject before = r.r().getAsJsonObject("histogramBefore");
        JsonObject after = r.r().getAsJsonObject("histogramInFlight");
        Map<String, Double> out = new TreeMap<>();
        for (String cls : after.keySet()) {
            long b = before.has(cls) ? before.getAsJsonObject(cls).get("bytes").getAsLong() : 0;
            out.put(cls, (after.getAsJsonObject(cls).get("bytes").getAsLong() - b) / (double) r.runningAtSample());
        }
        return out;
    }

    private static double instancesGrowth(Run r, String cls) {
        JsonObject before = r.r().getAsJsonObject("histogramBefore");
        JsonObject after = r.r().getAsJsonObject("histogramInFlight");
        long b = before.has(cls) ? before.getAsJsonObject(cls).get("instances").getAsLong() : 0;
        return (after.getAsJsonObject(cls).get("instances").getAsLong() - b) / (double) r.runningAtSample();
    }

    private static Table threads(Run ours, Run sleep) {
        JsonObject a = ours.r().getAsJsonObject("threadGroupsInFlight");
        JsonObject b = sleep.r().getAsJsonObject("threadGroupsInFlight");
        Table t = new Table("thread name", "our step", "`sleep`");
        java.util.Set<String> names = new java.util.TreeSet<>(a.keySet());
        names.addAll(b.keySet());
        for (String name : names) {
            int x = a.has(name) ? a.get(name).getAsInt() : 0;
            int y = b.has(name) ? b.get(name).getAsInt() : 0;
            if (x != y) {
                t.row("`" + name.replace("|", "/") + "`", x, y);
            }
        }
        if (t.isEmpty()) {
            t.row("(the same threads)", "-", "-");
        }
        return t;
    }

    private static String restartText(Run r) {
        return "Restart: " + r.n() + " builds are started; once they wait (each has had its first answer, INIT), or "
                + "when the first would end, the controller shuts down "
                + "(a JenkinsSessionRule session ends: Pipelines are saved and suspended) and a new Jenkins starts on "
                + "the same JENKINS_HOME, the emulator still running; every wait resumes from its persisted snapshot. "
                + "Each migration shows EXPORT_SUCCESS at poll " + r.polls() + ". Resumed waits whose next poll is "
                + "already due all ask at once, so the rate limit spaces them: " + r.n() + " calls at "
                + Stats.f(ControllerScaleSection.RATE, 0) + "/s take " + Stats.seconds(r.n() / ControllerScaleSection.RATE)
                + " at best.";
    }

    private static Table restartTable(Run r) {
        long down = (long) r.d("downMillis");
        long downMicros = down * 1000;
        Map<Long, Long> first = r.calls().firstCallSince(downMicros);
        long lastResumed = first.values().stream().mapToLong(Long::longValue).max().orElse(downMicros);
        Map<Long, Integer> per = r.calls().perMigration();
        int minCalls = per.values().stream().mapToInt(Integer::intValue).min().orElse(0);
        int maxCalls = per.values().stream().mapToInt(Integer::intValue).max().orElse(0);
        long once = 0;
        long resumedOnce = 0;
        long lastEnd = 0;
        for (JsonElement e : r.r().getAsJsonArray("builds")) {
            JsonObject b = e.getAsJsonObject();
            if (b.get("result").getAsString().equals("SUCCESS") && b.get("gateLines").getAsInt() == 1) {
                once++;
            }
            if (b.get("resumedLines").getAsInt() == 1) {
                resumedOnce++;
            }
            lastEnd = Math.max(lastEnd, b.get("endMillis").getAsLong());
        }
        Table t = new Table("restart with " + r.n() + " waiting builds", "value");
        t.row("builds that ended before the restart", (long) r.d("finishedBeforeRestart"));
        t.row("shutdown (session end to Jenkins stopped)", Stats.seconds((r.d("downMillis") - r.d("shutdownMillis")) / 1000));
        t.row("start (Jenkins stopped to the new one up)", Stats.seconds((r.d("upMillis") - r.d("downMillis")) / 1000));
        t.row("restart to every wait's first poll after it", Stats.seconds((lastResumed - downMicros) / 1e6));
        t.row("waits that polled after the restart", first.size() + " of " + r.builds());
        t.row("restart to the last build's end", Stats.seconds((lastEnd - down) / 1000.0));
        t.row("builds started before the restart (the rest were still queued)", r.builds() + " of " + r.n());
        t.row("of those, SUCCESS with exactly one gate verdict in the log", once + " of " + r.builds());
        t.row("of those, whose log says it resumed exactly once", resumedOnce + " of " + r.builds());
        t.row("calls per migration (min / max; ideal " + r.polls() + ")", minCalls + " / " + maxCalls);
        t.row("most calls in any 1 s after the restart (limit " + Stats.f(ControllerScaleSection.RATE, 0) + ")",
                r.calls().since(downMicros).maxInWindow(1_000_000));
        return t;
    }

    private static void verdicts(Section s, Run step, Run sleep, Run restart, Map<String, Run> runs, int big,
            List<Summary> summary) {
        Run cli = runs.values().stream().filter(x -> x.kind().equals("cli")).findFirst().orElse(null);
        Run freestyle = runs.values().stream().filter(x -> x.kind().equals("freestyle")).findFirst().orElse(null);
        if (step == null || !step.ok() || sleep == null || !sleep.ok()) {
            summary.add(Summary.notMeasured("7. " + big + " waiting builds in one controller", "scenario failed"));
            return;
        }
        int executors = (int) step.d("sampler.maxBusyExecutors");
        String baselineExecutors = cli != null && cli.ok() ? (int) cli.d("sampler.maxBusyExecutors") + " for " + cli.n()
                + " (CLI in sh)" : "-";
        s.verdict("0 executors for " + big + " waiting builds", executors == 0, executors + " busy; the CLI in sh held "
                + baselineExecutors + (freestyle != null && freestyle.ok() ? ", the freestyle builder "
                + (int) freestyle.d("sampler.maxBusyExecutors") + " for " + freestyle.n() : ""));
        summary.add(new Summary("7. executors busy, " + big + " waiting builds", Integer.toString(executors),
                baselineExecutors, "-", "0", executors == 0 ? "met" : "missed"));

        int added = step.threadsAdded();
        int sleepAdded = sleep.threadsAdded();
        boolean threadsMet = added == 0;
        s.verdict("0 threads added at N=" + big, threadsMet, added + " added (peak - before); `sleep` added "
                + sleepAdded + (threadsMet ? "" : "; " + threadsWhy(step, sleep) + ". The peak comes while the builds "
                + "start: every running Pipeline gets a CPS VM thread (`CpsVmExecutorService`, a cached pool whose "
                + "threads idle 60 s before they end), with `sleep` as with our step; the plugin's own threads are "
                + pluginThreads(step) + " (its poll pool), whatever N"));
        summary.add(new Summary("7. threads added, " + big + " waiting builds", Integer.toString(added),
                sleepAdded + " (`sleep`)", sleepAdded == 0 ? "-" : Stats.ratio(added / (double) sleepAdded), "0",
                threadsMet ? "met" : "missed"));

        double heap = step.heapPerBuild() / sleep.heapPerBuild();
        s.verdict("heap per waiting build within " + TARGET + "x of `sleep`'s", heap <= TARGET,
                Stats.kib(step.heapPerBuild()) + " against " + Stats.kib(sleep.heapPerBuild()) + ", " + Stats.ratio(heap)
                        + (heap <= TARGET ? "" : "; " + heapWhy(step, sleep)));
        summary.add(new Summary("7. heap per waiting build", Stats.kib(step.heapPerBuild()),
                Stats.kib(sleep.heapPerBuild()) + " (`sleep`)", Stats.ratio(heap), "<= " + TARGET + "x", heap <= TARGET ? "met" : "missed"));

        if (!Double.isNaN(step.bytesPerBuild()) && !Double.isNaN(sleep.bytesPerBuild())) {
            double bytes = step.bytesPerBuild() / sleep.bytesPerBuild();
            s.verdict("bytes written per poll (per build of the same length) within " + TARGET + "x of `sleep`'s",
                    bytes <= TARGET, Stats.kib(step.bytesPerBuild() / step.polls()) + " per poll, "
                            + Stats.kib(step.bytesPerBuild()) + " per build against " + Stats.kib(sleep.bytesPerBuild())
                            + ", " + Stats.ratio(bytes) + (bytes <= TARGET ? "" : "; " + bytesWhy(step, sleep)));
            summary.add(new Summary("7. bytes written to JENKINS_HOME per build (" + step.polls() + " polls)",
                    Stats.kib(step.bytesPerBuild()), Stats.kib(sleep.bytesPerBuild()) + " (`sleep`)", Stats.ratio(bytes),
                    "<= " + TARGET + "x", bytes <= TARGET ? "met" : "missed"));
        }

        int worst = 0;
        int worst10 = 0;
        for (Run r : runs.values()) {
            if (r.ok() && !r.kind().equals("sleep") && !r.kind().equals("cli") && r.calls() != null) {
                worst = Math.max(worst, r.calls().maxInWindow(1_000_000));
                worst10 = Math.max(worst10, r.calls().maxInWindow(10_000_000));
            }
        }
        // One call more than the rate in a 1 s window is loopback jitter: the limiter spaces reservations exactly.
        boolean rateMet = worst <= ControllerScaleSection.RATE + 1;
        s.verdict("the configured call rate (" + Stats.f(ControllerScaleSection.RATE, 0) + "/s per AccessKey) never exceeded",
                rateMet, "at most " + worst + " calls in any 1 s window of the emulator's log, over every scenario with our step"
                        + (rateMet ? "" : ", and at most " + worst10 + " in any 10 s (limit "
                        + Stats.f(10 * ControllerScaleSection.RATE, 0) + "): the limiter lets calls leave "
                        + Stats.f(1000 / ControllerScaleSection.RATE, 0) + " ms apart at the latest moment it can see, right "
                        + "before the request is written; the emulator logs a call when its own thread reads it, and on a "
                        + "loaded machine requests written apart may be read together")
                        + (cli != null && cli.ok() ? "; the CLI in sh, one limiter per JVM, reached " + cli.calls().maxInWindow(1_000_000) : ""));
        summary.add(new Summary("7. most calls in any 1 s, one AccessKey, all builds", Integer.toString(worst),
                "-", "-", "<= " + Stats.f(ControllerScaleSection.RATE, 0) + " (+1 jitter)", rateMet ? "met" : "missed"));

        summary.add(new Summary("7. controller CPU per API call, " + big + " builds",
                ms(step.cpuSeconds() / Math.max(1, step.calls().size())), ms(sleep.cpuSeconds() / sleep.n()) + " per `sleep` build",
                "-", "-", "-"));

        if (restart != null && restart.ok()) {
            long once = 0;
            for (JsonElement e : restart.r().getAsJsonArray("builds")) {
                JsonObject b = e.getAsJsonObject();
                if (b.get("result").getAsString().equals("SUCCESS") && b.get("gateLines").getAsInt() == 1) {
                    once++;
                }
            }
            long downMicros = (long) restart.d("downMillis") * 1000;
            long lastResumed = restart.calls().firstCallSince(downMicros).values().stream().mapToLong(Long::longValue)
                    .max().orElse(downMicros);
            boolean met = once == restart.builds() && restart.builds() > 0;
            s.verdict("every build completes exactly once after a restart", met, once + " of " + restart.builds()
                    + " ended SUCCESS with one verdict; all waits polled again " + Stats.seconds((lastResumed - downMicros) / 1e6)
                    + " after the old controller stopped");
            summary.add(new Summary("7. restart with " + restart.n() + " waits: all polled again / completed once",
                    Stats.seconds((lastResumed - downMicros) / 1e6) + ", " + once + " of " + restart.builds(), "-", "-",
                    "each exactly once", met ? "met" : "missed"));
        } else {
            summary.add(Summary.notMeasured("7. restart with " + big + " waits", "scenario failed"));
        }
    }
}
