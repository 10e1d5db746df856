package io.jenkins.plugins.dataworks;

import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.cloudbees.plugins.credentials.CredentialsScope;
import com.cloudbees.plugins.credentials.SystemCredentialsProvider;
import com.cloudbees.plugins.credentials.impl.UsernamePasswordCredentialsImpl;
import hudson.model.Computer;
import hudson.model.FreeStyleProject;
import hudson.model.ParametersAction;
import hudson.model.ParametersDefinitionProperty;
import hudson.model.Run;
import hudson.model.StringParameterDefinition;
import hudson.model.StringParameterValue;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Predicate;
import java.util.stream.Stream;
import net.sf.json.JSONArray;
import net.sf.json.JSONObject;
import org.jenkinsci.plugins.scriptsecurity.scripts.ScriptApproval;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.cps.nodes.StepAtomNode;
import org.jenkinsci.plugins.workflow.flow.FlowExecution;
import org.jenkinsci.plugins.workflow.graph.FlowNode;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.JenkinsSessionExtension;

/**
 * Benchmark 7, the controller's side: N concurrent builds in one real Jenkins, each waiting for its
 * own emulated migration, against the same builds with Jenkins' own {@code sleep}, the command line
 * in {@code sh} and the freestyle builder. Not a test of behaviour and never part of
 * {@code ./mvnw verify} (tag {@code benchmark}, run by the {@code controller-benchmark} profile):
 * benchmarks/run.sh --only 7 starts the emulator in a JVM of its own, writes the plan this class
 * reads ({@code -Ddataworks.bench.plan=FILE}), runs it through Maven and reads back the figures it
 * writes, which it joins with the emulator's call log and the writes strace saw.
 *
 * <p>Each scenario gets a Jenkins of its own (a fresh JENKINS_HOME), in this one JVM: the
 * controller whose threads, heap, resident memory and CPU time are sampled here.
 */
@Tag("benchmark")
class ControllerScaleBenchmarkTest {

    private static final String PLAN_PROPERTY = "dataworks.bench.plan";
    private static final String CREDENTIALS_ID = "bench";
    private static final String JOB = "gate";

    @RegisterExtension
    final JenkinsSessionExtension sessions = new JenkinsSessionExtension();

    private static JSONObject plan;
    private static final JSONArray RESULTS = new JSONArray();

