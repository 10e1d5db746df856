package io.jenkins.plugins.dataworks;

import static io.jenkins.plugins.dataworks.TestScenarios.PROJECT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.cloudbees.plugins.credentials.CredentialsScope;
import com.cloudbees.plugins.credentials.SystemCredentialsProvider;
import com.cloudbees.plugins.credentials.impl.UsernamePasswordCredentialsImpl;
import hudson.PluginWrapper;
import hudson.model.Result;
import hudson.security.ACL;
import hudson.security.ACLContext;
import hudson.util.FormValidation;
import io.jenkins.plugins.dataworks.credentials.CredentialsResolver;
import io.jenkins.plugins.dataworks.emulator.junit.DataWorksEmulatorExtension;
import io.jenkins.plugins.dataworks.emulator.scenario.MigrationSpec;
import io.jenkins.plugins.dataworks.emulator.scenario.Timeline;
import io.jenkins.plugins.dataworks.emulator.state.CallRecord;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.stream.Collectors;
import jenkins.model.Jenkins;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.RealJenkinsExtension;

/**
 * The plugin in a real Jenkins (jenkins.war in its own JVM) without the optional
 * alibabacloud-credentials plugin, which the JenkinsRule tests always have on their class path:
 * it loads, lists and accepts "Username with password" only, and a real wait signs with it.
 *
 * <p>The emulator runs in this (the test) JVM; the Jenkins JVM reaches it over loopback HTTP with
 * the endpoint passed in as a String. The Jenkins JVM runs the plugin's real runtime, so this wait
 * runs on real time: the migration's timeline ends at the second poll and the step polls every
 * second, so the wait itself takes about a second.
 */
class WithoutAlibabaCloudCredentialsTest {

    /** EXPORTING at the first poll, EXPORT_SUCCESS (with a package) from the second on. */
    static final long QUICK_EXPORT = 40001;

    static final String UP_CREDENTIALS = "dataworks-username-password";
    static final String OTHER_UP_CREDENTIALS = "dataworks-username-password-2";

    @RegisterExtension
    final RealJenkinsExtension rr = new RealJenkinsExtension().omitPlugins("alibabacloud-credentials");

    @RegisterExtension
    final DataWorksEmulatorExtension dataworks = DataWorksEmulatorExtension.withScenario(TestScenarios.scenario())
            .configure(b -> b.migration(
                    MigrationSpec.export(QUICK_EXPORT, PROJECT, "quick_export").timeline(Timeline.export(0, 1))));

    @Test
    void usernamePasswordIsListedNamedAndSignsARealWaitWithoutTheOptionalPlugin() throws Throwable {
        String endpoint = dataworks.endpoint().toString();
        rr.then((RealJenkinsExtension.Step)
                r -> insideJenkins(r, endpoint)); // starts Jenkins, runs the lambda in its JVM, stops it

        // The Jenkins JVM really called this emulator, signed with the username/password's AccessKey.
        List<CallRecord> polls = dataworks.emulator().calls().stream()
                .filter(c -> "GetMigrationSummary".equals(c.action()))
                .collect(Collectors.toList());
        assertEquals(2, polls.size(), "the two polls of the wait: " + polls);
        for (CallRecord c : polls) {
            assertEquals(Long.valueOf(QUICK_EXPORT), c.migrationId());
            assertEquals(DataWorksTestEnvironment.ACCESS_KEY_ID, c.accessKeyId());
            assertEquals(200, c.httpStatus(), c.toString());
        }
        assertEquals(1, dataworks.emulator().downloadCount(), "the package was downloaded");
    }

