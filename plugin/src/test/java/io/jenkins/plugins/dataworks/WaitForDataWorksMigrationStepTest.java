package io.jenkins.plugins.dataworks;

import static io.jenkins.plugins.dataworks.TestScenarios.BURST;
import static io.jenkins.plugins.dataworks.TestScenarios.BURST_FIRST;
import static io.jenkins.plugins.dataworks.TestScenarios.EXPORT_ERROR;
import static io.jenkins.plugins.dataworks.TestScenarios.EXPORT_OK;
import static io.jenkins.plugins.dataworks.TestScenarios.PARTIAL;
import static io.jenkins.plugins.dataworks.TestScenarios.PROJECT;
import static io.jenkins.plugins.dataworks.TestScenarios.STUCK;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import hudson.model.Label;
import hudson.model.Result;
import io.jenkins.plugins.dataworks.emulator.junit.DataWorksEmulatorExtension;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jenkinsci.plugins.workflow.actions.WarningAction;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.graphanalysis.DepthFirstScanner;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.BuildWatcherExtension;

/** The Pipeline step end to end: real Jenkins, the emulator over HTTP, virtual time. */
class WaitForDataWorksMigrationStepTest {

    @RegisterExtension
    static final SharedJenkins JENKINS = new SharedJenkins();

    @RegisterExtension
    static final BuildWatcherExtension BUILD_WATCHER = new BuildWatcherExtension();

    @RegisterExtension
    final DataWorksEmulatorExtension dataworks = DataWorksEmulatorExtension.withScenario(TestScenarios.scenario());

    private JenkinsRule r;
    private DataWorksTestEnvironment env;

    @BeforeEach
    void setUp(JenkinsRule rule) throws Exception {
        r = rule;
        env = DataWorksTestEnvironment.install(r, dataworks.emulator(), dataworks.clock());
    }

    private WorkflowRun run(String script) throws Exception {
        WorkflowJob p = r.createProject(WorkflowJob.class);
        p.setDefinition(new CpsFlowDefinition(script, true));
        WorkflowRun b = env.drive(p.scheduleBuild2(0).waitForStart());
        r.waitUntilNoActivity(); // the flyweight executor saves the build after it completed
        return b;
    }

    @Test
    void exportSuccessInsideNodeDownloadsOnTheAgentArchivesAndReturnsTheSummary() throws Exception {
        r.createOnlineSlave(Label.get("remote"));
        WorkflowRun b = r.assertBuildStatusSuccess(run("""
                node('remote') {
                  def r = waitForDataWorksMigration %s
                  echo "result=${r.result} status=${r.status} name=${r.name} file=${r.packageFile} size=${r.packageSize}"
                  echo "sha=${r.sha256} successful=${r.successful} calls=${r.apiCalls}"
                  echo "inWorkspace=${fileExists(r.packageFile)}"
                }
                """.formatted(env.target(PROJECT, EXPORT_OK))));
        String name = "dataworks-export-10001-20001.zip";
        r.assertLogContains(
                "result=SUCCESS status=EXPORT_SUCCESS name=nightly_export file=" + name + " size=262144", b);
        r.assertLogContains("successful=true calls=5", b);
        r.assertLogContains("inWorkspace=true", b);
        String sha = sha256(b, name);
        r.assertLogContains("sha=" + sha, b);
        assertEquals(
                5,
                dataworks.emulator().callCount("GetMigrationSummary", EXPORT_OK),
                "one call per poll the timeline needs, none for the download");

        DataWorksMigrationAction action = b.getAction(DataWorksMigrationAction.class);
        assertNotNull(action);
        assertEquals(
                List.of("INIT", "EXPORTING", "EXPORT_SUCCESS"),
                action.getTimeline().stream().map(StatusChange::getStatus).collect(Collectors.toList()));
        assertEquals("SUCCESS", action.getResult());
        assertEquals(sha, action.getSha256());
        assertEquals(262144, action.getPackageSize());
    }