    static Stream<String> scenarios() throws IOException {
        String file = System.getProperty(PLAN_PROPERTY);
        if (file == null) {
            throw new IllegalStateException(
                    "no -D" + PLAN_PROPERTY + "=FILE: run this benchmark with benchmarks/run.sh --only 7");
        }
        plan = JSONObject.fromObject(Files.readString(Path.of(file), StandardCharsets.UTF_8));
        List<String> names = new ArrayList<>();
        for (Object s : plan.getJSONArray("scenarios")) {
            names.add(((JSONObject) s).getString("name"));
        }
        return names.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void scenario(String name) throws Throwable {
        JSONObject s = null;
        for (Object o : plan.getJSONArray("scenarios")) {
            if (((JSONObject) o).getString("name").equals(name)) {
                s = (JSONObject) o;
            }
        }
        assertNotNull(s, name);
        JSONObject result = new JSONObject();
        result.put("name", name);
        result.put("kind", s.getString("kind"));
        result.put("n", s.getInt("n"));
        result.put("home", sessions.getHome().getCanonicalPath());
        try {
            if (s.getString("kind").equals("restart")) {
                restart(s, result);
            } else {
                JSONObject scenario = s;
                sessions.then(r -> measure(r, scenario, result));
            }
        } catch (Throwable t) {
            result.put("error", String.valueOf(t));
            throw t;
        } finally {
            synchronized (RESULTS) {
                RESULTS.add(result);
                Files.writeString(Path.of(plan.getString("out")), RESULTS.toString(1), StandardCharsets.UTF_8);
            }
        }
    }

    /** One scenario in one Jenkins: warm up, sample, start N builds, sample in flight, wait for the end. */
    private static void measure(JenkinsRule r, JSONObject s, JSONObject result) throws Exception {
        String kind = s.getString("kind");
        int n = s.getInt("n");
        configure(r, kind, n);
        List<Long> ids = ids(s);
        Starter starter = starter(r, s, ids);
        warmUp(r, s);
        Sample before = Sample.take(true);
        result.put("before", before.json());
        result.put("histogramBefore", Histogram.take());
        ManagementFactory.getThreadMXBean().resetPeakThreadCount();
        Sampler sampler = Sampler.start(r, s);
        long cpu0 = Sample.processCpuNanos();
        long t0 = System.currentTimeMillis();
        List<Run<?, ?>> runs = starter.startAll();
        result.put("triggerMillis", t0);
        result.put("triggeredMillis", System.currentTimeMillis());
        boolean allInFlight = awaitInFlight(r, s, runs);
        result.put("inFlightMillis", System.currentTimeMillis());
        result.put("allInFlight", allInFlight);
        Sample inFlight = Sample.take(true);
        Sample again = Sample.take(true);
        result.put("inFlight", (inFlight.heap <= again.heap ? inFlight : again).json());
        result.put(
                "finishedAtSample", runs.stream().filter(x -> !x.isBuilding()).count());
        result.put("threadGroupsInFlight", Sample.threadGroups());
        result.put("histogramInFlight", Histogram.take());
        awaitEnd(runs, s.optInt("maxMinutes", 20));
        long t1 = System.currentTimeMillis();
        long cpu1 = Sample.processCpuNanos();
        sampler.stop();
        result.put("endMillis", t1);
        result.put("cpuNanos", cpu1 - cpu0);
        result.put("peakThreads", ManagementFactory.getThreadMXBean().getPeakThreadCount());
        result.put("sampler", sampler.json());
        result.put("after", Sample.take(false).json());
        result.put("builds", builds(runs, ids));
    }

    /**
     * N waits in flight, then a restart of the controller (the same JENKINS_HOME in a new Jenkins), and
     * every wait resumed and completed once. The emulator counts the calls; this side counts how
     * long the shutdown and the start took and how each build ended.
     */
    private void restart(JSONObject s, JSONObject result) throws Throwable {
        List<Long> ids = ids(s);
        sessions.then(r -> {
            configure(r, "step", s.getInt("n"));
            Starter starter = starter(r, s, ids);
            warmUp(r, s);
            result.put("triggerMillis", System.currentTimeMillis());
            List<Run<?, ?>> runs = starter.startAll();
            result.put("allInFlight", awaitInFlight(r, s, runs));
            result.put("inFlightMillis", System.currentTimeMillis());
            result.put(
                    "finishedBeforeRestart",
                    runs.stream().filter(x -> !x.isBuilding()).count());
            result.put("shutdownMillis", System.currentTimeMillis());
        });
        result.put("downMillis", System.currentTimeMillis());
        sessions.then(r -> {
            result.put("upMillis", System.currentTimeMillis());
            WorkflowJob job = r.jenkins.getItemByFullName(JOB, WorkflowJob.class);
            List<Run<?, ?>> runs = new ArrayList<>();
            for (WorkflowRun run : job.getBuilds()) {
                if (run.getNumber() > s.getInt("warmups")) {
                    runs.add(run);
                }
            }
            runs.sort((a, b) -> Integer.compare(a.getNumber(), b.getNumber()));
            awaitEnd(runs, s.optInt("maxMinutes", 20));
            result.put("endMillis", System.currentTimeMillis());
            result.put("builds", builds(runs, ids));
        });
    }

    private static List<Long> ids(JSONObject s) {
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < s.getInt("n"); i++) {
            ids.add(s.getLong("firstId") + i);
        }
        return ids;
    }

    private static void configure(JenkinsRule r, String kind, int n) throws Exception {
        SystemCredentialsProvider store = SystemCredentialsProvider.getInstance();
        store.getCredentials()
                .add(new UsernamePasswordCredentialsImpl(
                        CredentialsScope.GLOBAL,
                        CREDENTIALS_ID,
                        "benchmark",
                        plan.getString("accessKeyId"),
                        plan.getString("accessKeySecret")));
        store.save();
        DataWorksGlobalConfiguration config = DataWorksGlobalConfiguration.get();
        config.setDefaultRegion("cn-shanghai");
        config.setAllowedEndpoints(plan.getString("endpoint"));
        config.setAllowedDownloadHosts("127.0.0.1");
        config.setRateLimit(plan.getDouble("rateLimit"));
        // The scripts run in the sandbox, as users' do; this is the one call they need beyond its whitelist.
        ScriptApproval.get().approveSignature("staticMethod java.lang.Long parseLong java.lang.String");
        // The command line in sh and the freestyle builder each hold an executor per build.
        r.jenkins.setNumExecutors(kind.equals("cli") || kind.equals("freestyle") ? n + 2 : 2);
    }

