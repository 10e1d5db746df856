package io.jenkins.plugins.dataworks;

import static io.jenkins.plugins.dataworks.ProvokedPluginMessagesTest.assertNoEngineOnlyName;
import static io.jenkins.plugins.dataworks.ProvokedPluginMessagesTest.freestyle;
import static io.jenkins.plugins.dataworks.ProvokedPluginMessagesTest.pipeline;
import static io.jenkins.plugins.dataworks.ProvokedPluginMessagesTest.text;
import static io.jenkins.plugins.dataworks.TestScenarios.EXPORT_OK;
import static io.jenkins.plugins.dataworks.TestScenarios.PROJECT;
import static org.junit.jupiter.api.Assertions.assertTrue;

import hudson.ProxyConfiguration;
import hudson.model.FreeStyleBuild;
import hudson.model.FreeStyleProject;
import io.jenkins.plugins.dataworks.emulator.junit.DataWorksEmulatorExtension;
import io.jenkins.plugins.dataworks.emulator.proxy.ForwardingProxy;
import io.jenkins.plugins.dataworks.emulator.scenario.DownloadFault;
import io.jenkins.plugins.dataworks.emulator.scenario.MigrationSpec;
import io.jenkins.plugins.dataworks.emulator.scenario.Timeline;
import io.jenkins.plugins.dataworks.engine.download.DownloadSettings;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.jvnet.hudson.test.JenkinsRule;

/**
 * Messages that once reached a plugin user in words they did not type or could not act on (issue 9),
 * each provoked for real in both front ends:
 *
 * <ol>
 *   <li>A download host not allowed: an administrator lists it under "Allowed package download
 *       hosts" in the global configuration, so the message points there.
 *   <li>A proxy answering 407: the proxy is Jenkins' own (Manage Jenkins, System, HTTP Proxy
 *       Configuration), whose "No Proxy Host" field is where the endpoint can be listed.
 *   <li>Form validation of the freestyle builder names the form's labels, not the Pipeline's
 *       parameters.
 *   <li>Download errors (too-large package, broken transfer, host not allowed, and so also write
 *       failure and expired URLs) are rendered on the agent in the front end's words, since only
 *       their text crosses the channel.
 *   <li>Credentials with an empty part name the credentials, not the engine's accessKeyId.
 * </ol>
 */
class MessagesInTheUsersWordsTest {

    @RegisterExtension
    static final SharedJenkins JENKINS = new SharedJenkins();

    @RegisterExtension
    final DataWorksEmulatorExtension dataworks = DataWorksEmulatorExtension.withScenario(TestScenarios.scenario());

    private JenkinsRule r;
    private DataWorksTestEnvironment env;

    @BeforeEach
    void setUp(JenkinsRule rule) throws Exception {
        r = rule;
        env = DataWorksTestEnvironment.install(r, dataworks.emulator(), dataworks.clock());
    }

    // ---- 4. a download error crosses FilePath.act as text rendered in the engine's words --------
    // Needs: PackageDownloadCallable renders the DataWorksException with the front end's vocabulary
    // before it leaves (or DownloadReport carries the UserText instead of e.getMessage()), since the
    // controller's DownloadException(String) is a literal the vocabulary can no longer change. Today
    // the log reads "raise maxBytes", "or raise maxResumes or readTimeout", "add it to allowedHosts".

    private static final long HUGE = 20901;

    private void addHugeExport() {
        dataworks
                .emulator()
                .addMigration(MigrationSpec.export(HUGE, PROJECT, "huge")
                        .timeline(Timeline.fixed("EXPORT_SUCCESS"))
                        .pkg(new ProvokedPluginMessagesTest.AnnouncedOnly(DownloadSettings.DEFAULT_MAX_BYTES + 1)));
    }

    private static final String TOO_LARGE =
            "is 10737418241 bytes (10.0 GiB), over the limit of 10737418240 bytes (10.0 GiB)";

    // ---- too-large package -------------------------------------------------------------------

