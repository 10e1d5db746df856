package io.jenkins.plugins.dataworks;

import static io.jenkins.plugins.dataworks.TestScenarios.EXPORT_OK;
import static io.jenkins.plugins.dataworks.TestScenarios.PROJECT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import hudson.model.Descriptor;
import hudson.model.Item;
import io.jenkins.plugins.dataworks.emulator.junit.DataWorksEmulatorExtension;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import jenkins.model.Jenkins;
import org.htmlunit.HttpMethod;
import org.htmlunit.WebRequest;
import org.htmlunit.WebResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.MockAuthorizationStrategy;
import org.kohsuke.stapler.verb.POST;

/**
 * The validation and Test connection web methods of the step's and the builder's descriptors, over
 * real HTTP as the browser calls them: under the job, POST only, and revealing something only to
 * users who may configure the job.
 */
class FormHttpTest {

    @RegisterExtension
    static final SharedJenkins JENKINS = new SharedJenkins();

    static final String JOB = "gate";
    static final String UNKNOWN_CREDENTIALS = "no-such-credentials-4711";

    @RegisterExtension
    final DataWorksEmulatorExtension dataworks = DataWorksEmulatorExtension.withScenario(TestScenarios.scenario());

    private JenkinsRule r;

    @BeforeEach
    void setUp(JenkinsRule rule) throws Exception {
        r = rule;
        DataWorksTestEnvironment.install(r, dataworks.emulator(), dataworks.clock());
        r.jenkins.setSecurityRealm(r.createDummySecurityRealm());
        r.createFreeStyleProject(JOB);
        r.jenkins.setAuthorizationStrategy(new MockAuthorizationStrategy()
                .grant(Jenkins.ADMINISTER)
                .everywhere()
                .to("admin")
                .grant(Jenkins.READ, Item.READ, Item.CONFIGURE)
                .everywhere()
                .to("configurer")
                .grant(Jenkins.READ, Item.READ)
                .everywhere()
                .to("reader"));
    }

    /** The two descriptors, by the id Stapler's descriptorByName/ resolves. */
    private List<Descriptor<?>> descriptors() {
        Descriptor<?> step = r.jenkins.getDescriptorByType(WaitForDataWorksMigrationStep.DescriptorImpl.class);
        Descriptor<?> builder = r.jenkins.getDescriptorByType(DataWorksMigrationBuilder.DescriptorImpl.class);
        assertEquals(WaitForDataWorksMigrationStep.class.getName(), step.getId());
        assertEquals(DataWorksMigrationBuilder.class.getName(), builder.getId());
        assertEquals(step, r.jenkins.getDescriptor(WaitForDataWorksMigrationStep.class));
        return List.of(step, builder);
    }