    @Test
    void exportSuccessOutsideNodeArchivesFromATemporaryDirectoryOnTheController() throws Exception {
        Set<String> tempBefore = dataworksTempDirs();
        WorkflowRun b = r.assertBuildStatusSuccess(run("""
                def r = waitForDataWorksMigration %s, artifactName: 'release.zip'
                echo "file=${r.packageFile} size=${r.packageSize}"
                """.formatted(env.target(PROJECT, EXPORT_OK))));
        r.assertLogContains("file=release.zip size=262144", b);
        assertTrue(b.getArtifactManager().root().child("release.zip").isFile());
        assertEquals(tempBefore, dataworksTempDirs(), "the controller's temporary directory is removed");
    }

    @Test
    void theBuildPageSummarySaysWhichMigrationEndedHow() throws Exception {
        WorkflowRun b = r.assertBuildStatusSuccess(run("waitForDataWorksMigration " + env.target(PROJECT, EXPORT_OK)));
        try (JenkinsRule.WebClient wc = r.createWebClient()) {
            String page = wc.getPage(b).asNormalizedText().replace('\u00a0', ' ');
            assertTrue(
                    page.contains(
                            "DataWorks migration 20001 in workspace 10001 (nightly_export): EXPORT_SUCCESS — SUCCESS"),
                    page);
            assertTrue(page.contains("Package: dataworks-export-10001-20001.zip (256.00 KiB, SHA-256 "), page);
        }
    }

    @ParameterizedTest
    @CsvSource({"20002, EXPORT_ERROR", "20003, IMPORT_ERROR", "20004, REVOKED"})
    void anErrorStatusFailsTheBuildWithOneLine(long migrationId, String status) throws Exception {
        WorkflowRun b = r.assertBuildStatus(
                Result.FAILURE, run("waitForDataWorksMigration " + env.target(PROJECT, migrationId)));
        String log = JenkinsRule.getLog(b);
        String failure =
                log.lines().filter(l -> l.startsWith("ERROR: ")).findFirst().orElseThrow();
        assertTrue(failure.contains(status), failure);
        assertTrue(failure.contains(String.valueOf(migrationId)), failure);
        assertTrue(failure.contains(String.valueOf(PROJECT)), failure);
        assertTrue(failure.contains("RequestId") || failure.contains("requestId"), failure);
        assertFalse(log.contains("\tat io.jenkins.plugins.dataworks"), "no stack trace: " + log);
        assertFalse(log.contains("\tat hudson."), "no stack trace: " + log);
        assertEquals(0, dataworks.emulator().downloadCount());
    }

    @Test
    void aTimeoutFailsTheBuildWithTheLastStatusSeen() throws Exception {
        Instant start = dataworks.clock().instant();
        WorkflowRun b = r.assertBuildStatus(
                Result.FAILURE, run("waitForDataWorksMigration " + env.target(PROJECT, STUCK) + ", timeout: '10m'"));
        String failure = JenkinsRule.getLog(b)
                .lines()
                .filter(l -> l.startsWith("ERROR: "))
                .findFirst()
                .orElseThrow();
        assertTrue(failure.contains("EXPORTING"), failure);
        Duration waited = Duration.between(start, dataworks.clock().instant());
        assertTrue(
                waited.compareTo(Duration.ofMinutes(10)) >= 0 && waited.compareTo(Duration.ofMinutes(13)) < 0,
                "ends at the deadline, not later: " + waited);
    }

    @ParameterizedTest
    @CsvSource({"FAILURE, FAILURE", "UNSTABLE, UNSTABLE", "SUCCESS, SUCCESS"})
    void partialSuccessFollowsTheOption(String option, String buildResult) throws Exception {
        WorkflowRun b = r.assertBuildStatus(
                Result.fromString(buildResult), run("""
                stage('gate') {
                  def r = waitForDataWorksMigration %s, partialSuccess: '%s'
                  echo "after the gate: ${r.result}"
                }
                """.formatted(env.target(PROJECT, PARTIAL), option)));
        r.assertLogContains("PARTIAL_SUCCESS", b);
        boolean stageMarked = new DepthFirstScanner()
                .allNodes(b.getExecution()).stream()
                        .map(n -> n.getPersistentAction(WarningAction.class))
                        .anyMatch(w -> w != null && w.getResult() == Result.UNSTABLE);
        assertEquals("UNSTABLE".equals(option), stageMarked, "the step's node carries the warning, like `unstable`");
        if ("FAILURE".equals(option)) {
            r.assertLogNotContains("after the gate", b);
        } else {
            r.assertLogContains("after the gate: " + ("UNSTABLE".equals(option) ? "UNSTABLE" : "SUCCESS"), b);
        }
    }

