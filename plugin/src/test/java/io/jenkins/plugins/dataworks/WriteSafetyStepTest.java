package io.jenkins.plugins.dataworks;

import static io.jenkins.plugins.dataworks.TestScenarios.PROJECT;
import static io.jenkins.plugins.dataworks.TestScenarios.TARGET;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import hudson.model.Result;
import io.jenkins.plugins.dataworks.emulator.DataWorksEmulator;
import io.jenkins.plugins.dataworks.emulator.MutableClock;
import io.jenkins.plugins.dataworks.emulator.scenario.Fault;
import io.jenkins.plugins.dataworks.emulator.scenario.Scenario;
import io.jenkins.plugins.dataworks.emulator.scenario.SecondStart;
import io.jenkins.plugins.dataworks.emulator.state.CallRecord;
import io.jenkins.plugins.dataworks.emulator.state.MigrationInfo;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.function.Consumer;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.BuildWatcherExtension;

/**
 * The launching steps against services that answer differently where DataWorks' documentation is
 * silent: no nonce replay check under lost answers, each answer to a second StartMigration, a name
 * taken in the target workspace by an export. Each migration exists once and is started once.
 */
class WriteSafetyStepTest {

    @RegisterExtension
    static final SharedJenkins JENKINS = new SharedJenkins();

    @RegisterExtension
    static final BuildWatcherExtension BUILD_WATCHER = new BuildWatcherExtension();

    private JenkinsRule r;
    private DataWorksTestEnvironment env;
    private final List<DataWorksEmulator> emulators = new ArrayList<>();
    private int jobs;

    @BeforeEach
    void setUp(JenkinsRule rule) {
        r = rule;
    }

    @AfterEach
    void close() {
        emulators.forEach(DataWorksEmulator::close);
    }

    /** A fresh emulator with this variant, installed into the running Jenkins. */
    private DataWorksEmulator emulator(Consumer<Scenario.Builder> variant) throws Exception {
        Scenario.Builder scenario = TestScenarios.scenario().toBuilder();
        variant.accept(scenario);
        MutableClock clock = MutableClock.startingNow();
        DataWorksEmulator emulator = DataWorksEmulator.builder()
                .scenario(scenario.build())
                .scenarioClock(clock)
                .build()
                .start();
        emulators.add(emulator);
        env = DataWorksTestEnvironment.install(r, emulator, clock);
        return emulator;
    }

    private WorkflowRun run(String script) throws Exception {
        WorkflowJob p = r.createProject(WorkflowJob.class, "release-" + ++jobs);
        p.setDefinition(new CpsFlowDefinition(script, true));
        WorkflowRun b = env.drive(p.scheduleBuild2(0).waitForStart());
        r.waitUntilNoActivity();
        return b;
    }

    private static List<MigrationInfo> named(DataWorksEmulator emulator, String name) {
        return emulator.migrations().stream().filter(m -> m.name().equals(name)).toList();
    }

    private static long count(DataWorksEmulator emulator, String action) {
        return emulator.calls().stream().filter(c -> c.action().equals(action)).count();
    }

    private static void assertEachNonceOnce(DataWorksEmulator emulator) {
        List<String> nonces = emulator.calls().stream()
                .map(c -> c.params().get("SignatureNonce"))
                .toList();
        assertEquals(
                nonces.size(), new HashSet<>(nonces).size(), "a SignatureNonce arrived twice: " + emulator.calls());
    }

    @Test
    void aPromotionWhoseWritesLoseTheirAnswersMakesEachMigrationOnceAndStartsItOnce() throws Exception {
        DataWorksEmulator emu = emulator(s -> s.checkNonces(false)
                .secondStart(SecondStart.RUN_AGAIN)
                .fault(Fault.performedNoAnswer().onAction("CreateExportMigration"))
                .fault(Fault.performedNoAnswer().onAction("CreateImportMigration"))
                .fault(Fault.performedNoAnswer().onAction("StartMigration").times(2)));

        WorkflowRun b = r.assertBuildStatusSuccess(run("""
                def p = promoteDataWorksMigration projectId: %d, targetProjectId: %d, name: 'release-lost', %s
                echo "result=${p.result}"
                """.formatted(PROJECT, TARGET, env.connection())));

        r.assertLogContains("result=SUCCESS", b);
        r.assertLogContains("an earlier attempt whose answer was lost had created it", b);
        r.assertLogContains("was already started (status", b);
        List<MigrationInfo> made = named(emu, "release-lost");
        assertEquals(2, made.size(), made.toString());
        made.forEach(m -> assertEquals(1, m.starts(), m.toString()));
        assertEquals(1, count(emu, "CreateExportMigration"));
        assertEquals(1, count(emu, "CreateImportMigration"));
        assertEquals(2, count(emu, "StartMigration"));
        assertEachNonceOnce(emu);

        // startDataWorksMigration on its own, its answer lost too.
        emu.inject(Fault.performedNoAnswer().onAction("CreateExportMigration"));
        emu.inject(Fault.performedNoAnswer().onAction("StartMigration"));
        WorkflowRun single = r.assertBuildStatusSuccess(run("""
                def id = createDataWorksExport projectId: %1$d, name: 'single-lost', %2$s
                def s = startDataWorksMigration projectId: %1$d, migrationId: id, %2$s
                echo "startedNow=${s.startedNow} status=${s.status}"
                """.formatted(PROJECT, env.connection())));
        r.assertLogContains("startedNow=false status=EXPORTING", single);
        List<MigrationInfo> one = named(emu, "single-lost");
        assertEquals(1, one.size(), one.toString());
        assertEquals(1, one.get(0).starts());
        assertEquals(3, count(emu, "StartMigration"));
        assertEachNonceOnce(emu);
    }

