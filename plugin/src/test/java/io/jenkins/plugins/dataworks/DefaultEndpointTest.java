package io.jenkins.plugins.dataworks;

import static io.jenkins.plugins.dataworks.TestScenarios.EXPORT_OK;
import static io.jenkins.plugins.dataworks.TestScenarios.PROJECT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import hudson.model.Result;
import io.jenkins.plugins.dataworks.emulator.junit.DataWorksEmulatorExtension;
import io.jenkins.plugins.dataworks.engine.error.InvalidInputException;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.jvnet.hudson.test.JenkinsRule;

/**
 * The global default endpoint: where steps go that name no endpoint of their own (the demo's and
 * the documentation tests' emulator, a private gateway), and what it does not change.
 */
class DefaultEndpointTest {

    @RegisterExtension
    static final SharedJenkins JENKINS = new SharedJenkins();

    @RegisterExtension
    final DataWorksEmulatorExtension dataworks = DataWorksEmulatorExtension.withScenario(TestScenarios.scenario());

    private JenkinsRule r;
    private DataWorksTestEnvironment env;
    private DataWorksGlobalConfiguration config;

    @BeforeEach
    void setUp(JenkinsRule rule) throws Exception {
        r = rule;
        env = DataWorksTestEnvironment.install(r, dataworks.emulator(), dataworks.clock());
        config = DataWorksGlobalConfiguration.get();
    }

    private WorkflowRun run(String script) throws Exception {
        WorkflowJob p = r.createProject(WorkflowJob.class);
        p.setDefinition(new CpsFlowDefinition(script, true));
        WorkflowRun b = env.drive(p.scheduleBuild2(0).waitForStart());
        r.waitUntilNoActivity();
        return b;
    }

    private String withoutEndpoint() {
        return "projectId: " + PROJECT + ", migrationId: " + EXPORT_OK + ", credentialsId: '"
                + DataWorksTestEnvironment.CREDENTIALS_ID + "', download: 'NEVER'";
    }

    @Test
    void aStepWithoutAnEndpointCallsTheDefaultEndpoint() throws Exception {
        config.setAllowedEndpoints(null);
        config.setDefaultEndpoint(dataworks.emulator().endpoint() + "/");
        assertEquals(dataworks.emulator().endpoint().toString(), config.getDefaultEndpoint(), "stored normalised");

        WorkflowRun b = r.assertBuildStatusSuccess(run("""
                def r = waitForDataWorksMigration %s
                echo "status=${r.status}"
                """.formatted(withoutEndpoint())));

        r.assertLogContains("status=EXPORT_SUCCESS", b);
        assertEquals(5, dataworks.emulator().callCount("GetMigrationSummary", EXPORT_OK));
    }

    @Test
    void aStepsOwnEndpointMustStillBeAnAllowedOverride() throws Exception {
        config.setDefaultEndpoint(dataworks.emulator().endpoint().toString());
        config.setAllowedEndpoints(null);

        WorkflowRun b = r.assertBuildStatus(
                Result.FAILURE,
                run("waitForDataWorksMigration " + withoutEndpoint() + ", endpoint: '"
                        + dataworks.emulator().endpoint() + "'"));

        r.assertLogContains("endpoint is not allowed", b);
        assertEquals(0, dataworks.emulator().callCount("GetMigrationSummary"));
    }

    @Test
    void vpcStillSelectsTheRegionsVpcEndpoint() {
        config.setDefaultEndpoint(dataworks.emulator().endpoint().toString());

        Connection vpc = new Connection("id", "cn-shanghai", null, true);
        Connection plain = new Connection("id", "cn-shanghai", null, false);

        assertEquals(
                "dataworks-vpc.cn-shanghai.aliyuncs.com",
                vpc.endpoint(config).uri().getHost());
        assertEquals(dataworks.emulator().endpoint(), plain.endpoint(config).uri());
    }

    @Test
    void aValueNoCallCouldUseIsRefusedWhereItIsSetAndNothingIsStored() {
        config.setDefaultEndpoint(null);

        InvalidInputException e = assertThrows(
                InvalidInputException.class, () -> config.setDefaultEndpoint("http://dataworks.example.com"));

        assertEquals(
                "'Default endpoint' (Manage Jenkins \u00bb System \u00bb DataWorks Migration) must use https:// "
                        + "(plain http is allowed only for loopback hosts: 127.0.0.1, ::1, localhost)",
                e.getMessage());
        assertNull(config.getDefaultEndpoint());
        assertEquals(
                hudson.Util.escape(e.getMessage()),
                config.doCheckDefaultEndpoint("http://dataworks.example.com").getMessage(),
                "the form says the same, as HTML");
    }
}