    /** The Pipeline of each kind; {@code seconds} is how long a wait lasts (sleep) or how often it polls. */
    private static String script(String kind, int seconds, boolean download) {
        String project = plan.getString("projectId");
        String endpoint = plan.getString("endpoint");
        return switch (kind) {
            case "step", "restart" ->
                "waitForDataWorksMigration projectId: " + project
                        + ", migrationId: Long.parseLong(params.MIGRATION_ID), credentialsId: '" + CREDENTIALS_ID
                        + "', endpoint: '" + endpoint + "', pollInterval: '" + seconds + "s', maxPollInterval: '"
                        + seconds + "s'" + (download ? "" : ", download: 'NEVER'") + "\n";
            case "sleep" -> "sleep(time: " + seconds + ", unit: 'SECONDS')\n";
            case "cli" ->
                "node {\n  withCredentials([usernamePassword(credentialsId: '" + CREDENTIALS_ID
                        + "', usernameVariable: 'ALIBABA_CLOUD_ACCESS_KEY_ID',"
                        + " passwordVariable: 'ALIBABA_CLOUD_ACCESS_KEY_SECRET')]) {\n"
                        + "    sh \"'" + Path.of(System.getProperty("java.home"), "bin", "java") + "' -jar '"
                        + plan.getString("cliJar") + "' wait --region cn-shanghai --endpoint " + endpoint
                        + " --project-id " + project + " --migration-id ${params.MIGRATION_ID} --poll-interval "
                        + seconds + "s --max-poll-interval " + seconds + "s --download never\"\n  }\n}\n";
            default -> throw new IllegalArgumentException(kind);
        };
    }

    /** Starts the N builds of a scenario: one parameterized Pipeline job, or N freestyle jobs. */
    private interface Starter {
        List<Run<?, ?>> startAll() throws Exception;
    }

    private static Starter starter(JenkinsRule r, JSONObject s, List<Long> ids) throws Exception {
        String kind = s.getString("kind");
        int interval = s.getInt("intervalSeconds");
        int polls = s.getInt("polls");
        boolean download = s.optBoolean("download");
        if (kind.equals("freestyle")) {
            List<FreeStyleProject> jobs = new ArrayList<>();
            for (long id : ids) {
                jobs.add(freestyle(r, "gate-" + id, id, interval));
            }
            return () -> {
                List<hudson.model.queue.QueueTaskFuture<?>> futures = new ArrayList<>();
                for (FreeStyleProject p : jobs) {
                    futures.add(p.scheduleBuild2(0));
                }
                List<Run<?, ?>> runs = new ArrayList<>();
                for (var f : futures) {
                    runs.add((Run<?, ?>) f.waitForStart());
                }
                return runs;
            };
        }
        // sleep lasts as long as the wait: the polls after the first, one interval apart
        int seconds = kind.equals("sleep") ? (polls - 1) * interval : interval;
        WorkflowJob job = pipeline(r, JOB, script(kind, seconds, download));
        return () -> {
            List<hudson.model.queue.QueueTaskFuture<WorkflowRun>> futures = new ArrayList<>();
            for (long id : ids) {
                futures.add(job.scheduleBuild2(
                        0, new ParametersAction(new StringParameterValue("MIGRATION_ID", Long.toString(id)))));
            }
            List<Run<?, ?>> runs = new ArrayList<>();
            for (var f : futures) {
                runs.add(f.waitForStart());
            }
            return runs;
        };
    }

    private static WorkflowJob pipeline(JenkinsRule r, String name, String script) throws Exception {
        WorkflowJob job = r.createProject(WorkflowJob.class, name);
        job.addProperty(new ParametersDefinitionProperty(new StringParameterDefinition("MIGRATION_ID", "")));
        job.setDefinition(new CpsFlowDefinition(script, true));
        return job;
    }

