package io.jenkins.plugins.dataworks;

import static io.jenkins.plugins.dataworks.TestScenarios.PROJECT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import hudson.model.listeners.ItemListener;
import io.jenkins.plugins.dataworks.emulator.junit.DataWorksEmulatorExtension;
import io.jenkins.plugins.dataworks.emulator.scenario.Fault;
import io.jenkins.plugins.dataworks.emulator.state.MigrationInfo;
import java.time.Duration;
import java.util.List;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.TestExtension;
import org.jvnet.hudson.test.junit.jupiter.BuildWatcherExtension;
import org.jvnet.hudson.test.junit.jupiter.JenkinsSessionExtension;

/**
 * Controller restarts while a create or start call is in flight: the emulator performs the call
 * and never answers ({@link Fault#performedThenStall()}), Jenkins goes down with the call still
 * waiting, and the resumed step must neither lose the migration nor make or start one twice. The
 * clients wait ten minutes (real time) for an answer, so the call is surely still in flight when
 * the first session ends. Environment installation as in WaitForDataWorksMigrationRestartTest.
 */
class LaunchRestartTest {

    private static final Duration LONG_READ_TIMEOUT = Duration.ofMinutes(10);
    private static final SessionHandOver SESSIONS = new SessionHandOver(LONG_READ_TIMEOUT);

    @RegisterExtension
    static final BuildWatcherExtension BUILD_WATCHER = new BuildWatcherExtension();

    @RegisterExtension
    final JenkinsSessionExtension sessions = new JenkinsSessionExtension();

    @RegisterExtension
    final DataWorksEmulatorExtension dataworks = DataWorksEmulatorExtension.withScenario(TestScenarios.scenario());

    @BeforeEach
    void useThisTestsEmulator() {
        SESSIONS.use(dataworks);
    }

    @AfterEach
    void forgetIt() {
        SESSIONS.forget();
    }

    /** Points each Jenkins session at the emulator before Pipelines resume. */
    @TestExtension
    public static final class InstallBeforePipelinesResume extends ItemListener {
        @Override
        public void onLoaded() {
            SESSIONS.installIfRunning();
        }
    }

    private static DataWorksTestEnvironment installed() {
        return SESSIONS.installed();
    }

    private static WorkflowRun startRelease(JenkinsRule r, DataWorksTestEnvironment env, String name) throws Exception {
        WorkflowJob p = r.createProject(WorkflowJob.class, "release");
        p.setDefinition(new CpsFlowDefinition("""
                def id = createDataWorksExport projectId: %1$d, name: '%3$s', %2$s
                def s = startDataWorksMigration projectId: %1$d, migrationId: id, %2$s
                def r = waitForDataWorksMigration projectId: %1$d, migrationId: id, download: 'NEVER', %2$s
                echo "done id=${id} startedNow=${s.startedNow} status=${r.status}"
                """.formatted(PROJECT, env.connection(), name), true));
        return p.scheduleBuild2(0).waitForStart();
    }

    private static WorkflowRun build(JenkinsRule r) {
        return r.jenkins.getItemByFullName("release", WorkflowJob.class).getBuildByNumber(1);
    }

    private List<MigrationInfo> named(String name) {
        return dataworks.emulator().migrations().stream()
                .filter(m -> m.name().equals(name))
                .toList();
    }

    @Test
    void aRestartWhileTheCreateCallIsInFlightFindsTheMigrationByItsName() throws Throwable {
        dataworks.emulator().inject(Fault.performedThenStall().onAction("CreateExportMigration"));
        sessions.then(r -> {
            DataWorksTestEnvironment env = installed();
            startRelease(r, env, "restart_create");
            DataWorksTestEnvironment.awaitEvent(
                    () -> named("restart_create").size() == 1, "the create call never reached the emulator");
        });
        sessions.then(r -> {
            DataWorksTestEnvironment env = installed();
            WorkflowRun b = r.assertBuildStatusSuccess(env.drive(build(r)));
            r.assertLogContains(
                    "Resuming after a restart: the step was creating the export migration 'restart_create'", b);
            List<MigrationInfo> created = named("restart_create");
            assertEquals(1, created.size(), "exactly one export");
            long id = created.get(0).id();
            r.assertLogContains("Found DataWorks export migration " + id + " ('restart_create')", b);
            r.assertLogContains("done id=" + id + " startedNow=true status=EXPORT_SUCCESS", b);
            assertEquals(1, dataworks.emulator().callCount("CreateExportMigration"), "created once");
            assertEquals(1, dataworks.emulator().callCount("StartMigration", id), "started once");
        });
    }

    @Test
    void aRestartWhileTheStartCallIsInFlightDoesNotStartItTwice() throws Throwable {
        dataworks.emulator().inject(Fault.performedThenStall().onAction("StartMigration"));
        sessions.then(r -> {
            DataWorksTestEnvironment env = installed();
            startRelease(r, env, "restart_start");
            DataWorksTestEnvironment.awaitEvent(
                    () -> named("restart_start").size() == 1
                            && named("restart_start").get(0).started(),
                    "the start call never reached the emulator");
        });
        sessions.then(r -> {
            DataWorksTestEnvironment env = installed();
            WorkflowRun b = r.assertBuildStatusSuccess(env.drive(build(r)));
            List<MigrationInfo> created = named("restart_start");
            assertEquals(1, created.size(), "exactly one export");
            long id = created.get(0).id();
            r.assertLogContains("Resuming after a restart: the step was starting migration " + id, b);
            r.assertLogContains("was already started (status EXPORTING): left alone, not started again", b);
            r.assertLogContains("done id=" + id + " startedNow=false status=EXPORT_SUCCESS", b);
            assertEquals(1, dataworks.emulator().callCount("CreateExportMigration"), "created once");
            // the lost call started it; the resumed step read the status and sent nothing
            assertEquals(1, dataworks.emulator().callCount("StartMigration", id));
            assertTrue(created.get(0).started());
        });
    }
}
