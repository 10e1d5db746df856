package io.jenkins.plugins.dataworks;

import static io.jenkins.plugins.dataworks.TestScenarios.EXPORT_OK;
import static io.jenkins.plugins.dataworks.TestScenarios.PROJECT;
import static org.junit.jupiter.api.Assertions.assertTrue;

import hudson.ProxyConfiguration;
import hudson.model.FreeStyleBuild;
import hudson.model.FreeStyleProject;
import hudson.model.Result;
import hudson.model.Run;
import hudson.util.FormValidation;
import io.jenkins.plugins.dataworks.emulator.junit.DataWorksEmulatorExtension;
import io.jenkins.plugins.dataworks.emulator.oss.PackageSource;
import io.jenkins.plugins.dataworks.emulator.proxy.ForwardingProxy;
import io.jenkins.plugins.dataworks.engine.text.Setting;
import java.util.Arrays;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.jvnet.hudson.test.JenkinsRule;

/**
 * The engine messages that name a setting and were checked only by rendering tables (issue 9),
 * provoked for real through the Pipeline step and the freestyle builder: each line is there, a hint
 * about a setting the plugin does not offer is left out, and no engine name shows. What still
 * renders wrongly is asserted in {@link PluginVocabularyGapsTest} (which fails until the plugin
 * changes it describes land); the helpers here are shared with it.
 *
 * <p>Where each message that names a setting reaches the plugin:
 *
 * <pre>
 * message (engine site)                                 | setting(s)               | Pipeline and freestyle
 * ------------------------------------------------------+--------------------------+------------------------------------
 * too-large package (Transfer.requireWithinCap)         | MAX_BYTES (not offered)  | PluginVocabularyGapsTest (the
 *                                                       |                          | hint leaks in engine words today)
 * broken transfer (Transfer.brokenTransfer)             | MAX_RESUMES, READ_TIMEOUT (not offered) | PluginVocabularyGapsTest
 * host not allowed (UrlPolicy.check)                    | ALLOWED_HOSTS (global configuration) | PluginVocabularyGapsTest
 * proxy answers 407 (ErrorClassifier.classify)          | NON_PROXY_HOSTS (Jenkins' "No Proxy Host") | this class; the
 *                                                       |                          | pointer: PluginVocabularyGapsTest
 * form validation (MigrationForms.check*)               | PROJECT_ID, POLL_INTERVAL... | Pipeline here; freestyle labels:
 *                                                       |                          | PluginVocabularyGapsTest
 * expired URLs (Transfer.refreshUrl)                    | MAX_URL_REFRESHES (not offered) | not provoked here: same
 *                                                       |                          | drop-the-hint path as MAX_BYTES; CLI MessageVocabularyTest
 * PARTIAL_SUCCESS, unknown status, not found, DOWNLOAD  | PARTIAL_SUCCESS, ...     | MessageVocabularyTest
 * interval pair, artifact name, unknown region          | POLL_INTERVAL, FILE_NAME, REGION, ENDPOINT | MessageVocabularyTest
 * write failure (Transfer.write)                        | DOWNLOAD_DIR (not offered: the workspace) | not provoked: it needs
 *     a file size limit on the JVM that writes (the CLI test runs a child JVM under ulimit -f); here that is the
 *     Jenkins under test or an agent JenkinsRule launches, whose own jar cache the limit would break too.
 *     The hint drops as MAX_BYTES's does.
 * RAM role cannot be assumed (ErrorClassifier)          | ROLE_ARN                 | cannot reach: the plugin takes
 *     AccessKey or STS session credentials only, it never calls AssumeRole
 * API call budget spent (wait.Messages)                 | MAX_API_CALLS            | cannot reach: the plugin sets no
 *     budget (maxApiCalls 0)
 * name taken, export/import specs, upload limits        | NAME, EXPORT_MODE, *_MAP, MAX_UPLOAD_BYTES... | cannot reach:
 *     the plugin does not create migrations or upload packages (promotion steps are on their way, on wt-plug)
 * keepWaitingOnUnknownStatus hint (wait.Messages)       | not offered              | MessageVocabularyTest (dropped)
 * </pre>
 */
class ProvokedPluginMessagesTest {

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

    // ---- helpers (the shared ones are being changed elsewhere: these are private copies) -----

    static WorkflowRun pipeline(JenkinsRule r, DataWorksTestEnvironment env, String options) throws Exception {
        WorkflowJob p = r.createProject(WorkflowJob.class);
        p.setDefinition(new CpsFlowDefinition("waitForDataWorksMigration " + options, true));
        WorkflowRun b = env.drive(p.scheduleBuild2(0).waitForStart());
        r.waitUntilNoActivity();
        return r.assertBuildStatus(Result.FAILURE, b);
    }

