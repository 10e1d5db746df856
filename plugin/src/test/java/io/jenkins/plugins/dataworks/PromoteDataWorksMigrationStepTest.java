package io.jenkins.plugins.dataworks;

import static io.jenkins.plugins.dataworks.TestScenarios.PROJECT;
import static io.jenkins.plugins.dataworks.TestScenarios.TARGET;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import hudson.model.Label;
import hudson.model.Result;
import io.jenkins.plugins.dataworks.emulator.junit.DataWorksEmulatorExtension;
import io.jenkins.plugins.dataworks.emulator.state.MigrationInfo;
import java.util.ArrayList;
import java.util.List;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.BuildWatcherExtension;

/**
 * promoteDataWorksMigration, and the single promotion steps one after the other, in scripted form
 * against the emulator. The docs' own Jenkinsfiles run as written in DocumentedExamplesTest and
 * ReleaseJenkinsfileTest.
 */
class PromoteDataWorksMigrationStepTest {

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
        WorkflowJob p = r.createProject(WorkflowJob.class, "release");
        p.setDefinition(new CpsFlowDefinition(script, true));
        WorkflowRun b = env.drive(p.scheduleBuild2(0).waitForStart());
        r.waitUntilNoActivity();
        return b;
    }

    private MigrationInfo only(long project, String name) {
        List<MigrationInfo> found = dataworks.emulator().migrations().stream()
                .filter(m -> m.projectId() == project && m.name().equals(name))
                .toList();
        assertEquals(1, found.size(), "exactly one migration named " + name + " in " + project);
        assertTrue(found.get(0).started(), name + " was started");
        return found.get(0);
    }

    /** The one-step promotion on an agent. */
    @Test
    void theOneStepPromotionExportsArchivesImportsAndReturnsBoth() throws Exception {
        r.createOnlineSlave(Label.get("remote"));
        WorkflowRun b = r.assertBuildStatusSuccess(run("""
                node('remote') {
                  stage('Promote') {
                    def p = promoteDataWorksMigration projectId: %d, targetProjectId: %d,
                        name: "release-${env.BUILD_NUMBER}", artifactName: 'release.zip',
                        commitRule: '{"resourceAutoCommit": true, "functionAutoCommit": true}', %s
                    echo "promoted ${p.result}: export ${p.export.migrationId} ${p.export.status} ${p.export.sha256}"
                    echo "import ${p.import.migrationId} ${p.import.status} failedStage=${p.failedStage}"
                  }
                }
                """.formatted(PROJECT, TARGET, env.connection())));
        MigrationInfo export = only(PROJECT, "release-1");
        MigrationInfo imported = only(TARGET, "release-1");
        r.assertLogContains("promoted SUCCESS: export " + export.id() + " EXPORT_SUCCESS", b);
        r.assertLogContains("import " + imported.id() + " IMPORT_SUCCESS failedStage=null", b);
        r.assertLogContains("DataWorks promotion: SUCCESS: promotion done", b);
        assertEquals(1, dataworks.emulator().callCount("StartMigration", export.id()));
        assertEquals(1, dataworks.emulator().callCount("StartMigration", imported.id()));
        assertEquals(1, dataworks.emulator().uploads().size());
        assertTrue(b.getArtifactManager().root().child("release.zip").isFile());
        List<String> secrets = new ArrayList<>(env.grantSecrets);
        assertEquals(2, secrets.size());
        secrets.add(DataWorksTestEnvironment.ACCESS_KEY_SECRET);
        SecretFiles.assertNothingWritten(r, b, secrets);
    }

    /** The step-by-step promotion: each step on its own, with a stage per part. */
    @Test
    void theStepByStepPromotionDoesTheSame() throws Exception {
        WorkflowRun b = r.assertBuildStatusSuccess(run("""
                withEnv(['DEV_WORKSPACE=%1$d', 'PROD_WORKSPACE=%2$d']) {
                  stage('Export') {
                    def dw = [%3$s]
                    def exportId = createDataWorksExport(dw + [projectId: env.DEV_WORKSPACE as long,
                            name: "release-${env.BUILD_NUMBER}"])
                    startDataWorksMigration(dw + [projectId: env.DEV_WORKSPACE as long, migrationId: exportId])
                    def exported = waitForDataWorksMigration(dw + [projectId: env.DEV_WORKSPACE as long,
                            migrationId: exportId, download: 'ALWAYS', artifactName: 'release.zip'])
                    echo "Exported ${exported.packageFile} (SHA-256 ${exported.sha256})"
                  }
                  stage('Import') {
                    def dw = [%3$s]
                    def importId = createDataWorksImport(dw + [projectId: env.PROD_WORKSPACE as long,
                            name: "release-${env.BUILD_NUMBER}",
                            artifact: 'release.zip', fromJob: env.JOB_NAME, fromBuild: env.BUILD_NUMBER,
                            commitRule: '{"resourceAutoCommit": true, "functionAutoCommit": true}'])
                    startDataWorksMigration(dw + [projectId: env.PROD_WORKSPACE as long, migrationId: importId])
                    def imported = waitForDataWorksMigration(dw + [projectId: env.PROD_WORKSPACE as long,
                            migrationId: importId])
                    echo "Imported: ${imported.status} (RequestId ${imported.requestId})"
                  }
                }
                """.formatted(PROJECT, TARGET, env.connection())));
        only(PROJECT, "release-1");
        only(TARGET, "release-1");
        r.assertLogContains("Exported release.zip (SHA-256 ", b);
        r.assertLogContains("Imported: IMPORT_SUCCESS (RequestId ", b);
    }

    @Test
    void aTakenNameStopsBeforeTheExportInOneLineWithNothingCreated() throws Exception {
        int before = dataworks.emulator().migrations().size();
        WorkflowRun b = r.assertBuildStatus(
                Result.FAILURE,
                run("promoteDataWorksMigration projectId: %d, targetProjectId: %d, name: 'nightly_export', %s"
                        .formatted(PROJECT, TARGET, env.connection())));
        String log = JenkinsRule.getLog(b);
        List<String> errors = log.lines().filter(l -> l.startsWith("ERROR: ")).toList();
        assertEquals(1, errors.size(), log);
        assertTrue(
                errors.get(0).contains("promotion stopped at CHECK_NAME: a migration named 'nightly_export'"),
                errors.get(0));
        assertFalse(log.contains("\tat "), log);
        assertEquals(before, dataworks.emulator().migrations().size());
    }

    @Test
    void anEndpointThatNeverResolvesStopsAtOnceNamingTheParametersToCheck() throws Exception {
        // .invalid never resolves (RFC 6761): a real SDK call, failing before anything reached DataWorks.
        String nowhere = "https://dataworks.cn-shanghai.nowhere.invalid";
        DataWorksGlobalConfiguration.get().setAllowedEndpoints(nowhere);
        WorkflowRun b = r.assertBuildStatus(
                Result.FAILURE,
                run(
                        "promoteDataWorksMigration projectId: %d, targetProjectId: %d, name: 'release-1', credentialsId: '%s', endpoint: '%s'"
                                .formatted(PROJECT, TARGET, DataWorksTestEnvironment.CREDENTIALS_ID, nowhere)));
        String log = JenkinsRule.getLog(b);
        List<String> errors = log.lines().filter(l -> l.startsWith("ERROR: ")).toList();
        assertEquals(1, errors.size(), log);
        assertTrue(
                errors.get(0)
                        .contains(
                                "promotion stopped at CHECK_NAME: ListMigrations of EXPORT migrations in workspace "
                                        + PROJECT
                                        + " failed: SDK.ServerUnreachable: unknown host dataworks.cn-shanghai.nowhere.invalid,"
                                        + " and no call has reached DataWorks, so retrying will not help; check region, endpoint and vpc"),
                errors.get(0));
        assertFalse(log.contains("retrying in"), log);
        assertEquals(0, dataworks.emulator().calls().size());
    }

    @Test
    void badJsonIsRefusedBeforeAnyCall() throws Exception {
        WorkflowRun b = r.assertBuildStatus(
                Result.FAILURE,
                run("promoteDataWorksMigration projectId: %d, targetProjectId: %d, name: 'r1', workspaceMap: '{', %s"
                        .formatted(PROJECT, TARGET, env.connection())));
        r.assertLogContains("ERROR: workspaceMap is not valid JSON", b);
        assertEquals(0, dataworks.emulator().calls().size());
    }

    @Test
    void failOnErrorFalseReturnsTheStoppedPromotion() throws Exception {
        // A target workspace that does not exist is found by the name check, before an export is made.
        WorkflowRun b = r.assertBuildStatusSuccess(run("""
                def p = promoteDataWorksMigration projectId: %d, targetProjectId: 99, name: 'to_nowhere',
                    failOnError: false, %s
                echo "result=${p.result} stage=${p.failedStage} export=${p.export} message=${p.message}"
                """.formatted(PROJECT, env.connection())));
        r.assertLogContains("result=ERROR stage=CHECK_NAME export=null message=promotion stopped at CHECK_NAME:", b);
        r.assertLogContains("Invalid.Tenant.ProjectNotExists", b);
        assertEquals(0, dataworks.emulator().callCount("CreateExportMigration"));
    }
}
