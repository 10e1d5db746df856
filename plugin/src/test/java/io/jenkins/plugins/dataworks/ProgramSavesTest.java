package io.jenkins.plugins.dataworks;

import static io.jenkins.plugins.dataworks.TestScenarios.PROJECT;
import static io.jenkins.plugins.dataworks.TestScenarios.STUCK;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.jenkins.plugins.dataworks.emulator.junit.DataWorksEmulatorExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.concurrent.TimeUnit;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/**
 * A waiting build rewrites its program.dat (the whole serialized Pipeline) only for a snapshot worth
 * it: a new status, or a few calls since the last one saved; not for every quiet poll of a long
 * wait (benchmark 7 in docs/performance.md measured what each poll wrote).
 */
@WithJenkins
class ProgramSavesTest {

    @RegisterExtension
    final DataWorksEmulatorExtension dataworks = DataWorksEmulatorExtension.withScenario(TestScenarios.scenario());

    private JenkinsRule r;
    private DataWorksTestEnvironment env;

    @BeforeEach
    void setUp(JenkinsRule rule) throws Exception {
        r = rule;
        env = DataWorksTestEnvironment.install(r, dataworks.emulator(), dataworks.clock());
    }

    @Test
    void quietPollsLeaveTheProgramAloneANewStatusOrTheFourthCallSavesIt() throws Exception {
        WorkflowJob p = r.createProject(WorkflowJob.class);
        p.setDefinition(new CpsFlowDefinition(
                "waitForDataWorksMigration " + env.target(PROJECT, STUCK) + ", timeout: '1h'", true));
        WorkflowRun b = p.scheduleBuild2(0).waitForStart();
        Path program = b.getRootDir().toPath().resolve("program.dat");

        pollAndSettle(b, 1); // EXPORTING, a new status: saved
        Object saved = fileKey(program);
        for (int call = 2; call <= 4; call++) {
            pollAndSettle(b, call); // EXPORTING again
            assertEquals(saved, fileKey(program), "program.dat rewritten after quiet poll " + call);
        }
        pollAndSettle(b, 5); // four calls since the snapshot saved last
        assertNotEquals(saved, fileKey(program), "program.dat not rewritten after four calls");

        b.doStop();
        r.waitForCompletion(b);
    }

    /**
     * Runs polls until the emulator answered {@code calls}, waits until the wait scheduled its next
     * poll (it hands its snapshot over before that) and then until the CPS VM thread ran everything
     * queued before, a save of the program included.
     */
    private void pollAndSettle(WorkflowRun b, long calls) throws Exception {
        env.driveUntilCalls(STUCK, calls);
        env.scheduler.awaitPending(1);
        // Answered on the CPS VM thread (runInCpsVmThread), after every task queued before it.
        b.getExecution().getCurrentExecutions(false).get(1, TimeUnit.MINUTES);
    }

    /** Jenkins replaces program.dat by renaming a new file over it, so a rewrite changes its file key (inode). */
    private static Object fileKey(Path file) throws Exception {
        return Files.readAttributes(file, BasicFileAttributes.class).fileKey();
    }
}
