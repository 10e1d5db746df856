package io.jenkins.plugins.dataworks;

import static io.jenkins.plugins.dataworks.TestScenarios.EXPORT_OK;
import static io.jenkins.plugins.dataworks.TestScenarios.PROJECT;
import static io.jenkins.plugins.dataworks.TestScenarios.STUCK;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import hudson.model.Result;
import hudson.model.listeners.ItemListener;
import io.jenkins.plugins.dataworks.emulator.junit.DataWorksEmulatorExtension;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
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
 * Controller restarts during a wait. The emulator (and its clock) outlive the Jenkins sessions, as
 * DataWorks outlives a Jenkins restart.
 *
 * <p>A restarted Jenkins resumes running Pipelines by itself while it starts, so the emulator's
 * clock and the manual scheduler must be in place before that: {@link InstallBeforePipelinesResume}
 * installs them while Jenkins loads its jobs, and each session takes the environment from there.
 * Installing from inside {@code sessions.then} would race the resumed wait, which could then poll
 * on the real timer and clock.
 */
class WaitForDataWorksMigrationRestartTest {

    private static final SessionHandOver SESSIONS = new SessionHandOver(null);

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

    /**
     * Runs while Jenkins loads its jobs, before the Pipeline resumption it starts gets to any step:
     * that first loads program.dat on another thread and resumes steps only once startup completed.
     */
    @TestExtension
    public static final class InstallBeforePipelinesResume extends ItemListener {
        @Override
        public void onLoaded() {
            SESSIONS.installIfRunning();
        }
    }

    /** The environment of the running session, installed at its start. */
    private static DataWorksTestEnvironment installed() {
        return SESSIONS.installed();
    }

    private WorkflowRun startGate(JenkinsRule r, DataWorksTestEnvironment env, long migrationId, String extra)
            throws Exception {
        WorkflowJob p = r.createProject(WorkflowJob.class, "gate");
        p.setDefinition(new CpsFlowDefinition("""
                def r = waitForDataWorksMigration %s%s
                echo "returned ${r.result} ${r.status}"
                """.formatted(env.target(PROJECT, migrationId), extra), true));
        return p.scheduleBuild2(0).waitForStart();
    }

    private static WorkflowRun build(JenkinsRule r) {
        return r.jenkins.getItemByFullName("gate", WorkflowJob.class).getBuildByNumber(1);
    }

    /** Waits until the status change was logged and the next poll scheduled, i.e. its snapshot was handed over. */
    private static void settle(JenkinsRule r, DataWorksTestEnvironment env, WorkflowRun b, String status)
            throws Exception {
        r.waitForMessage(status, b);
        env.scheduler.awaitPending(1);
    }

    @Test
    void aRestartDuringTheWaitResumesFromThePersistedSnapshot() throws Throwable {
        sessions.then(r -> {
            DataWorksTestEnvironment env = installed();
            WorkflowRun b = startGate(r, env, EXPORT_OK, ", download: 'NEVER'");
            env.driveUntilCalls(EXPORT_OK, 2);
            settle(r, env, b, "EXPORTING");
        });
        sessions.then(r -> {
            DataWorksTestEnvironment env = installed();
            WorkflowRun b = r.assertBuildStatusSuccess(env.drive(build(r)));
            r.assertLogContains("Resuming the wait", b);
            r.assertLogContains("returned SUCCESS EXPORT_SUCCESS", b);
            assertEquals(
                    5,
                    dataworks.emulator().callCount("GetMigrationSummary", EXPORT_OK),
                    "no poll repeated or lost across the restart");
            DataWorksMigrationAction action = b.getAction(DataWorksMigrationAction.class);
            assertEquals(
                    List.of("INIT", "EXPORTING", "EXPORT_SUCCESS"),
                    action.getTimeline().stream().map(StatusChange::getStatus).collect(Collectors.toList()));
        });
    }

    @Test
    void aResumedWaitKeepsItsDeadline() throws Throwable {
        AtomicReference<Instant> started = new AtomicReference<>();
        sessions.then(r -> {
            DataWorksTestEnvironment env = installed();
            started.set(dataworks.clock().instant());
            WorkflowRun b = startGate(r, env, STUCK, ", timeout: '10m'");
            env.driveUntilCalls(STUCK, 1);
            settle(r, env, b, "EXPORTING");
        });
        dataworks.clock().advance(Duration.ofMinutes(8)); // the controller was down for 8 minutes
        sessions.then(r -> {
            DataWorksTestEnvironment env = installed();
            WorkflowRun b = r.assertBuildStatus(Result.FAILURE, env.drive(build(r)));
            Duration waited = Duration.between(started.get(), dataworks.clock().instant());
            assertTrue(
                    waited.compareTo(Duration.ofMinutes(13)) < 0,
                    "the deadline counts from the first start, not from the restart: " + waited);
            r.assertLogContains("EXPORTING", b);
        });
    }

    @Test
    void twoRestartsInARowStillCompleteExactlyOnce() throws Throwable {
        sessions.then(r -> {
            DataWorksTestEnvironment env = installed();
            WorkflowRun b = startGate(r, env, EXPORT_OK, "");
            env.driveUntilCalls(EXPORT_OK, 1);
            settle(r, env, b, "INIT");
        });
        sessions.then(r -> {
            DataWorksTestEnvironment env = installed();
            WorkflowRun b = build(r);
            env.driveUntilCalls(EXPORT_OK, 3);
            settle(r, env, b, "EXPORTING");
        });
        sessions.then(r -> {
            DataWorksTestEnvironment env = installed();
            WorkflowRun b = r.assertBuildStatusSuccess(env.drive(build(r)));
            String log = JenkinsRule.getLog(b);
            assertEquals(
                    1,
                    log.lines()
                            .filter(l -> l.startsWith("DataWorks migration gate: SUCCESS"))
                            .count(),
                    log);
            assertEquals(
                    1, log.lines().filter(l -> l.contains("returned SUCCESS")).count(), log);
            assertEquals(5, dataworks.emulator().callCount("GetMigrationSummary", EXPORT_OK));
            assertTrue(
                    b.getArtifactManager()
                            .root()
                            .child("dataworks-export-10001-20001.zip")
                            .isFile(),
                    "the package is downloaded after the restarts, with a fresh URL");
        });
    }
}