    /** Runs in the Jenkins JVM. */
    private static void insideJenkins(JenkinsRule r, String endpoint) throws Throwable {
        // 1. The plugin is loaded and active, the optional one absent, and nothing failed to link.
        PluginWrapper ours = r.jenkins.getPluginManager().getPlugin("dataworks-migration");
        assertNotNull(ours, "our plugin is installed");
        assertTrue(ours.isActive(), "our plugin is active");
        assertNull(r.jenkins.getPluginManager().getPlugin("alibabacloud-credentials"), "the optional plugin is absent");
        assertEquals(List.of(), r.jenkins.getPluginManager().getFailedPlugins(), "no plugin failed");
        assertThrows(
                ClassNotFoundException.class,
                () -> ours.classLoader.loadClass("com.alibabacloud.credentials.plugin.auth.AlibabaCredentials"),
                "our plugin really runs without the optional plugin's classes");
        assertSame(
                WaitForDataWorksMigrationStep.class,
                ours.classLoader.loadClass(WaitForDataWorksMigrationStep.class.getName()),
                "this code uses the plugin's own classes");
        assertFalse(CredentialsResolver.alibabaCloudPluginActive());

        WaitForDataWorksMigrationStep.DescriptorImpl step =
                r.jenkins.getDescriptorByType(WaitForDataWorksMigrationStep.DescriptorImpl.class);
        DataWorksMigrationBuilder.DescriptorImpl builder =
                r.jenkins.getDescriptorByType(DataWorksMigrationBuilder.DescriptorImpl.class);
        assertNotNull(step, "the step's descriptor is registered");
        assertNotNull(builder, "the builder's descriptor is registered");
        assertNotNull(r.jenkins.getDescriptorByType(DataWorksGlobalConfiguration.class), "the global configuration");

        // 2. Configuration, as an administrator would set it.
        DataWorksGlobalConfiguration config = DataWorksGlobalConfiguration.get();
        config.setDefaultRegion("cn-shanghai");
        config.setAllowedEndpoints(endpoint);
        config.setAllowedDownloadHosts(URI.create(endpoint).getHost());
        SystemCredentialsProvider store = SystemCredentialsProvider.getInstance();
        store.getCredentials()
                .add(new UsernamePasswordCredentialsImpl(
                        CredentialsScope.GLOBAL,
                        UP_CREDENTIALS,
                        "DataWorks",
                        DataWorksTestEnvironment.ACCESS_KEY_ID,
                        DataWorksTestEnvironment.ACCESS_KEY_SECRET));
        store.getCredentials()
                .add(new UsernamePasswordCredentialsImpl(
                        CredentialsScope.GLOBAL, OTHER_UP_CREDENTIALS, "other", "other-key", "other-secret"));
        store.save();

        WorkflowJob p = r.createProject(WorkflowJob.class, "gate");
        // 3. The drop-down lists the username/password credentials, for the step and the builder.
        try (ACLContext ignored = ACL.as2(ACL.SYSTEM2)) {
            // sorted by the credentials' names: "other-key/******" before "test-access-key/******"
            List<String> expected = List.of("", OTHER_UP_CREDENTIALS, UP_CREDENTIALS);
            assertEquals(expected, values(step.doFillCredentialsIdItems(p, null)));
            assertEquals(expected, values(builder.doFillCredentialsIdItems(p, null)));
            assertEquals(expected, values(step.doFillCredentialsIdItems(null, null)));

            // 4. "Not found" names only the username/password type (and how to get the others).
            FormValidation missing = step.doCheckCredentialsId(p, "nope");
            assertEquals(FormValidation.Kind.ERROR, missing.kind);
            assertOnlyUsernamePasswordNamed(missing.getMessage());
            assertEquals(FormValidation.Kind.OK, step.doCheckCredentialsId(p, UP_CREDENTIALS).kind);
        }
        p.setDefinition(new CpsFlowDefinition(
                "waitForDataWorksMigration projectId: " + PROJECT + ", migrationId: 20001, credentialsId: 'nope', "
                        + "endpoint: '" + endpoint + "'",
                true));
        WorkflowRun notFound = r.buildAndAssertStatus(Result.FAILURE, p);
        r.assertLogContains("'nope' was not found", notFound);
        String failure = JenkinsRule.getLog(notFound)
                .lines()
                .filter(l -> l.contains("'nope' was not found"))
                .findFirst()
                .orElseThrow();
        assertOnlyUsernamePasswordNamed(failure);

        // 5. A real wait signed with the username/password credentials, on real time (see the class comment).
        p.setDefinition(new CpsFlowDefinition("""
                def r = waitForDataWorksMigration projectId: %d, migrationId: %d, credentialsId: '%s', endpoint: '%s', pollInterval: '1s'
                echo "result=${r.result} status=${r.status} size=${r.packageSize} file=${r.packageFile}"
                """.formatted(PROJECT, QUICK_EXPORT, UP_CREDENTIALS, endpoint), true));
        WorkflowRun ok = r.buildAndAssertSuccess(p);
        r.assertLogContains(
                "result=SUCCESS status=EXPORT_SUCCESS size=262144 file=dataworks-export-10001-40001.zip", ok);
        assertTrue(ok.getArtifactManager()
                .root()
                .child("dataworks-export-10001-40001.zip")
                .isFile());
        r.assertLogNotContains(DataWorksTestEnvironment.ACCESS_KEY_SECRET, ok);

        // 6. Nothing went wrong in the log of this Jenkins: no linkage error anywhere, no warning from our code.
        assertTrue(
                Jenkins.logRecords.stream().anyMatch(lr -> "Started initialization".equals(lr.getMessage())),
                "the recorded log goes back to before the plugins were loaded");
        List<String> problems = new ArrayList<>();
        for (LogRecord lr : Jenkins.logRecords) {
            String thrown = stackTrace(lr.getThrown());
            if (thrown.contains("LinkageError")
                    || thrown.contains("NoClassDefFoundError")
                    || thrown.contains("ClassNotFoundException")
                    || thrown.contains("com.alibabacloud")) {
                problems.add(lr.getLoggerName() + ": " + lr.getMessage() + "\n" + thrown);
            } else if (lr.getLevel().intValue() >= Level.WARNING.intValue()
                    && (String.valueOf(lr.getLoggerName()).startsWith("io.jenkins.plugins.dataworks")
                            || thrown.contains("io.jenkins.plugins.dataworks"))) {
                problems.add(lr.getLoggerName() + ": " + lr.getMessage() + "\n" + thrown);
            }
        }
        assertEquals(List.of(), problems);
    }

    private static void assertOnlyUsernamePasswordNamed(String message) {
        assertTrue(message.contains("Username with password"), message);
        assertFalse(message.contains("Alibaba Cloud AccessKey"), message);
        assertFalse(message.contains("Alibaba Cloud STS"), message);
    }

    private static List<String> values(hudson.util.ListBoxModel m) {
        return m.stream().map(o -> o.value).collect(Collectors.toList());
    }

    private static String stackTrace(Throwable t) {
        if (t == null) {
            return "";
        }
        StringWriter w = new StringWriter();
        t.printStackTrace(new PrintWriter(w));
        return w.toString();
    }
}