    @Test
    void failOnErrorFalseReturnsTheResultForTheScriptToDecide() throws Exception {
        WorkflowRun b = r.assertBuildStatusSuccess(run("""
                def r = waitForDataWorksMigration %s, failOnError: false
                echo "decide: ${r.result} ${r.status} ${r.successful} ${r.containsKey('packageFile')}"
                """.formatted(env.target(PROJECT, EXPORT_ERROR))));
        r.assertLogContains("decide: FAILED EXPORT_ERROR false false", b);
    }

    @Test
    void unknownCredentialsFailAtOnceNamingTheIdAndTheAcceptedTypes() throws Exception {
        WorkflowRun b = r.assertBuildStatus(
                Result.FAILURE,
                run("waitForDataWorksMigration projectId: 10001, migrationId: 20001, credentialsId: 'nope', endpoint: '"
                        + dataworks.endpoint() + "'"));
        r.assertLogContains("credentialsId 'nope' was not found", b);
        r.assertLogContains("Username with password", b);
        assertEquals(0, dataworks.emulator().callCount("GetMigrationSummary"));
    }

    @Test
    void anEndpointNoAdministratorAllowedIsDenied() throws Exception {
        WorkflowRun b = r.assertBuildStatus(
                Result.FAILURE,
                run("waitForDataWorksMigration projectId: 10001, migrationId: 20001, credentialsId: '"
                        + DataWorksTestEnvironment.CREDENTIALS_ID + "', endpoint: 'https://attacker.example'"));
        r.assertLogContains("endpoint is not allowed", b);
        assertEquals(0, dataworks.emulator().callCount("GetMigrationSummary"));
    }

    /** A build waiting for the stuck export (EXPORTING, its next poll scheduled), stopped as the Stop button does. */
    private WorkflowRun abortedWhileWaiting() throws Exception {
        WorkflowJob p = r.createProject(WorkflowJob.class);
        p.setDefinition(new CpsFlowDefinition("waitForDataWorksMigration " + env.target(PROJECT, STUCK), true));
        WorkflowRun b = p.scheduleBuild2(0).waitForStart();
        env.driveUntilCalls(STUCK, 2);
        r.waitForMessage("EXPORTING", b);
        env.scheduler.awaitPending(1);
        b.doStop();
        r.assertBuildStatus(Result.ABORTED, r.waitForCompletion(b));
        return b;
    }

    @Test
    void abortingStopsTheWaitAtOnceWithoutAnotherCall() throws Exception {
        abortedWhileWaiting();
        assertEquals(0, env.scheduler.pending(), "the next poll was cancelled");
        dataworks.clock().advance(Duration.ofHours(3));
        assertEquals(2, dataworks.emulator().callCount("GetMigrationSummary", STUCK));
    }

    @Test
    void anAbortedWaitSaysSoOnTheBuildPageAndInTheLogAndThatTheMigrationGoesOn() throws Exception {
        WorkflowRun b = abortedWhileWaiting();

        String expected = "wait for migration 20006 in workspace 10001 cancelled after ";
        String goesOn = "; the migration itself goes on in DataWorks";
        String line = JenkinsRule.getLog(b)
                .lines()
                .filter(l -> l.startsWith("DataWorks migration gate: "))
                .collect(Collectors.joining("\n"));
        assertTrue(line.startsWith("DataWorks migration gate: ABORTED: " + expected), line);
        assertTrue(line.endsWith(goesOn), line);
        DataWorksMigrationAction action = b.getAction(DataWorksMigrationAction.class);
        assertEquals("CANCELLED", action.getResult());
        assertEquals("symbol-status-aborted", action.getIconSymbol());
        assertEquals("EXPORTING", action.getStatus());
        assertTrue(
                action.getMessage().startsWith(expected) && action.getMessage().endsWith(goesOn), action.getMessage());
        try (JenkinsRule.WebClient wc = r.createWebClient()) {
            String page = wc.getPage(b).asNormalizedText().replace('\u00a0', ' ');
            assertTrue(
                    page.contains("DataWorks migration 20006 in workspace 10001 (stuck_export): EXPORTING — ABORTED"),
                    page);
            assertTrue(page.contains(goesOn), page);
        }
        String saved = Files.readString(b.getRootDir().toPath().resolve("build.xml"));
        assertTrue(saved.contains("<result>CANCELLED</result>"), "the ended wait is saved with the build");
    }

