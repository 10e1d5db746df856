package io.jenkins.plugins.dataworks;

import static io.jenkins.plugins.dataworks.TestScenarios.DOCS_DEV;
import static io.jenkins.plugins.dataworks.TestScenarios.DOCS_PROD;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import hudson.model.Computer;
import hudson.model.Result;
import io.jenkins.plugins.dataworks.emulator.junit.DataWorksEmulatorExtension;
import io.jenkins.plugins.dataworks.emulator.state.CallRecord;
import io.jenkins.plugins.dataworks.emulator.state.MigrationInfo;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.jenkins.plugins.lockableresources.LockableResource;
import org.jenkins.plugins.lockableresources.LockableResourcesManager;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
import org.jenkinsci.plugins.workflow.steps.TimeoutStepExecution;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.BuildWatcherExtension;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/**
 * The release Jenkinsfile of docs/pipeline.md, read from the page (the block marked
 * {@code <!-- example: release-jenkinsfile -->}), as teams run it: approval by a named person,
 * milestones and a lock between builds and jobs that race, a timeout around every wait, no executor
 * held while waiting, and {@code post { failure }} reading the wait's returned map.
 */
@WithJenkins
class ReleaseJenkinsfileTest {

    @RegisterExtension
    static final BuildWatcherExtension BUILD_WATCHER = new BuildWatcherExtension();

    @RegisterExtension
    final DataWorksEmulatorExtension dataworks = DataWorksEmulatorExtension.withScenario(TestScenarios.docs());

    private static final String LOCK = "dataworks-workspace-" + DOCS_PROD;

    private DocsJenkins jenkins;
    private JenkinsRule r;

    @BeforeEach
    void setUp(JenkinsRule rule) throws Exception {
        r = rule;
        jenkins = DocsJenkins.install(rule, dataworks);
    }

    private WorkflowJob releaseJob(String name) throws Exception {
        return jenkins.job(name, DocExamples.named("release-jenkinsfile").code());
    }

    private WorkflowRun startToApproval(WorkflowJob job) throws Exception {
        WorkflowRun b = job.scheduleBuild2(0).waitForStart();
        jenkins.driveToInput(b);
        return b;
    }

    private Optional<MigrationInfo> migration(long project, String name) {
        List<MigrationInfo> found = dataworks.emulator().migrations().stream()
                .filter(m -> m.projectId() == project && m.name().equals(name))
                .toList();
        assertTrue(found.size() <= 1, "one migration named " + name + ": " + found);
        return found.stream().findFirst();
    }

