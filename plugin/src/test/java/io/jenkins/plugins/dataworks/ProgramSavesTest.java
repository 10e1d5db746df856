package io.jenkins.plugins.dataworks;

import static io.jenkins.plugins.dataworks.TestScenarios.EXPORT_OK;
import static io.jenkins.plugins.dataworks.TestScenarios.PROJECT;
import static io.jenkins.plugins.dataworks.TestScenarios.STUCK;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
 * A waiting build rewrites its program.dat (the whole serialized Pipeline) and its build.xml (the run
 * with the build page's status) only for a snapshot worth it: the first answer, or a few calls since
 * the last one saved; not for every quiet poll of a long wait, nor for a new status, nor for the
 * status that ends the wait (benchmark 7 in docs/performance.md measured what each poll wrote).
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
    void quietPollsLeaveTheProgramAndTheBuildRecordAloneTheFourthCallSavesBoth() throws Exception {
        WorkflowJob p = r.createProject(WorkflowJob.class);
        p.setDefinition(new CpsFlowDefinition(
                "waitForDataWorksMigration " + env.target(PROJECT, STUCK) + ", timeout: '1h'", true));
        WorkflowRun b = p.scheduleBuild2(0).waitForStart();
        Path program = b.getRootDir().toPath().resolve("program.dat");
        Path record = b.getRootDir().toPath().resolve("build.xml");

        pollAndSettle(b, STUCK, 1); // EXPORTING, the first answer: saved
        Object savedProgram = fileKey(program);
        Object savedRecord = fileKey(record);
        for (int call = 2; call <= 4; call++) {
            pollAndSettle(b, STUCK, call); // EXPORTING again
            assertEquals(savedProgram, fileKey(program), "program.dat rewritten after quiet poll " + call);
            assertEquals(savedRecord, fileKey(record), "build.xml rewritten after quiet poll " + call);
        }
        pollAndSettle(b, STUCK, 5); // four calls since the snapshot saved last
        assertNotEquals(savedProgram, fileKey(program), "program.dat not rewritten after four calls");
        assertNotEquals(savedRecord, fileKey(record), "build.xml not rewritten after four calls");

        b.doStop();
        r.waitForCompletion(b);
    }

    @Test
    void aNewStatusIsNotWorthAWriteTheBuildPageShowsItAnyway() throws Exception {
        WorkflowJob p = r.createProject(WorkflowJob.class);
        p.setDefinition(new CpsFlowDefinition(
                "waitForDataWorksMigration " + env.target(PROJECT, EXPORT_OK) + ", timeout: '1h', download: 'NEVER'",
                true));
        WorkflowRun b = p.scheduleBuild2(0).waitForStart();
        Path program = b.getRootDir().toPath().resolve("program.dat");
        Path record = b.getRootDir().toPath().resolve("build.xml");

        pollAndSettle(b, EXPORT_OK, 1); // INIT, the first answer: saved
        Object savedProgram = fileKey(program);
        Object savedRecord = fileKey(record);
        pollAndSettle(b, EXPORT_OK, 2); // EXPORTING: a new status
        assertEquals(savedProgram, fileKey(program), "program.dat rewritten for a new status");
        assertEquals(savedRecord, fileKey(record), "build.xml rewritten for a new status");
        assertEquals(
                "EXPORTING",
                b.getAction(DataWorksMigrationAction.class).getStatus(),
                "the build page reads the status from memory");

        env.driveUntilCalls(EXPORT_OK, 5); // EXPORT_SUCCESS ends the wait; the build saves its end
        r.assertBuildStatusSuccess(r.waitForCompletion(b));
        String saved = Files.readString(record); // the build page's record as a restarted Jenkins reads it
        assertTrue(
                saved.contains("<status>EXPORT_SUCCESS</status>") && saved.contains("<result>SUCCESS</result>"),
                "the wait's end is in build.xml");
    }

    /**
     * Runs polls until the emulator answered {@code calls}, waits until the wait scheduled its next
     * poll (it hands its snapshot over before that) and then until the CPS VM thread ran everything
     * queued before, a save of the program included.
     */
    private void pollAndSettle(WorkflowRun b, long migrationId, long calls) throws Exception {
        env.driveUntilCalls(migrationId, calls);
        env.scheduler.awaitPending(1);
        // Answered on the CPS VM thread (runInCpsVmThread), after every task queued before it.
        b.getExecution().getCurrentExecutions(false).get(1, TimeUnit.MINUTES);
    }

    /** Jenkins replaces program.dat by renaming a new file over it, so a rewrite changes its file key (inode). */
    private static Object fileKey(Path file) throws Exception {
        return Files.readAttributes(file, BasicFileAttributes.class).fileKey();
    }
}
