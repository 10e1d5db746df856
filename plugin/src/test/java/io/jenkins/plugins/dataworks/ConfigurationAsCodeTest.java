package io.jenkins.plugins.dataworks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.alibabacloud.credentials.plugin.auth.AlibabaCredentials;
import com.cloudbees.plugins.credentials.CredentialsProvider;
import hudson.model.Result;
import hudson.security.ACL;
import io.jenkins.plugins.casc.ConfigurationAsCode;
import io.jenkins.plugins.casc.misc.junit.jupiter.AbstractRoundTripTest;
import io.jenkins.plugins.dataworks.emulator.DataWorksEmulator;
import io.jenkins.plugins.dataworks.emulator.junit.DataWorksEmulatorExtension;
import io.jenkins.plugins.dataworks.emulator.state.CallRecord;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import jenkins.model.Jenkins;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.jvnet.hudson.test.JenkinsRule;
import org.yaml.snakeyaml.Yaml;

/**
 * Configuration as code with the YAML the docs show, read from the Markdown: the global
 * configuration of docs/options.md round-trips (applied, checked, applied again through the web
 * page, and loaded from $JENKINS_HOME/jenkins.yaml across a restart: the harness's round trip,
 * which this class inherits), exports back to the same values, and the credentials of
 * docs/credentials.md are declared by JCasC and used by a step.
 */
class ConfigurationAsCodeTest extends AbstractRoundTripTest {

    @RegisterExtension
    final DataWorksEmulatorExtension dataworks = DataWorksEmulatorExtension.withScenario(TestScenarios.docs());

    private static final String GLOBAL = "jcasc-global-configuration";
    private static final String CREDENTIALS = "jcasc-credentials";
    /** Where the harness looks for {@link #configResource()}: beside this class on the test class path. */
    private static final String RESOURCE = "docs-options-md.yaml";

    @Test
    void everyYamlBlockOfTheDocsIsOneTheseTestsApply() {
        assertEquals(
                Set.of(GLOBAL, CREDENTIALS),
                DocExamples.all("yaml").stream()
                        .map(e -> e.name() == null ? e.where() : e.name())
                        .collect(Collectors.toSet()),
                "a ```yaml block of the docs that no test applies: name it and apply it here");
    }