    private static FreeStyleProject freestyle(JenkinsRule r, String name, long id, int interval) throws IOException {
        FreeStyleProject p = r.createFreeStyleProject(name);
        DataWorksMigrationBuilder b = new DataWorksMigrationBuilder(plan.getLong("projectId"), id, CREDENTIALS_ID);
        b.setEndpoint(plan.getString("endpoint"));
        b.setPollInterval(interval + "s");
        b.setMaxPollInterval(interval + "s");
        b.setDownload("NEVER");
        p.getBuildersList().add(b);
        return p;
    }

    /**
     * A few builds of the same kind against migrations that already succeeded (a sleep of a second),
     * so class loading, the first compilation of the script and the lazily started pools are behind
     * the "before" sample, as in a controller that has been running for a while.
     */
    private static void warmUp(JenkinsRule r, JSONObject s) throws Exception {
        String kind = s.getString("kind");
        int count = s.getInt("warmups");
        long first = plan.getLong("warmupFirstId") + s.optLong("warmupOffset");
        List<Run<?, ?>> runs = new ArrayList<>();
        if (kind.equals("freestyle")) {
            for (int i = 0; i < count; i++) {
                runs.add(freestyle(r, "warmup-" + i, first + i, 1)
                        .scheduleBuild2(0)
                        .get());
            }
        } else {
            WorkflowJob job = kind.equals("sleep")
                    ? pipeline(r, "warmup", script("sleep", 1, false))
                    : r.jenkins.getItemByFullName(JOB, WorkflowJob.class);
            for (int i = 0; i < count; i++) {
                runs.add(job.scheduleBuild2(
                                0,
                                new ParametersAction(
                                        new StringParameterValue("MIGRATION_ID", Long.toString(first + i))))
                        .get());
            }
        }
        for (Run<?, ?> run : runs) {
            r.assertBuildStatusSuccess(run);
        }
        r.waitUntilNoActivity();
    }

    /**
     * Until every build waits: its gate has had the first answer (our step, the freestyle builder),
     * its {@code sleep} or {@code sh} step runs (and for {@code sh}, every command line JVM is up).
     * False if a build ended first or it took longer than the wait's first interval.
     */
    private static boolean awaitInFlight(JenkinsRule r, JSONObject s, List<Run<?, ?>> runs)
            throws InterruptedException {
        String kind = s.getString("kind");
        Predicate<Run<?, ?>> waiting =
                switch (kind) {
                    case "step", "restart", "freestyle" ->
                        run -> {
                            DataWorksMigrationAction a = run.getAction(DataWorksMigrationAction.class);
                            return a != null && a.getStatus() != null;
                        };
                    case "sleep" -> run -> inStep(run, "sleep");
                    case "cli" -> run -> inStep(run, "sh");
                    default -> throw new IllegalArgumentException(kind);
                };
        long giveUp = System.currentTimeMillis()
                + TimeUnit.SECONDS.toMillis((long) (s.getInt("polls") - 1) * s.getInt("intervalSeconds"));
        while (System.currentTimeMillis() < giveUp) {
            if (runs.stream().anyMatch(x -> !x.isBuilding())) {
                return false;
            }
            if (runs.stream().allMatch(waiting)
                    && (!kind.equals("cli") || ChildProcesses.commandLines(plan.getString("cliJar")) >= runs.size())) {
                return true;
            }
            Thread.sleep(200);
        }
        return false;
    }

    private static boolean inStep(Run<?, ?> run, String function) {
        if (!(run instanceof WorkflowRun w)) {
            return false;
        }
        FlowExecution e = w.getExecution();
        if (e == null) {
            return false;
        }
        for (FlowNode head : e.getCurrentHeads()) {
            if (head instanceof StepAtomNode step
                    && step.getDescriptor() != null
                    && step.getDescriptor().getFunctionName().equals(function)) {
                return true;
            }
        }
        return false;
    }

    private static void awaitEnd(List<Run<?, ?>> runs, int maxMinutes) throws InterruptedException {
        long giveUp = System.currentTimeMillis() + TimeUnit.MINUTES.toMillis(maxMinutes);
        for (Run<?, ?> run : runs) {
            while (run.isBuilding() || run.isLogUpdated()) {
                if (System.currentTimeMillis() > giveUp) {
                    throw new AssertionError(run + " did not end within " + maxMinutes + " minutes");
                }
                Thread.sleep(100);
            }
        }
    }