    @Test
    void anEndpointThatDoesNotResolveFailsAtOnceNamingTheParametersToCheck() throws Exception {
        String nowhere = "https://dataworks.cn-shanghai.nowhere.invalid";
        DataWorksGlobalConfiguration.get().setAllowedEndpoints(dataworks.endpoint() + "\n" + nowhere);
        WorkflowRun b = r.assertBuildStatus(
                Result.FAILURE,
                run("waitForDataWorksMigration projectId: 10001, migrationId: 20001, credentialsId: '"
                        + DataWorksTestEnvironment.CREDENTIALS_ID + "', endpoint: '" + nowhere + "'"));
        String failure = JenkinsRule.getLog(b)
                .lines()
                .filter(l -> l.startsWith("ERROR: "))
                .findFirst()
                .orElseThrow();
        assertEquals(
                "ERROR: migration 20001 in workspace 10001: GetMigrationSummary failed (no status seen yet):"
                        + " SDK.ServerUnreachable: unknown host dataworks.cn-shanghai.nowhere.invalid, and no call of"
                        + " this wait has reached DataWorks, so retrying will not help; check region, endpoint and vpc"
                        + " (the VPC endpoint resolves only inside an Alibaba Cloud VPC), and the proxy ('Server'"
                        + " (Manage Jenkins \u00bb System \u00bb HTTP Proxy Configuration))",
                failure);
        r.assertLogNotContains("Temporary error", b);
        assertEquals(0, env.scheduler.pending(), "no retry is scheduled");
    }