    @Test
    void pipelineTooLargePackageLeavesOutTheCapItCannotRaise() throws Exception {
        addHugeExport();
        WorkflowRun b = pipeline(r, env, env.target(PROJECT, HUGE));
        r.assertLogContains(TOO_LARGE, b);
        r.assertLogNotContains("raise", b);
        assertNoEngineOnlyName(b, FrontEndNames.PIPELINE);
    }

    @Test
    void freestyleTooLargePackageLeavesOutTheCapItCannotRaise() throws Exception {
        addHugeExport();
        FreeStyleBuild b = freestyle(r, env, HUGE, o -> {});
        r.assertLogContains(TOO_LARGE, b);
        r.assertLogNotContains("raise", b);
        assertNoEngineOnlyName(b, FrontEndNames.FREESTYLE);
    }

    // ---- broken transfer ---------------------------------------------------------------------

    @Test
    void pipelineBrokenTransferLeavesOutTheLimitsItCannotChange() throws Exception {
        dataworks.emulator().inject(DownloadFault.truncateAfter(1000).always());
        WorkflowRun b = pipeline(r, env, env.target(PROJECT, EXPORT_OK));
        r.assertLogContains(" after 5 resumes: ", b);
        r.assertLogContains(": check the network", b);
        r.assertLogNotContains("check the network or", b);
        assertNoEngineOnlyName(b, FrontEndNames.PIPELINE);
    }

    @Test
    void freestyleBrokenTransferLeavesOutTheLimitsItCannotChange() throws Exception {
        dataworks.emulator().inject(DownloadFault.truncateAfter(1000).always());
        FreeStyleBuild b = freestyle(r, env, EXPORT_OK, o -> {});
        r.assertLogContains(" after 5 resumes: ", b);
        r.assertLogContains(": check the network", b);
        r.assertLogNotContains("check the network or", b);
        assertNoEngineOnlyName(b, FrontEndNames.FREESTYLE);
    }

    private static final String ALLOWED_HOSTS =
            ": add it to 'Allowed package download hosts' (Manage Jenkins » System » DataWorks Migration)"
                    + " only if you trust it";

    /** Needs: FrontEndNames names ALLOWED_HOSTS, for both front ends, as the global configuration field. */
    @Test
    void pipelineHostNotAllowedPointsToTheGlobalConfiguration() throws Exception {
        DataWorksGlobalConfiguration.get().setAllowedDownloadHosts(null);
        WorkflowRun b = pipeline(r, env, env.target(PROJECT, EXPORT_OK));
        r.assertLogContains("download URL host 127.0.0.1 is not an Alibaba Cloud OSS endpoint", b);
        r.assertLogContains(ALLOWED_HOSTS, b);
        assertNoEngineOnlyName(b, FrontEndNames.PIPELINE);
    }

    @Test
    void freestyleHostNotAllowedPointsToTheGlobalConfiguration() throws Exception {
        DataWorksGlobalConfiguration.get().setAllowedDownloadHosts(null);
        FreeStyleBuild b = freestyle(r, env, EXPORT_OK, o -> {});
        r.assertLogContains("download URL host 127.0.0.1 is not an Alibaba Cloud OSS endpoint", b);
        r.assertLogContains(ALLOWED_HOSTS, b);
        assertNoEngineOnlyName(b, FrontEndNames.FREESTYLE);
    }

    private static final String NO_PROXY_HOST =
            ", or list the endpoint in 'No Proxy Host'" + " (Manage Jenkins » System » HTTP Proxy Configuration)";

    /** Needs: FrontEndNames names NON_PROXY_HOSTS, for both front ends, as Jenkins' proxy field. */
    @Test
    void pipelineProxyDemandingAuthenticationPointsToNoProxyHost() throws Exception {
        try (ForwardingProxy proxy = ForwardingProxy.start().answerConnectWith("407 Proxy Authentication Required")) {
            r.jenkins.setProxy(new ProxyConfiguration("127.0.0.1", proxy.port()));
            WorkflowRun b = pipeline(
                    r,
                    env,
                    "projectId: " + PROJECT + ", migrationId: " + EXPORT_OK + ", credentialsId: '"
                            + DataWorksTestEnvironment.CREDENTIALS_ID + "'");
            r.assertLogContains("use a proxy that does not" + NO_PROXY_HOST, b);
        }
    }