    private static String log(WorkflowRun b) {
        try {
            return JenkinsRule.getLog(b);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String tag(WorkflowRun b) {
        return "jenkins-" + b.getParent().getFullName().replace('/', '-') + "-" + b.getNumber();
    }

    /** No executor of any node is busy and nothing waits in the queue: the waiting build holds none. */
    private void assertNoExecutorHeld(String when) {
        for (Computer c : r.jenkins.getComputers()) {
            assertEquals(0, c.countBusy(), "busy executors on " + c.getDisplayName() + " " + when);
        }
        assertEquals(0, r.jenkins.getQueue().getItems().length, "queued " + when);
    }

    /** The build's innermost running steps are inside a timeout whose timer is armed. */
    private static void assertInsideArmedTimeout(WorkflowRun b, String when) throws Exception {
        List<StepExecution> running =
                b.getExecution().getCurrentExecutions(false).get();
        List<String> timeouts = running.stream()
                .filter(e -> e instanceof TimeoutStepExecution)
                .map(StepExecution::getStatus)
                .toList();
        assertEquals(1, timeouts.size(), "one timeout around the steps running " + when + ": " + running);
        assertTrue(timeouts.get(0).contains("to run"), "the timeout's timer is armed " + when + ": " + timeouts);
    }

    @Test
    void aPromotionWaitsForApprovalWithoutAnExecutorAndLogsWhoApproved() throws Exception {
        WorkflowRun b = releaseJob("release").scheduleBuild2(0).waitForStart();
        jenkins.env.driveUntilCalls(30001, 2); // the export is EXPORTING: the build waits for DataWorks
        assertTrue(b.isBuilding());
        assertNoExecutorHeld("during the export's wait");
        assertInsideArmedTimeout(b, "during the export's wait");

        jenkins.driveToInput(b);
        assertNoExecutorHeld("while waiting for approval");
        assertInsideArmedTimeout(b, "while waiting for approval");
        assertFalse(migration(DOCS_PROD, tag(b)).isPresent(), "nothing imported before the approval");

        jenkins.approve(b, "alice");
        r.assertBuildStatusSuccess(jenkins.drive(b));
        r.assertLogContains("Approved by alice", b);
        assertTrue(migration(DOCS_DEV, tag(b)).orElseThrow().started());
        assertTrue(migration(DOCS_PROD, tag(b)).orElseThrow().started());
        assertNotNull(b.getArtifactManager().root().child("release.zip"));
        assertTrue(b.getArtifactManager().root().child("release.zip").isFile());
    }

    @Test
    void anAbortedApprovalEndsTheBuildWithoutImporting() throws Exception {
        WorkflowRun b = startToApproval(releaseJob("release"));
        jenkins.abort(b, "alice");
        r.assertBuildStatus(Result.ABORTED, r.waitForCompletion(b));
        assertFalse(migration(DOCS_PROD, tag(b)).isPresent());
    }

    @Test
    void aNewerBuildApprovedFirstAbortsTheOlderOneWhichNeverImports() throws Exception {
        WorkflowJob job = releaseJob("release");
        WorkflowRun older = startToApproval(job);
        WorkflowRun newer = startToApproval(job);
        assertTrue(older.isBuilding(), "both wait for approval");

        jenkins.approve(newer, "alice");
        r.assertBuildStatusSuccess(jenkins.drive(newer));
        r.waitForCompletion(older);
        assertTrue(
                older.getResult() == Result.NOT_BUILT || older.getResult() == Result.ABORTED,
                "the older build was aborted: " + older.getResult());
        assertFalse(migration(DOCS_PROD, tag(older)).isPresent(), "the older build never imported");
        assertTrue(migration(DOCS_PROD, tag(newer)).isPresent());
    }

    @Test
    void promotionsIntoOneWorkspaceFromTwoJobsImportOneAtATime() throws Exception {
        WorkflowRun first = startToApproval(releaseJob("release"));
        WorkflowRun second = startToApproval(releaseJob("hotfix-release"));

        jenkins.approve(first, "alice");
        // The first import is created and started; its wait polls while the first build holds the lock.
        while (jenkins.env.scheduler.runNext(() ->
                !migration(DOCS_PROD, tag(first)).map(MigrationInfo::started).orElse(false))) {
            // runs what the first build scheduled until its import has started
        }
        jenkins.approve(second, "bob");
        DataWorksTestEnvironment.awaitEvent(
                () -> log(second).contains("Trying to acquire lock on [Resource: " + LOCK + "]"),
                "the second build never asked for the workspace");
        LockableResource lock = LockableResourcesManager.get().fromName(LOCK);
        assertEquals(first, lock.getBuild(), "the first build holds the workspace");
        assertFalse(migration(DOCS_PROD, tag(second)).isPresent(), "the second waits: no import yet");
        assertNoExecutorHeld("while the second build waits for the workspace");
        assertInsideArmedTimeout(second, "while waiting for the workspace");

        r.assertBuildStatusSuccess(jenkins.drive(first));
        r.assertBuildStatusSuccess(jenkins.drive(second));
        long firstImport = migration(DOCS_PROD, tag(first)).orElseThrow().id();
        List<CallRecord> calls = dataworks.emulator().calls();
        int firstEnded = -1;
        int secondCreated = -1;
        for (int i = 0; i < calls.size(); i++) {
            CallRecord c = calls.get(i);
            if ("GetMigrationSummary".equals(c.action())
                    && Long.valueOf(firstImport).equals(c.migrationId())) {
                firstEnded = i;
            }
            if ("CreateImportMigration".equals(c.action())
                    && tag(second).equals(c.params().get("Name"))) {
                secondCreated = i;
            }
        }
        assertEquals("IMPORT_SUCCESS", dataworks.emulator().status(firstImport));
        assertTrue(
                firstEnded >= 0 && secondCreated > firstEnded,
                "the second import was created (call " + secondCreated + ") after the first one's last poll (call "
                        + firstEnded + ")");
        assertTrue(migration(DOCS_PROD, tag(second)).orElseThrow().started());
    }

    @Test
    void aFailedImportIsReportedByPostFromTheReturnedMap() throws Exception {
        WorkflowRun b = startToApproval(releaseJob("release"));
        // Someone replaced the package while the release waited: DataWorks cannot read it.
        Path archived = b.getArtifactsDir().toPath().resolve("release.zip");
        Files.writeString(archived, "not a DataWorks package", StandardCharsets.UTF_8);
        jenkins.approve(b, "alice");
        r.assertBuildStatus(Result.FAILURE, jenkins.drive(b));

        MigrationInfo imported = migration(DOCS_PROD, tag(b)).orElseThrow();
        r.assertLogContains("ERROR: Import FAILED: IMPORT_ERROR", b);
        r.assertLogContains(
                "Release " + tag(b) + " stopped: migration " + imported.id() + " in workspace " + DOCS_PROD
                        + " ended IMPORT_ERROR (FAILED), RequestId ",
                b);
        String log = JenkinsRule.getLog(b);
        assertEquals(1, log.split("ParsePackage FAILURE", -1).length - 1, "the failed sub-task is named once:\n" + log);
    }
}