    /** The harness reads its input from the class path: put the block of docs/options.md there. */
    @Override
    protected String configResource() {
        try {
            Path dir = Path.of(ConfigurationAsCodeTest.class.getResource("").toURI());
            Files.writeString(dir.resolve(RESOURCE), DocExamples.named(GLOBAL).code(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        return RESOURCE;
    }

    @Override
    protected String stringInLogExpected() {
        return "defaultRegion = " + documented().get("defaultRegion");
    }

    @Override
    protected void assertConfiguredAsExpected(JenkinsRule r, String yaml) {
        Map<String, Object> expected = section(yaml);
        assertEquals(documented(), expected, "the round trip's input is the block of docs/options.md");
        assertSameValues(expected, DataWorksGlobalConfiguration.get());
    }

    @Test
    void theExportedConfigurationHoldsTheDocumentedValues(JenkinsRule r) throws Exception {
        ConfigurationAsCode.get().configure(file(DocExamples.named(GLOBAL).code()));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ConfigurationAsCode.get().export(out);
        Map<String, Object> exported = section(out.toString(StandardCharsets.UTF_8));
        Map<String, Object> documented = documented();
        assertEquals(documented.keySet(), exported.keySet(), "exported settings");
        for (String key : documented.keySet()) {
            assertEquals(normal(documented.get(key)), normal(exported.get(key)), key);
        }
        assertEquals(
                documented.get("rateLimit"),
                exported.get("rateLimit"),
                "a whole rate exports as the YAML integer the docs show, not as the string \"2.0\"");
    }

    /**
     * A fractional rate is quoted in YAML, as docs/options.md says: configuration-as-code drops an
     * unquoted decimal number before any setter sees it (jenkinsci/configuration-as-code-plugin#1560),
     * and exports doubles quoted so that they read back. When JCasC reads plain decimals one day, the
     * last assertion fails and the docs' advice can go.
     */
    @Test
    void aFractionalRateIsQuotedInYamlAndExportedSo(JenkinsRule r) throws Exception {
        ConfigurationAsCode.get().configure(file("unclassified:\n  dataWorksMigration:\n    rateLimit: \"2.5\"\n"));
        assertEquals(2.5, DataWorksGlobalConfiguration.get().rateLimitPerSecond());

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ConfigurationAsCode.get().export(out);
        assertEquals("2.5", section(out.toString(StandardCharsets.UTF_8)).get("rateLimit"));

        ConfigurationAsCode.get().configure(file("unclassified:\n  dataWorksMigration:\n    rateLimit: 3.5\n"));
        assertEquals(
                2.5,
                DataWorksGlobalConfiguration.get().rateLimitPerSecond(),
                "JCasC now reads an unquoted decimal: drop the quoting advice from docs/options.md");
    }

    @Test
    void bothCredentialKindsDeclaredInJcascAndTheUsernamePasswordSignsAWait(JenkinsRule r) throws Exception {
        DataWorksEmulator emulator = dataworks.emulator();
        {
            DataWorksTestEnvironment env = DataWorksTestEnvironment.install(r, emulator, dataworks.clock());
            System.setProperty("DATAWORKS_ACCESS_KEY_ID", DataWorksTestEnvironment.ACCESS_KEY_ID);
            System.setProperty("DATAWORKS_ACCESS_KEY_SECRET", DataWorksTestEnvironment.ACCESS_KEY_SECRET);
            try {
                ConfigurationAsCode.get()
                        .configure(file(DocExamples.named(CREDENTIALS).code()));
            } finally {
                System.clearProperty("DATAWORKS_ACCESS_KEY_ID");
                System.clearProperty("DATAWORKS_ACCESS_KEY_SECRET");
            }
            DataWorksGlobalConfiguration.get()
                    .setDefaultEndpoint(emulator.endpoint().toString());

            // Both kinds are there, with the AccessKey from the environment...
            List<AlibabaCredentials> alibaba = CredentialsProvider.lookupCredentialsInItemGroup(
                    AlibabaCredentials.class, Jenkins.get(), ACL.SYSTEM2, Collections.emptyList());
            assertEquals(1, alibaba.size(), "the AlibabaCredentials JCasC declared");
            assertEquals("dataworks-alibaba", alibaba.get(0).getId());
            assertEquals(DataWorksTestEnvironment.ACCESS_KEY_ID, alibaba.get(0).getAccessKey());

            // ...the Username with password signs a job's wait...
            WorkflowRun ok = env.drive(job(r, "with-username-password", "dataworks-prod")
                    .scheduleBuild2(0)
                    .waitForStart());
            r.assertBuildStatusSuccess(r.waitForCompletion(ok));
            r.assertLogContains("result=SUCCESS", ok);
            List<CallRecord> calls = emulator.calls();
            assertTrue(calls.size() > 0);
            for (CallRecord c : calls) {
                assertEquals(DataWorksTestEnvironment.ACCESS_KEY_ID, c.accessKeyId(), c.toString());
                assertEquals(200, c.httpStatus(), c.toString());
            }

            // ...and the Alibaba Cloud type, in the global store, is hidden from jobs, as documented.
            WorkflowRun hidden = r.waitForCompletion(job(r, "with-alibaba", "dataworks-alibaba")
                    .scheduleBuild2(0)
                    .waitForStart());
            r.assertBuildStatus(Result.FAILURE, hidden);
            r.assertLogContains("'dataworks-alibaba' was not found", hidden);
            r.assertLogNotContains(DataWorksTestEnvironment.ACCESS_KEY_SECRET, ok);
        }
    }

    private static WorkflowJob job(JenkinsRule r, String name, String credentialsId) throws Exception {
        WorkflowJob job = r.createProject(WorkflowJob.class, name);
        job.setDefinition(new CpsFlowDefinition("""
                def r = waitForDataWorksMigration projectId: 12345, migrationId: 1234,
                        credentialsId: '%s', region: 'cn-shanghai', download: 'NEVER'
                echo "result=${r.result}"
                """.formatted(credentialsId), true));
        return job;
    }

    private static String file(String yaml) throws IOException {
        Path f = Files.createTempFile("jcasc", ".yaml");
        f.toFile().deleteOnExit();
        Files.writeString(f, yaml, StandardCharsets.UTF_8);
        return f.toUri().toString();
    }

    private static Map<String, Object> documented() {
        return section(DocExamples.named(GLOBAL).code());
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> section(String yaml) {
        Map<String, Object> root = new Yaml().load(yaml);
        Map<String, Object> unclassified = (Map<String, Object>) root.get("unclassified");
        assertNotNull(unclassified, "unclassified: in\n" + yaml);
        Map<String, Object> section = (Map<String, Object>) unclassified.get("dataWorksMigration");
        assertNotNull(section, "unclassified.dataWorksMigration: in\n" + yaml);
        return section;
    }

    /** Each documented setting, read back through its getter, has the documented value. */
    private static void assertSameValues(Map<String, Object> expected, DataWorksGlobalConfiguration config) {
        for (Map.Entry<String, Object> e : expected.entrySet()) {
            String getter = "get" + Character.toUpperCase(e.getKey().charAt(0))
                    + e.getKey().substring(1);
            try {
                Method m = DataWorksGlobalConfiguration.class.getMethod(getter);
                assertEquals(normal(e.getValue()), normal(m.invoke(config)), e.getKey());
            } catch (ReflectiveOperationException ex) {
                throw new AssertionError("the documented setting " + e.getKey() + " has no getter " + getter, ex);
            }
        }
    }

    /** Numbers compared by value (2 and 2.0), text with its line ends trimmed (YAML's | keeps the last). */
    private static Object normal(Object value) {
        if (value instanceof Number n) {
            return n.doubleValue();
        }
        if (value instanceof String s) {
            try {
                return Double.parseDouble(s);
            } catch (NumberFormatException notANumber) {
                return s.strip();
            }
        }
        return value;
    }
}