    /** How each build ended, and how often its log says the gate ended and resumed. */
    private static JSONArray builds(List<Run<?, ?>> runs, List<Long> ids) throws IOException {
        JSONArray out = new JSONArray();
        for (int i = 0; i < runs.size(); i++) {
            Run<?, ?> run = runs.get(i);
            String log;
            try (var reader = run.getLogReader()) {
                log = org.apache.commons.io.IOUtils.toString(reader);
            }
            JSONObject b = new JSONObject();
            b.put("id", migrationId(run, ids.get(i)));
            b.put("number", run.getNumber());
            b.put("result", String.valueOf(run.getResult()));
            b.put("startMillis", run.getStartTimeInMillis());
            b.put("endMillis", run.getStartTimeInMillis() + run.getDuration());
            b.put(
                    "gateLines",
                    log.lines()
                            .filter(l -> l.startsWith("DataWorks migration gate:"))
                            .count());
            b.put(
                    "resumedLines",
                    log.lines().filter(l -> l.startsWith("Resuming the wait")).count());
            out.add(b);
        }
        return out;
    }

    private static long migrationId(Run<?, ?> run, long otherwise) {
        ParametersAction p = run.getAction(ParametersAction.class);
        if (p != null && p.getParameter("MIGRATION_ID") != null) {
            return Long.parseLong(String.valueOf(p.getParameter("MIGRATION_ID").getValue()));
        }
        return otherwise;
    }

    /** Threads, heap and memory of this JVM, the controller's. */
    private record Sample(int threads, long heap, long rss, long cpuNanos, int busyExecutors, int oneOffExecutors) {

        static Sample take(boolean gc) {
            long heap = gc
                    ? heapAfterGc()
                    : ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
            int busy = 0;
            int oneOff = 0;
            for (Computer c : jenkins.model.Jenkins.get().getComputers()) {
                busy += c.countBusy();
                oneOff += c.getOneOffExecutors().size();
            }
            return new Sample(
                    ManagementFactory.getThreadMXBean().getThreadCount(),
                    heap,
                    residentBytes(),
                    processCpuNanos(),
                    busy,
                    oneOff);
        }

        JSONObject json() {
            JSONObject o = new JSONObject();
            o.put("threads", threads);
            o.put("heap", heap);
            o.put("rss", rss);
            o.put("cpuNanos", cpuNanos);
            o.put("busyExecutors", busyExecutors);
            o.put("oneOffExecutors", oneOffExecutors);
            return o;
        }

        static long heapAfterGc() {
            for (int i = 0; i < 2; i++) {
                System.gc();
                try {
                    Thread.sleep(100);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        }

        static long residentBytes() {
            try {
                for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                    if (line.startsWith("VmRSS:")) {
                        return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
                    }
                }
            } catch (IOException | NumberFormatException e) {
                return -1;
            }
            return -1;
        }

        static long processCpuNanos() {
            return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                    .getProcessCpuTime();
        }

        /** Live threads by name, digits dropped ("Executor #3 for built-in" counts as "Executor # for built-in"). */
        static JSONObject threadGroups() {
            Map<String, Integer> groups = new TreeMap<>();
            for (ThreadInfo t : ManagementFactory.getThreadMXBean().dumpAllThreads(false, false)) {
                String name = t.getThreadName().replaceAll("[0-9]+", "#");
                name = name.length() > 80 ? name.substring(0, 80) : name;
                groups.merge(name, 1, Integer::sum);
            }
            JSONObject o = new JSONObject();
            groups.forEach(o::put);
            return o;
        }
    }

    /** Samples what changes during the scenario: busy executors, live threads, command line JVMs. */
    private static final class Sampler {
        private final AtomicBoolean running = new AtomicBoolean(true);
        private final Thread thread;
        private volatile int maxBusy;
        private volatile int maxOneOff;
        private volatile int maxThreads;
        private volatile int maxChildren;
        private volatile long maxChildrenRss;
        private final Map<Long, Long> childCpuTicks = new HashMap<>();