    @Test
    void parallelWaitsWithOneAccessKeyShareItsRateLimitWithoutHoldingAPollThread() throws Exception {
        DataWorksGlobalConfiguration.get().setRateLimit(1.0);
        StringBuilder branches = new StringBuilder("def branches = [:]\n");
        for (int i = 0; i < BURST; i++) {
            long id = BURST_FIRST + i;
            branches.append("branches['m")
                    .append(id)
                    .append("'] = { waitForDataWorksMigration ")
                    .append(env.target(PROJECT, id))
                    .append(", download: 'NEVER', quiet: true }\n");
        }
        branches.append("parallel branches\n");
        WorkflowJob p = r.createProject(WorkflowJob.class);
        p.setDefinition(new CpsFlowDefinition(branches.toString(), true));
        WorkflowRun b = p.scheduleBuild2(0).waitForStart();

        env.scheduler.awaitPending(BURST); // every wait's first poll is due at the same instant
        Instant burstAt = dataworks.clock().instant();
        env.scheduler.runNext(() -> true);
        DataWorksTestEnvironment.awaitEvent(
                () -> dataworks.emulator().callCount("GetMigrationSummary") >= 1, "the first call never came");
        // One wait called; the others' polls went back to the scheduler, each at its own slot of the
        // AccessKey's limiter, and the first wait scheduled its next poll (15 s +-10 % later).
        env.scheduler.awaitPending(BURST);
        List<Instant> due = new ArrayList<>(env.scheduler.dueTimes());
        for (int i = 1; i < BURST; i++) {
            assertTrue(due.remove(burstAt.plusSeconds(i)), "paced poll " + i + " waits on the scheduler: " + due);
        }
        assertEquals(1, due.size(), "besides the paced polls only the first wait's next poll: " + due);
        Duration next = Duration.between(burstAt, due.get(0));
        assertTrue(
                next.compareTo(Duration.ofMillis(13_500)) >= 0 && next.compareTo(Duration.ofMillis(16_500)) <= 0,
                "the first wait's next poll comes 15 s +-10 % later: " + next);
        // Step through the slots on virtual time, one answered call at a time.
        // Then one poll at a time to the end, so that the emulator logs each call when it is made.
        // The first wait's next poll falls among the slots; its turn only re-paces it behind them.
        // Each burst migration answers EXPORTING to its first call and EXPORT_SUCCESS to its second.
        r.assertBuildStatusSuccess(env.driveOneCallAtATime(
                b, c -> dataworks.emulator().callCount("GetMigrationSummary", c.migrationId()) >= 2));
        List<Instant> allCalls = dataworks.emulator().calls().stream()
                .filter(c -> "GetMigrationSummary".equals(c.action()))
                .map(c -> c.at())
                .sorted()
                .collect(Collectors.toList());
        for (int i = 0; i < BURST; i++) {
            assertEquals(burstAt.plusSeconds(i), allCalls.get(i), "the first calls, one per second for the AccessKey");
        }
        assertTrue(allCalls.size() >= 2 * BURST, "every wait polled until EXPORT_SUCCESS: " + allCalls.size());
        // The whole call log of the build: no two calls of the key closer than one second, so no
        // one-second window ever holds more than the configured rate.
        for (int i = 1; i < allCalls.size(); i++) {
            Duration gap = Duration.between(allCalls.get(i - 1), allCalls.get(i));
            assertTrue(
                    gap.compareTo(Duration.ofSeconds(1)) >= 0,
                    "calls " + i + " and " + (i + 1) + " only " + gap + " apart");
        }
        synchronized (env.rateLimitReleases) {
            assertTrue(env.rateLimitReleases.isEmpty(), "no poll waited for its slot on a thread");
        }
    }

    @Test
    void neitherTheSecretNorTheSignedUrlReachesTheBuildDirectoryOrTheLog() throws Exception {
        r.createOnlineSlave(Label.get("remote"));
        WorkflowRun b = r.assertBuildStatusSuccess(run("""
                node('remote') {
                  def r = waitForDataWorksMigration %s
                  echo "map=${r}"
                }
                """.formatted(env.target(PROJECT, EXPORT_OK))));
        String signedUrl = dataworks.emulator().downloadUrl(EXPORT_OK);
        String signature = signedUrl.substring(signedUrl.indexOf("Signature=") + "Signature=".length())
                .split("&")[0];
        List<String> forbidden = List.of(
                DataWorksTestEnvironment.ACCESS_KEY_SECRET, "Signature=", "OSSAccessKeyId=", "Expires=", signature);
        r.assertLogContains("Downloading the export package", b);
        for (String secret : forbidden) {
            r.assertLogNotContains(secret, b);
        }
        try (Stream<Path> files = Files.walk(b.getRootDir().toPath())) {
            for (Path f : files.filter(Files::isRegularFile).collect(Collectors.toList())) {
                String content = new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1);
                for (int i = 0; i < forbidden.size(); i++) {
                    // The index, not the value: a failing test must not print the secret it found.
                    assertFalse(content.contains(forbidden.get(i)), "forbidden text #" + i + " found in " + f);
                }
            }
        }
    }

    private static String sha256(WorkflowRun b, String artifact) throws Exception {
        MessageDigest md = MessageDigest.getInstance("SHA-256");
        try (InputStream in = b.getArtifactManager().root().child(artifact).open()) {
            byte[] buf = new byte[8192];
            for (int n; (n = in.read(buf)) > 0; ) {
                md.update(buf, 0, n);
            }
        }
        return HexFormat.of().formatHex(md.digest());
    }

    private static Set<String> dataworksTempDirs() throws IOException {
        try (Stream<Path> dirs = Files.list(new File(System.getProperty("java.io.tmpdir")).toPath())) {
            return dirs.map(d -> d.getFileName().toString())
                    .filter(n -> n.startsWith("dataworks-migration"))
                    .collect(Collectors.toSet());
        }
    }
}