    @Test
    void freestyleProxyDemandingAuthenticationPointsToNoProxyHost() throws Exception {
        try (ForwardingProxy proxy = ForwardingProxy.start().answerConnectWith("407 Proxy Authentication Required")) {
            r.jenkins.setProxy(new ProxyConfiguration("127.0.0.1", proxy.port()));
            FreeStyleBuild b = freestyle(r, env, EXPORT_OK, o -> o.setEndpoint(null));
            r.assertLogContains("use a proxy that does not" + NO_PROXY_HOST, b);
        }
    }

    /**
     * Needs: MigrationForms' checks take the vocabulary of the descriptor that calls them
     * (DataWorksMigrationBuilder.DescriptorImpl passes FrontEndNames.FREESTYLE), and name the field
     * by its Setting (Setting.POLL_INTERVAL.engineName(), not "pollInterval").
     */
    @Test
    void freestyleFormValidationNamesTheFormLabels() throws Exception {
        FreeStyleProject job = r.createFreeStyleProject();
        DataWorksMigrationBuilder.DescriptorImpl d =
                r.jenkins.getDescriptorByType(DataWorksMigrationBuilder.DescriptorImpl.class);

        String id = text(d.doCheckProjectId(job, "abc"));
        assertTrue(id.startsWith("'Workspace ID' must be a number"), id);
        String migration = text(d.doCheckMigrationId(job, "-1"));
        assertTrue(migration.startsWith("'Migration ID' "), migration);
        String interval = text(d.doCheckPollInterval(job, "soon"));
        assertTrue(interval.startsWith("'Poll interval' 'soon' is not a duration"), interval);
        String longest = text(d.doCheckMaxPollInterval(job, "soon"));
        assertTrue(longest.startsWith("'Longest poll interval' 'soon' is not a duration"), longest);
        String timeout = text(d.doCheckTimeout(job, "soon"));
        assertTrue(timeout.startsWith("'Timeout' 'soon' is not a duration"), timeout);
        String artifact = text(d.doCheckArtifactName(job, "a/b.zip"));
        assertTrue(artifact.startsWith("'Artifact name' must be a plain file name"), artifact);
        String all = String.join("\n", id, migration, interval, longest, timeout, artifact);
        assertTrue(!all.contains("projectId") && !all.contains("pollInterval"), all);
        assertNoEngineOnlyName(all, FrontEndNames.FREESTYLE);
    }

    @Test
    void credentialsWithAnEmptyPartNameTheCredentialsInBothFrontEnds() throws Exception {
        com.cloudbees.plugins.credentials.SystemCredentialsProvider.getInstance()
                .getCredentials()
                .add(new com.cloudbees.plugins.credentials.impl.UsernamePasswordCredentialsImpl(
                        com.cloudbees.plugins.credentials.CredentialsScope.GLOBAL,
                        "no-key-id",
                        "no AccessKey ID",
                        "",
                        "some-secret-value"));
        WorkflowRun b = pipeline(
                r,
                env,
                "projectId: " + PROJECT + ", migrationId: " + EXPORT_OK + ", credentialsId: 'no-key-id', endpoint: '"
                        + dataworks.endpoint() + "'");
        r.assertLogContains(
                "credentialsId 'no-key-id' has no AccessKey ID (the username of Username with password):"
                        + " edit the credentials and fill it in",
                b);
        r.assertLogNotContains("accessKeyId", b);
        r.assertLogNotContains("some-secret-value", b);

        DataWorksMigrationBuilder builder = new DataWorksMigrationBuilder(PROJECT, EXPORT_OK, "no-key-id");
        builder.setEndpoint(dataworks.endpoint().toString());
        FreeStyleProject job = r.createFreeStyleProject();
        job.getBuildersList().add(builder);
        FreeStyleBuild f = r.assertBuildStatus(hudson.model.Result.FAILURE, job.scheduleBuild2(0));
        r.assertLogContains(
                "'Credentials' 'no-key-id' has no AccessKey ID (the username of Username with password):"
                        + " edit the credentials and fill it in",
                f);
        r.assertLogNotContains("accessKeyId", f);
    }
}
