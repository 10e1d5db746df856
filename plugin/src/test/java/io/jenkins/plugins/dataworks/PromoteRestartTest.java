package io.jenkins.plugins.dataworks;

import static io.jenkins.plugins.dataworks.TestScenarios.PROJECT;
import static io.jenkins.plugins.dataworks.TestScenarios.TARGET;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import hudson.model.listeners.ItemListener;
import io.jenkins.plugins.dataworks.emulator.junit.DataWorksEmulatorExtension;
import io.jenkins.plugins.dataworks.emulator.scenario.Fault;
import io.jenkins.plugins.dataworks.emulator.state.MigrationInfo;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
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
 * The "done when": the release promotion passes across a controller restart in the middle,
 * with exactly one export and one import, each started once. Restarts during the export wait, and
 * while a create or start call the emulator performed goes unanswered (clients wait ten minutes of
 * real time, so the call is surely in flight when Jenkins goes down). Environment installation as
 * in WaitForDataWorksMigrationRestartTest.
 */
class PromoteRestartTest {

    private static final String NAME = "release-1";
    private static final SessionHandOver SESSIONS = new SessionHandOver(Duration.ofMinutes(10));

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

    /** The one-step Jenkinsfile of docs/pipeline.md. */
    private static void startPromotion(JenkinsRule r, DataWorksTestEnvironment env) throws Exception {
        WorkflowJob p = r.createProject(WorkflowJob.class, "release");
        p.setDefinition(new CpsFlowDefinition("""
                stage('Promote') {
                  def p = promoteDataWorksMigration projectId: %d, targetProjectId: %d,
                      name: "release-${env.BUILD_NUMBER}", artifactName: 'release.zip', %s
                  echo "promoted ${p.result}: ${p.export.migrationId} -> ${p.import.migrationId}"
                }
                """.formatted(PROJECT, TARGET, env.connection()), true));
        p.scheduleBuild2(0).waitForStart();
    }

    private static WorkflowRun build(JenkinsRule r) {
        return r.jenkins.getItemByFullName("release", WorkflowJob.class).getBuildByNumber(1);
    }

    private Optional<MigrationInfo> migration(long project) {
        return dataworks.emulator().migrations().stream()
                .filter(m -> m.projectId() == project && m.name().equals(NAME))
                .findFirst();
    }

    /** Runs the waits' polls until {@code done}. */
    private static void driveUntil(DataWorksTestEnvironment env, java.util.function.BooleanSupplier done)
            throws InterruptedException {
        while (env.scheduler.runNext(() -> !done.getAsBoolean())) {
            // each round runs the next due poll
        }
    }

    /** Exactly one export and one import named release-1, each started once; the build says so. */
    private void assertPromotedOnce(JenkinsRule r, WorkflowRun b, int exportStartCalls, int importStartCalls)
            throws Exception {
        r.assertBuildStatusSuccess(b);
        r.assertLogContains("after Jenkins restart", b);
        List<MigrationInfo> all = dataworks.emulator().migrations().stream()
                .filter(m -> m.name().equals(NAME))
                .toList();
        assertEquals(2, all.size(), "one export and one import: " + all);
        MigrationInfo export = migration(PROJECT).orElseThrow();
        MigrationInfo imported = migration(TARGET).orElseThrow();
        assertTrue(export.started() && imported.started());
        assertEquals("EXPORT_SUCCESS", export.status());
        assertEquals("IMPORT_SUCCESS", imported.status());
        assertEquals(exportStartCalls, dataworks.emulator().callCount("StartMigration", export.id()));
        assertEquals(importStartCalls, dataworks.emulator().callCount("StartMigration", imported.id()));
        r.assertLogContains("promoted SUCCESS: " + export.id() + " -> " + imported.id(), b);
        assertEquals(1, dataworks.emulator().callCount("CreateExportMigration"));
        assertEquals(1, dataworks.emulator().callCount("CreateImportMigration"));
    }

    @Test
    void aRestartDuringTheExportWaitResumesItAndImportsOnce() throws Throwable {
        sessions.then(r -> {
            DataWorksTestEnvironment env = installed();
            startPromotion(r, env);
            driveUntil(env, () -> migration(PROJECT)
                    .map(m -> dataworks.emulator().callCount("GetMigrationSummary", m.id()) >= 2)
                    .orElse(false));
            WorkflowRun b = build(r);
            r.waitForMessage("EXPORTING", b);
            env.scheduler.awaitPending(1); // the next poll is scheduled: its snapshot was handed over
        });
        sessions.then(r -> {
            DataWorksTestEnvironment env = installed();
            WorkflowRun b = env.drive(build(r));
            r.waitUntilNoActivity();
            r.assertLogContains(
                    "Resuming the wait for DataWorks migration "
                            + migration(PROJECT).orElseThrow().id(),
                    b);
            assertPromotedOnce(r, b, 1, 1);
        });
    }

    @Test
    void aRestartWhileCreateImportMigrationIsInFlightFindsTheImportByItsName() throws Throwable {
        dataworks.emulator().inject(Fault.performedThenStall().onAction("CreateImportMigration"));
        sessions.then(r -> {
            DataWorksTestEnvironment env = installed();
            startPromotion(r, env);
            driveUntil(env, () -> migration(TARGET).isPresent());
        });
        sessions.then(r -> {
            DataWorksTestEnvironment env = installed();
            WorkflowRun b = env.drive(build(r));
            r.waitUntilNoActivity();
            r.assertLogContains("Resuming after a restart: the step was creating the import migration 'release-1'", b);
            r.assertLogContains("by its name", b);
            assertPromotedOnce(r, b, 1, 1);
            assertEquals(1, dataworks.emulator().uploads().size(), "the package was uploaded once");
        });
    }

    @Test
    void aRestartWhileTheExportsStartMigrationIsInFlightDoesNotStartItTwice() throws Throwable {
        dataworks.emulator().inject(Fault.performedThenStall().onAction("StartMigration"));
        sessions.then(r -> {
            DataWorksTestEnvironment env = installed();
            startPromotion(r, env);
            DataWorksTestEnvironment.awaitEvent(
                    () -> migration(PROJECT).map(MigrationInfo::started).orElse(false), "the export was never started");
        });
        sessions.then(r -> {
            DataWorksTestEnvironment env = installed();
            WorkflowRun b = env.drive(build(r));
            r.waitUntilNoActivity();
            r.assertLogContains("was already started (status EXPORTING): left alone, not started again", b);
            // the lost call started it; the resumed step read the status and sent nothing
            assertPromotedOnce(r, b, 1, 1);
        });
    }
}