    /**
     * Every doCheck* and doTestConnection of a descriptor, as the URL name Stapler gives it
     * (doCheckCredentialsId: checkCredentialsId), each with a request a configurer gets an error for
     * (Test connection: one that reaches the emulator). A new web method without an entry here fails
     * the tests until it gets one.
     */
    private Map<String, String> webMethods(Descriptor<?> d) {
        Map<String, String> invalid = new LinkedHashMap<>();
        invalid.put("checkCredentialsId", "value=" + UNKNOWN_CREDENTIALS);
        invalid.put("checkProjectId", "value=not-a-number");
        invalid.put("checkMigrationId", "value=-5");
        invalid.put("checkRegion", "value=cn-shanghai&endpoint=" + encode("https://attacker.example"));
        invalid.put("checkEndpoint", "value=" + encode("https://attacker.example") + "&region=cn-shanghai");
        invalid.put("checkTimeout", "value=soon");
        invalid.put("checkPollInterval", "value=often");
        invalid.put("checkMaxPollInterval", "value=-1m");
        invalid.put("checkArtifactName", "value=" + encode("../outside.zip"));
        invalid.put(
                "testConnection",
                "projectId=" + PROJECT + "&migrationId=" + EXPORT_OK + "&credentialsId="
                        + DataWorksTestEnvironment.CREDENTIALS_ID + "&region=cn-shanghai&endpoint="
                        + encode(dataworks.endpoint().toString()));
        Set<String> declared = new TreeSet<>();
        for (Method m : d.getClass().getMethods()) {
            if (m.getName().startsWith("doCheck") || m.getName().equals("doTestConnection")) {
                declared.add(Character.toLowerCase(m.getName().charAt(2))
                        + m.getName().substring(3));
                assertTrue(m.isAnnotationPresent(POST.class), m + " is @POST");
            }
        }
        assertEquals(new TreeSet<>(invalid.keySet()), declared, "web methods of " + d.getId());
        return invalid;
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private String path(Descriptor<?> d, String method) {
        return "job/" + JOB + "/descriptorByName/" + d.getId() + "/" + method;
    }

    private WebResponse call(JenkinsRule.WebClient wc, HttpMethod verb, String path, String query) throws Exception {
        WebRequest request = new WebRequest(new URL(r.getURL(), path + "?" + query), verb);
        if (verb == HttpMethod.POST) {
            wc.addCrumb(request);
        }
        return wc.getPage(request).getWebResponse();
    }

    private JenkinsRule.WebClient as(String user) throws Exception {
        JenkinsRule.WebClient wc = r.createWebClient().login(user);
        wc.setThrowExceptionOnFailingStatusCode(false);
        wc.getOptions().setPrintContentOnFailingStatusCode(false);
        return wc;
    }

    /**
     * GET never runs a web method. The real Jenkins answers 404, not 405: for a GET, Stapler's
     * HttpVerbInterceptor (behind {@code @POST}) cancels the dispatch to the method, and no other
     * dispatcher consumes the URL. Test connection would call the emulator: it is not called.
     */
    @Test
    void getIsRefusedEvenForAnAdministrator() throws Exception {
        try (JenkinsRule.WebClient wc = as("admin")) {
            List<String> answers = new ArrayList<>();
            for (Descriptor<?> d : descriptors()) {
                for (Map.Entry<String, String> m : webMethods(d).entrySet()) {
                    WebResponse get = call(wc, HttpMethod.GET, path(d, m.getKey()), m.getValue());
                    answers.add(d.getId() + "/" + m.getKey() + " " + get.getStatusCode());
                    assertTrue(get.getContentAsString().contains("couldn't find the resource"), "not dispatched");
                }
            }
            assertEquals(
                    answers.stream().map(a -> a.replaceAll(" \\d+$", " 404")).collect(Collectors.toList()),
                    answers,
                    "GET answers");
            assertEquals(0, dataworks.emulator().callCount("GetMigrationSummary"), "no GET ran Test connection");
            // The same requests as POSTs do reach the methods (the next tests say what they answer).
            for (Descriptor<?> d : descriptors()) {
                for (Map.Entry<String, String> m : webMethods(d).entrySet()) {
                    assertEquals(
                            200,
                            call(wc, HttpMethod.POST, path(d, m.getKey()), m.getValue())
                                    .getStatusCode());
                }
            }
            assertEquals(
                    2, dataworks.emulator().callCount("GetMigrationSummary"), "each POSTed Test connection called");
        }
    }

    @Test
    void withoutConfigureChecksRevealNothingAndTestConnectionIsForbidden() throws Exception {
        try (JenkinsRule.WebClient wc = as("reader")) {
            for (Descriptor<?> d : descriptors()) {
                for (Map.Entry<String, String> m : webMethods(d).entrySet()) {
                    WebResponse post = call(wc, HttpMethod.POST, path(d, m.getKey()), m.getValue());
                    String answer = post.getContentAsString();
                    if (m.getKey().equals("testConnection")) {
                        assertEquals(403, post.getStatusCode(), d.getId() + "/testConnection");
                        assertTrue(answer.contains("Job/Configure") || answer.contains("Item/Configure"), answer);
                    } else {
                        assertEquals(200, post.getStatusCode(), d.getId() + "/" + m.getKey());
                        assertEquals("<div/>", answer.trim(), d.getId() + "/" + m.getKey() + " reveals nothing");
                    }
                    assertFalse(answer.contains(UNKNOWN_CREDENTIALS), answer);
                }
            }
        }
        assertEquals(
                0, dataworks.emulator().callCount("GetMigrationSummary"), "no call for a user who may not configure");
    }

    @Test
    void withConfigureEveryMethodValidatesAndTestConnectionReachesTheEmulator() throws Exception {
        try (JenkinsRule.WebClient wc = as("configurer")) {
            int connections = 0;
            for (Descriptor<?> d : descriptors()) {
                for (Map.Entry<String, String> m : webMethods(d).entrySet()) {
                    WebResponse post = call(wc, HttpMethod.POST, path(d, m.getKey()), m.getValue());
                    String where = d.getId() + "/" + m.getKey();
                    assertEquals(200, post.getStatusCode(), where);
                    String answer = post.getContentAsString();
                    if (m.getKey().equals("testConnection")) {
                        connections++;
                        assertTrue(answer.startsWith("<div class=\"ok\">"), where + ": " + answer);
                        assertTrue(answer.contains("nightly_export"), where + ": " + answer);
                        // a fresh call each time: the emulator's timeline moves on with every poll
                        String status = connections == 1 ? "INIT" : "EXPORTING";
                        assertTrue(answer.contains("has status " + status + " "), where + ": " + answer);
                        assertEquals(
                                connections,
                                dataworks.emulator().callCount("GetMigrationSummary", EXPORT_OK),
                                where + " made one call");
                    } else {
                        assertTrue(answer.startsWith("<div class=\"error\">"), where + ": " + answer);
                    }
                }
                String missing = call(
                                wc, HttpMethod.POST, path(d, "checkCredentialsId"), "value=" + UNKNOWN_CREDENTIALS)
                        .getContentAsString();
                assertTrue(missing.contains(UNKNOWN_CREDENTIALS), "the unknown id is named: " + missing);
                assertTrue(missing.contains("Username with password"), "the accepted types are named: " + missing);
                // the same checks with good values answer OK: the errors came from the values
                for (String good : List.of(
                        "checkCredentialsId?value=" + DataWorksTestEnvironment.CREDENTIALS_ID,
                        "checkProjectId?value=10001",
                        "checkEndpoint?value=" + encode(dataworks.endpoint().toString()) + "&region=cn-shanghai",
                        "checkTimeout?value=2h",
                        "checkArtifactName?value=release.zip")) {
                    String[] parts = good.split("\\?", 2);
                    assertEquals(
                            "<div/>",
                            call(wc, HttpMethod.POST, path(d, parts[0]), parts[1])
                                    .getContentAsString()
                                    .trim(),
                            good);
                }
            }
            assertEquals(2, connections);
        }
    }
}