        private Sampler(JenkinsRule r, JSONObject s) {
            String cliJar = s.getString("kind").equals("cli") ? plan.getString("cliJar") : null;
            thread = new Thread(
                    () -> {
                        while (running.get()) {
                            int busy = 0;
                            int oneOff = 0;
                            for (Computer c : r.jenkins.getComputers()) {
                                busy += c.countBusy();
                                oneOff += c.getOneOffExecutors().size();
                            }
                            maxBusy = Math.max(maxBusy, busy);
                            maxOneOff = Math.max(maxOneOff, oneOff);
                            maxThreads = Math.max(
                                    maxThreads,
                                    ManagementFactory.getThreadMXBean().getThreadCount());
                            if (cliJar != null) {
                                ChildProcesses.sample(cliJar, this);
                            }
                            try {
                                Thread.sleep(250);
                            } catch (InterruptedException e) {
                                return;
                            }
                        }
                    },
                    "benchmark sampler");
        }

        static Sampler start(JenkinsRule r, JSONObject s) {
            Sampler sampler = new Sampler(r, s);
            sampler.thread.setDaemon(true);
            sampler.thread.start();
            return sampler;
        }

        void stop() throws InterruptedException {
            running.set(false);
            thread.interrupt();
            thread.join();
        }

        JSONObject json() {
            JSONObject o = new JSONObject();
            o.put("maxBusyExecutors", maxBusy);
            o.put("maxOneOffExecutors", maxOneOff);
            o.put("maxThreads", maxThreads);
            o.put("maxCliJvms", maxChildren);
            o.put("maxCliJvmsRss", maxChildrenRss);
            long ticks;
            synchronized (childCpuTicks) {
                ticks = childCpuTicks.values().stream()
                        .mapToLong(Long::longValue)
                        .sum();
            }
            o.put("cliJvmCpuTicks", ticks);
            o.put("cliJvmsSeen", childCpuTicks.size());
            return o;
        }
    }

    /** The command line JVMs that {@code sh} started, found in /proc by their jar. */
    private static final class ChildProcesses {

        static int commandLines(String jar) {
            return (int) javaProcesses(jar).count();
        }

        static void sample(String jar, Sampler into) {
            long rss = 0;
            int count = 0;
            for (Path proc : javaProcesses(jar).toList()) {
                try {
                    String[] stat = Files.readString(proc.resolve("stat"))
                            .replaceFirst("^.*\\) ", "")
                            .split(" ");
                    long ticks = Long.parseLong(stat[11]) + Long.parseLong(stat[12]);
                    long pid = Long.parseLong(proc.getFileName().toString());
                    synchronized (into.childCpuTicks) {
                        into.childCpuTicks.merge(pid, ticks, Math::max);
                    }
                    rss += Long.parseLong(stat[21]) * 4096;
                    count++;
                } catch (IOException | RuntimeException e) {
                    // the process ended meanwhile
                }
            }
            into.maxChildren = Math.max(into.maxChildren, count);
            into.maxChildrenRss = Math.max(into.maxChildrenRss, rss);
        }

        private static Stream<Path> javaProcesses(String jar) {
            try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
                return procs
                        .filter(p -> p.getFileName().toString().matches("[0-9]+"))
                        .filter(p -> {
                            try {
                                String cmd =
                                        new String(Files.readAllBytes(p.resolve("cmdline")), StandardCharsets.UTF_8);
                                return cmd.contains(jar) && cmd.contains(" wait".replace(' ', '\0'));
                            } catch (IOException e) {
                                return false;
                            }
                        })
                        .toList()
                        .stream();
            } catch (IOException e) {
                return Stream.empty();
            }
        }
    }

    /** The heap's classes by bytes ({@code jcmd GC.class_histogram}, which collects first), top 40. */
    private static final class Histogram {

        static JSONObject take() throws IOException, InterruptedException {
            Process p = new ProcessBuilder(
                            Path.of(System.getProperty("java.home"), "bin", "jcmd")
                                    .toString(),
                            Long.toString(ProcessHandle.current().pid()),
                            "GC.class_histogram")
                    .redirectErrorStream(true)
                    .start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            p.waitFor();
            JSONObject o = new JSONObject();
            int rows = 0;
            for (String line : out.lines().toList()) {
                String[] f = line.trim().split("\\s+");
                // "   1:        123456       7890123  java.lang.String (java.base@17)"
                if (f.length >= 4 && f[0].endsWith(":") && rows < 200) {
                    JSONObject c = new JSONObject();
                    c.put("instances", Long.parseLong(f[1]));
                    c.put("bytes", Long.parseLong(f[2]));
                    o.put(f[3], c);
                    rows++;
                }
            }
            return o;
        }
    }
}