    @Test
    void aSecondStartIsNeverSentWhateverDataWorksWouldAnswer() throws Exception {
        for (SecondStart behaviour : SecondStart.values()) {
            DataWorksEmulator emu = emulator(s ->
                    s.secondStart(behaviour).fault(Fault.performedNoAnswer().onAction("StartMigration")));

            // A promotion whose first StartMigration loses its answer: the status decides, nothing is sent again.
            WorkflowRun promoted = r.assertBuildStatusSuccess(
                    run("promoteDataWorksMigration projectId: %d, targetProjectId: %d, name: 'release-%s', %s"
                            .formatted(PROJECT, TARGET, behaviour, env.connection())));
            // startDataWorksMigration by hand, twice.
            WorkflowRun byHand = r.assertBuildStatusSuccess(run("""
                    def id = createDataWorksExport projectId: %1$d, name: 'by-hand', %2$s
                    def first = startDataWorksMigration projectId: %1$d, migrationId: id, %2$s
                    def second = startDataWorksMigration projectId: %1$d, migrationId: id, %2$s
                    echo "first=${first.startedNow} second=${second.startedNow} status=${second.status} calls=${second.apiCalls}"
                    """.formatted(PROJECT, env.connection())));

            r.assertLogContains("first=true second=false status=EXPORTING calls=1", byHand);
            List<MigrationInfo> started = new ArrayList<>(named(emu, "release-" + behaviour));
            started.addAll(named(emu, "by-hand"));
            assertEquals(3, started.size(), behaviour + ": " + started);
            started.forEach(m -> assertEquals(1, m.starts(), behaviour + ": " + m));
            assertEquals(3, count(emu, "StartMigration"), behaviour + ": " + emu.calls());
            assertFalse(JenkinsRule.getLog(promoted).contains("Invalid.Migration.AlreadyStarted"), behaviour.name());
        }
    }

    @Test
    void aNameTakenInTheTargetWorkspaceStopsThePromotionBeforeAnythingIsMade() throws Exception {
        DataWorksEmulator emu = emulator(s -> {});
        r.assertBuildStatusSuccess(run(
                "createDataWorksExport projectId: %d, name: 'release-taken', %s".formatted(TARGET, env.connection())));
        int before = emu.calls().size();

        WorkflowRun b = r.assertBuildStatus(Result.FAILURE, run("""
                promoteDataWorksMigration projectId: %d, targetProjectId: %d, name: 'release-taken', %s
                """.formatted(PROJECT, TARGET, env.connection())));

        String log = JenkinsRule.getLog(b);
        List<String> errors = log.lines().filter(l -> l.startsWith("ERROR: ")).toList();
        assertEquals(1, errors.size(), log);
        assertTrue(
                errors.get(0)
                        .startsWith("ERROR: promotion stopped at CHECK_NAME: a migration named 'release-taken'"
                                + " already exists in workspace 10002; choose another name. RequestId: "),
                errors.get(0));
        assertFalse(log.contains(".;"), log);
        assertEquals(
                List.of("ListMigrations"),
                emu.calls().subList(before, emu.calls().size()).stream()
                        .map(CallRecord::action)
                        .distinct()
                        .toList());
        assertTrue(emu.uploads().isEmpty());
        assertEquals(1, named(emu, "release-taken").size());
    }

    @Test
    void anImportWhoseNameAnExportHasIsRefusedBeforeTheUpload() throws Exception {
        DataWorksEmulator emu = emulator(s -> {});
        r.assertBuildStatusSuccess(run(
                "createDataWorksExport projectId: %d, name: 'import-taken', %s".formatted(TARGET, env.connection())));

        WorkflowRun b = r.assertBuildStatus(Result.FAILURE, run("""
                node {
                  writeFile file: 'p.zip', text: 'a package'
                  createDataWorksImport projectId: %d, name: 'import-taken', packageFile: 'p.zip', %s
                }
                """.formatted(TARGET, env.connection())));

        r.assertLogContains(
                "a migration named 'import-taken' already exists in workspace 10002; choose another name", b);
        r.assertLogNotContains("Uploading", b);
        assertEquals(0, count(emu, "AuthorizeFileUpload"));
        assertTrue(emu.uploads().isEmpty());
    }

    @Test
    void eachRetriedWriteIsOneLineInTheBuildLog() throws Exception {
        DataWorksEmulator emu =
                emulator(s -> s.fault(Fault.throttling("Throttling.User").onAction("CreateExportMigration"))
                        .fault(Fault.throttling("Throttling.Api")
                                .onAction("StartMigration")
                                .times(2)));

        WorkflowRun b = r.assertBuildStatusSuccess(run("""
                def id = createDataWorksExport projectId: %1$d, name: 'throttled', %2$s
                startDataWorksMigration projectId: %1$d, migrationId: id, %2$s
                """.formatted(PROJECT, env.connection())));

        long id = named(emu, "throttled").get(0).id();
        r.assertLogContains(
                "CreateExportMigration of 'throttled' in workspace 10001 throttled (Throttling.User);"
                        + " retrying in 1s, attempt 2 of 4",
                b);
        r.assertLogContains(
                "StartMigration for migration " + id + " in workspace 10001 throttled (Throttling.Api);"
                        + " retrying in 1s, attempt 2 of 4",
                b);
        r.assertLogContains(
                "StartMigration for migration " + id + " in workspace 10001 throttled (Throttling.Api);"
                        + " retrying in 2s, attempt 3 of 4",
                b);
    }
}
