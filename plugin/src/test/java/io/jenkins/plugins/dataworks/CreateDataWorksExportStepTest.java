package io.jenkins.plugins.dataworks;

import static io.jenkins.plugins.dataworks.TestScenarios.PROJECT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import hudson.model.Result;
import io.jenkins.plugins.dataworks.emulator.junit.DataWorksEmulatorExtension;
import io.jenkins.plugins.dataworks.emulator.scenario.Fault;
import io.jenkins.plugins.dataworks.emulator.state.MigrationInfo;
import java.util.List;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.BuildWatcherExtension;

/** createDataWorksExport and startDataWorksMigration end to end: real Jenkins, the emulator over HTTP. */
class CreateDataWorksExportStepTest {

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

    private List<MigrationInfo> named(String name) {
        return dataworks.emulator().migrations().stream()
                .filter(m -> m.name().equals(name))
                .toList();
    }

    private long writeCalls() {
        return dataworks.emulator().calls().stream()
                .filter(c -> c.action().startsWith("Create") || c.action().equals("StartMigration"))
                .count();
    }

    /** The one "ERROR: " line of a failed build, which must name {@code parameter}; no stack trace. */
    private String failureLine(WorkflowRun b, String parameter) throws Exception {
        r.assertBuildStatus(Result.FAILURE, b);
        String log = JenkinsRule.getLog(b);
        List<String> errors = log.lines().filter(l -> l.startsWith("ERROR: ")).toList();
        assertEquals(1, errors.size(), log);
        assertTrue(errors.get(0).contains(parameter), errors.get(0));
        assertFalse(log.contains("\tat "), "no stack trace: " + log);
        return errors.get(0);
    }

    @Test
    void createStartAndWaitReturnTheIdAndStartItOnce() throws Exception {
        WorkflowRun b = r.assertBuildStatusSuccess(run("""
                def id = createDataWorksExport projectId: %1$d, name: 'release_1', description: 'from Jenkins', %2$s
                echo "created=${id}"
                def s = startDataWorksMigration projectId: %1$d, migrationId: id, %2$s
                echo "startedNow=${s.startedNow} migrationId=${s.migrationId}"
                def again = startDataWorksMigration projectId: %1$d, migrationId: id, %2$s
                echo "again=${again.startedNow} status=${again.status}"
                def r = waitForDataWorksMigration projectId: %1$d, migrationId: id, download: 'NEVER', %2$s
                echo "waited=${r.status} name=${r.name}"
                """.formatted(PROJECT, env.connection())));
        List<MigrationInfo> created = named("release_1");
        assertEquals(1, created.size(), "exactly one export");
        MigrationInfo m = created.get(0);
        assertEquals("EXPORT", m.type().name());
        assertTrue(m.started());
        assertEquals("from Jenkins", m.description());
        r.assertLogContains("created=" + m.id(), b);
        r.assertLogContains(
                "Created DataWorks export migration " + m.id() + " ('release_1') in workspace " + PROJECT, b);
        r.assertLogContains("startedNow=true migrationId=" + m.id(), b);
        r.assertLogContains(
                "DataWorks migration " + m.id() + " in workspace " + PROJECT
                        + " was already started (status EXPORTING): left alone, not started again",
                b);
        r.assertLogContains("again=false status=EXPORTING", b);
        r.assertLogContains("waited=EXPORT_SUCCESS name=release_1", b);
        assertEquals(1, dataworks.emulator().callCount("CreateExportMigration"));
    }

    @Test
    void anIncrementalExportSendsItsTime() throws Exception {
        r.assertBuildStatusSuccess(run("""
                createDataWorksExport projectId: %d, name: 'since_march', exportMode: 'INCREMENTAL',
                    incrementalSince: '2026-03-01T00:00:00Z', objectStatus: 'DEPLOYED', %s
                """.formatted(PROJECT, env.connection())));
        var call = dataworks.emulator().calls().stream()
                .filter(c -> c.action().equals("CreateExportMigration"))
                .findFirst()
                .orElseThrow();
        assertEquals("INCREMENTAL", call.params().get("ExportMode"));
        assertEquals("DEPLOYED", call.params().get("ExportObjectStatus"));
        assertEquals(
                String.valueOf(java.time.Instant.parse("2026-03-01T00:00:00Z").toEpochMilli()),
                call.params().get("IncrementalSince"));
        assertEquals(1, named("since_march").size());
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "name: '  '                                                | name is missing",
                "name: 'x', incrementalSince: '2026-03-01T00:00:00Z'                  | incrementalSince only applies to exportMode: 'INCREMENTAL'",
                "name: 'x', exportMode: 'INCREMENTAL'                       | incrementalSince is missing: an exportMode: 'INCREMENTAL' export",
                "name: 'x', exportMode: 'INCREMENTAL', incrementalSince: 'yesterday' | incrementalSince 'yesterday' is not a time",
                "name: 'x', exportMode: 'PARTIAL'                           | exportMode must be one of FULL, INCREMENTAL, got 'PARTIAL'",
                "name: 'x', objectStatus: 'LATEST'                          | objectStatus must be one of SAVED, SUBMITTED, DEPLOYED",
            })
    void badInputFailsInOneLineNamingTheParameterBeforeAnyCall(String options, String expected) throws Exception {
        WorkflowRun b =
                run("createDataWorksExport projectId: %d, %s, %s".formatted(PROJECT, options, env.connection()));
        String line = failureLine(b, expected.substring(0, expected.indexOf(' ')));
        assertTrue(line.contains(expected), line);
        assertEquals(0, dataworks.emulator().calls().size(), "no call at all");
    }

    @Test
    void aNameThatIsTakenFailsInOneLineAndCreatesNothing() throws Exception {
        int before = dataworks.emulator().migrations().size();
        WorkflowRun b = run(
                "createDataWorksExport projectId: %d, name: 'nightly_export', %s".formatted(PROJECT, env.connection()));
        String line = failureLine(b, "name");
        assertTrue(line.contains("a migration named 'nightly_export' already exists in workspace " + PROJECT), line);
        assertTrue(line.contains("choose another name"), line);
        assertEquals(before, dataworks.emulator().migrations().size(), "nothing created");
        assertEquals(1, dataworks.emulator().callCount("CreateExportMigration"), "not retried");
    }

    @Test
    void aLostCreateAnswerIsRecoveredByNameNotCreatedTwice() throws Exception {
        dataworks.emulator().inject(Fault.performedNoAnswer().onAction("CreateExportMigration"));
        WorkflowRun b = r.assertBuildStatusSuccess(run("""
                def id = createDataWorksExport projectId: %d, name: 'lost_answer', %s
                echo "created=${id}"
                """.formatted(PROJECT, env.connection())));
        List<MigrationInfo> created = named("lost_answer");
        assertEquals(1, created.size(), "exactly one export");
        r.assertLogContains("created=" + created.get(0).id(), b);
        r.assertLogContains("by its name", b);
    }

    @Test
    void startOfAnUnknownMigrationFailsInOneLine() throws Exception {
        WorkflowRun b = run(
                "startDataWorksMigration projectId: %d, migrationId: 99999, %s".formatted(PROJECT, env.connection()));
        failureLine(b, "99999");
        assertEquals(0, writeCalls() - dataworks.emulator().callCount("StartMigration"));
    }

    @Test
    void startWithABadIdFailsBeforeAnyCall() throws Exception {
        WorkflowRun b =
                run("startDataWorksMigration projectId: %d, migrationId: 0, %s".formatted(PROJECT, env.connection()));
        failureLine(b, "migrationId");
        assertEquals(0, dataworks.emulator().calls().size());
    }
}
