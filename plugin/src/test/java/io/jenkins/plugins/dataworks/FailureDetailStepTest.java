package io.jenkins.plugins.dataworks;

import static io.jenkins.plugins.dataworks.TestScenarios.EXPORT_ERROR;
import static io.jenkins.plugins.dataworks.TestScenarios.EXPORT_OK;
import static io.jenkins.plugins.dataworks.TestScenarios.IMPORT_ERROR;
import static io.jenkins.plugins.dataworks.TestScenarios.PROJECT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import hudson.model.Result;
import io.jenkins.plugins.dataworks.emulator.junit.DataWorksEmulatorExtension;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.BuildWatcherExtension;

/**
 * The failed sub-tasks of a failed migration reach the build log and the step's returned map, as
 * plain values a sandboxed script reads. The emulator's GetMigrationProcess reports ExportObjects
 * FAILURE for an EXPORT_ERROR export and ParsePackage FAILURE for an IMPORT_ERROR import.
 */
class FailureDetailStepTest {

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
        r.waitUntilNoActivity();
        return b;
    }

    @Test
    void returnedMapNamesTheFailedSubTasks() throws Exception {
        WorkflowRun b = r.assertBuildStatusSuccess(run("""
                def r = waitForDataWorksMigration %s, failOnError: false
                echo "result=${r.result} tasks=${r.failedTasks.size()} first=${r.failedTasks[0].name}:${r.failedTasks[0].status}"
                echo "message=${r.message}"
                """.formatted(env.target(PROJECT, EXPORT_ERROR))));
        r.assertLogContains("result=FAILED tasks=1 first=ExportObjects:FAILURE", b);
        r.assertLogContains("; failed sub-tasks: ExportObjects FAILURE", b);
        assertEquals(1, dataworks.emulator().callCount("GetMigrationProcess", EXPORT_ERROR));
    }

    @Test
    void failedBuildLogNamesTheFailedSubTasksInItsErrorLine() throws Exception {
        WorkflowRun b = r.assertBuildStatus(
                Result.FAILURE, run("waitForDataWorksMigration " + env.target(PROJECT, IMPORT_ERROR)));
        String failure = JenkinsRule.getLog(b)
                .lines()
                .filter(l -> l.startsWith("ERROR: "))
                .findFirst()
                .orElseThrow();
        assertTrue(failure.contains("IMPORT_ERROR"), failure);
        assertTrue(failure.endsWith("; failed sub-tasks: ParsePackage FAILURE"), failure);
    }

    @Test
    void catchErrorKeepsGoingAfterAFailureWithItsDetail() throws Exception {
        WorkflowRun b = r.assertBuildStatus(Result.FAILURE, run("""
                catchError(buildResult: 'FAILURE', stageResult: 'FAILURE') {
                  waitForDataWorksMigration %s
                }
                echo 'after the gate'
                """.formatted(env.target(PROJECT, EXPORT_ERROR))));
        r.assertLogContains("failed sub-tasks: ExportObjects FAILURE", b);
        r.assertLogContains("after the gate", b);
    }

    @Test
    void successHasNoFailedTasksAndCostsNoProcessCall() throws Exception {
        WorkflowRun b = r.assertBuildStatusSuccess(run("""
                def r = waitForDataWorksMigration %s, download: 'NEVER'
                echo "has failedTasks: ${r.containsKey('failedTasks')}"
                """.formatted(env.target(PROJECT, EXPORT_OK))));
        r.assertLogContains("has failedTasks: false", b);
        assertEquals(0, dataworks.emulator().callCount("GetMigrationProcess"));
    }
}