    static FreeStyleBuild freestyle(
            JenkinsRule r, DataWorksTestEnvironment env, long migrationId, Consumer<DataWorksMigrationBuilder> options)
            throws Exception {
        DataWorksMigrationBuilder builder =
                new DataWorksMigrationBuilder(PROJECT, migrationId, DataWorksTestEnvironment.CREDENTIALS_ID);
        builder.setEndpoint(env.emulator.endpoint().toString());
        options.accept(builder);
        FreeStyleProject p = r.createFreeStyleProject();
        p.getBuildersList().add(builder);
        var build = p.scheduleBuild2(0);
        env.drive(build.waitForStart());
        r.waitUntilNoActivity();
        return r.assertBuildStatus(Result.FAILURE, build.get());
    }

    /** Engine names (camelCase, or the download URL's field) that this front end does not use itself. */
    static void assertNoEngineOnlyName(Run<?, ?> b, FrontEndNames names) throws Exception {
        assertNoEngineOnlyName(JenkinsRule.getLog(b), names);
    }

    static void assertNoEngineOnlyName(String text, FrontEndNames names) {
        for (Setting s : Setting.values()) {
            String engine = s.engineName();
            if (!engine.equals(engine.toLowerCase(Locale.ROOT)) && !engine.equals(names.name(s))) {
                assertTrue(
                        !Pattern.compile("(?<![\\w-])" + Pattern.quote(engine) + "(?!\\w)")
                                .matcher(text)
                                .find(),
                        "names " + engine + ":\n" + text);
            }
        }
        assertTrue(!text.contains("downloadUrl"), text);
    }

    /** FormValidation's message is HTML-escaped. */
    static String text(FormValidation v) {
        return v.getMessage()
                .replace("&#039;", "'")
                .replace("&#39;", "'")
                .replace("&quot;", "\"")
                .replace("&lt;", "<")
                .replace("&gt;", ">")
                .replace("&amp;", "&");
    }

    // ---- proxy demanding authentication (Jenkins' HTTP proxy configuration) ------------------

    private static final String PROXY_407 =
            "the HTTP proxy demands authentication, which is not supported; use a proxy that does not";

    @Test
    void pipelineProxyDemandingAuthenticationSaysSo() throws Exception {
        try (ForwardingProxy proxy = ForwardingProxy.start().answerConnectWith("407 Proxy Authentication Required")) {
            r.jenkins.setProxy(new ProxyConfiguration("127.0.0.1", proxy.port()));
            WorkflowRun b = pipeline(
                    r,
                    env,
                    "projectId: " + PROJECT + ", migrationId: " + EXPORT_OK + ", credentialsId: '"
                            + DataWorksTestEnvironment.CREDENTIALS_ID + "'");
            r.assertLogContains("HTTP 407", b);
            r.assertLogContains(PROXY_407, b);
            assertNoEngineOnlyName(b, FrontEndNames.PIPELINE);
            assertTrue(proxy.count("CONNECT") > 0);
        }
    }

    @Test
    void freestyleProxyDemandingAuthenticationSaysSo() throws Exception {
        try (ForwardingProxy proxy = ForwardingProxy.start().answerConnectWith("407 Proxy Authentication Required")) {
            r.jenkins.setProxy(new ProxyConfiguration("127.0.0.1", proxy.port()));
            FreeStyleBuild b = freestyle(r, env, EXPORT_OK, o -> o.setEndpoint(null));
            r.assertLogContains("HTTP 407", b);
            r.assertLogContains(PROXY_407, b);
            assertNoEngineOnlyName(b, FrontEndNames.FREESTYLE);
            assertTrue(proxy.count("CONNECT") > 0);
        }
    }

    // ---- form validation of the Pipeline step (the freestyle form: PluginVocabularyGapsTest) --

    @Test
    void pipelineFormValidationNamesTheParameters() throws Exception {
        WorkflowJob job = r.createProject(WorkflowJob.class);
        WaitForDataWorksMigrationStep.DescriptorImpl d =
                r.jenkins.getDescriptorByType(WaitForDataWorksMigrationStep.DescriptorImpl.class);

        String id = text(d.doCheckProjectId(job, "abc"));
        assertTrue(id.startsWith("projectId must be a number"), id);
        String interval = text(d.doCheckPollInterval(job, "soon"));
        assertTrue(interval.startsWith("pollInterval 'soon' is not a duration"), interval);
        assertNoEngineOnlyName(id + "\n" + interval, FrontEndNames.PIPELINE);
    }

    /** A package that announces its size and streams zeros: for a size cap, nothing is read or hashed. */
    record AnnouncedOnly(long size) implements PackageSource {
        @Override
        public void read(long offset, byte[] buffer, int bufferOffset, int length) {
            Arrays.fill(buffer, bufferOffset, bufferOffset + length, (byte) 0);
        }

        @Override
        public long crc64() {
            return 0;
        }

        @Override
        public String describe() {
            return size + " announced bytes";
        }
    }
}
