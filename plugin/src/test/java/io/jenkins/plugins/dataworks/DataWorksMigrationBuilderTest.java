package io.jenkins.plugins.dataworks;

import static io.jenkins.plugins.dataworks.TestScenarios.EXPORT_ERROR;
import static io.jenkins.plugins.dataworks.TestScenarios.EXPORT_OK;
import static io.jenkins.plugins.dataworks.TestScenarios.PROJECT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import hudson.model.FreeStyleBuild;
import hudson.model.FreeStyleProject;
import hudson.model.Result;
import hudson.model.queue.QueueTaskFuture;
import hudson.tasks.Shell;
import io.jenkins.plugins.dataworks.emulator.junit.DataWorksEmulatorExtension;
import org.htmlunit.html.DomElement;
import org.htmlunit.html.DomNode;
import org.htmlunit.html.HtmlButton;
import org.htmlunit.html.HtmlElement;
import org.htmlunit.html.HtmlPage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.jvnet.hudson.test.JenkinsRule;

/** The freestyle builder: configuration round trip and a blocking wait on the same engine. */
class DataWorksMigrationBuilderTest {

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

    private DataWorksMigrationBuilder builder(long migrationId) {
        DataWorksMigrationBuilder b =
                new DataWorksMigrationBuilder(PROJECT, migrationId, DataWorksTestEnvironment.CREDENTIALS_ID);
        b.setEndpoint(dataworks.endpoint().toString());
        return b;
    }

    /**
     * Runs the build's polls on virtual time, then waits until the executor is done with the build:
     * it saves the build record after the build completed, and must not be writing when the test's
     * Jenkins stops.
     */
    private QueueTaskFuture<FreeStyleBuild> driven(QueueTaskFuture<FreeStyleBuild> build) throws Exception {
        env.drive(build.waitForStart());
        r.waitUntilNoActivity();
        return build;
    }

    @Test
    void everyOptionSurvivesAConfigurationRoundTrip() throws Exception {
        DataWorksMigrationBuilder before = builder(EXPORT_OK);
        before.setRegion("cn-beijing");
        before.setTimeout("90m");
        before.setPollInterval("20s");
        before.setMaxPollInterval("3m");
        before.setPartialSuccess("UNSTABLE");
        before.setDownload("ALWAYS");
        before.setArtifactName("release.zip");
        before.setFailOnError(false);
        before.setQuiet(true);
        FreeStyleProject p = r.createFreeStyleProject();
        p.getBuildersList().add(before);
        r.configRoundtrip(p);
        DataWorksMigrationBuilder after = p.getBuildersList().get(DataWorksMigrationBuilder.class);
        r.assertEqualDataBoundBeans(before, after);
    }

    @Test
    void defaultsStayUnsetAfterARoundTrip() throws Exception {
        FreeStyleProject p = r.createFreeStyleProject();
        p.getBuildersList().add(builder(EXPORT_OK));
        r.configRoundtrip(p);
        DataWorksMigrationBuilder after = p.getBuildersList().get(DataWorksMigrationBuilder.class);
        assertEquals(null, after.getPartialSuccess(), "FAILURE, the default, is stored as unset");
        assertEquals(null, after.getDownload(), "AUTO, the default, is stored as unset");
        assertTrue(after.isFailOnError());
    }

    /**
     * On a saved job's configure page the builder's form is part of the page, and a browser stops
     * parsing at a script or a stylesheet until it is loaded. The credentials select's script, once
     * loaded, applies the select's behaviours from a timer to every credentials field parsed so far:
     * had one of these stops been inside the credentials field's f:entry, before its validation area,
     * core's form scripts would find none and warn (the browser check, BrowserScreenshotsTest, fails
     * on that). c:select asks for its script and stylesheet there, so the form loads them earlier.
     */
    @Test
    void noScriptOrStylesheetInsideTheSavedBuildersCredentialsField() throws Exception {
        FreeStyleProject p = r.createFreeStyleProject();
        p.getBuildersList().add(builder(EXPORT_OK));
        try (JenkinsRule.WebClient wc = r.createWebClient()) {
            wc.getOptions().setJavaScriptEnabled(false); // the page as the server sent it
            HtmlPage page = wc.getPage(p, "configure");
            DomNode chunk = page.querySelector(
                    ".repeated-chunk[descriptorId='" + DataWorksMigrationBuilder.class.getName() + "']");
            assertNotNull(chunk, "the saved builder is on the page");
            DomNode select = chunk.querySelector("select[name='_.credentialsId']");
            assertNotNull(select, "the builder has its credentials field");
            DomNode field = select.getParentNode();
            while (field instanceof DomElement e && !e.getAttribute("class").contains("jenkins-form-item")) {
                field = field.getParentNode();
            }
            assertTrue(field instanceof DomElement);
            assertNotNull(field, "the credentials field is in an f:entry");
            assertNotNull(field.querySelector(".validation-error-area"), "the entry has its validation area");
            for (DomNode blocking : field.querySelectorAll("script, link[rel='stylesheet']")) {
                fail("the credentials field holds "
                        + ((DomElement) blocking).asXml().strip());
            }
        }
    }

    @Test
    void testConnectionSendsTheEndpointOverrideFromAdvanced() throws Exception {
        FreeStyleProject p = r.createFreeStyleProject();
        p.getBuildersList().add(builder(EXPORT_OK)); // only the endpoint override reaches the emulator
        try (JenkinsRule.WebClient wc = r.createWebClient()) {
            HtmlPage page = wc.getPage(p, "configure");
            HtmlButton button = page.getFirstByXPath("//button[normalize-space(.)='Test connection']");
            assertNotNull(button, "the builder's form has a Test connection button");
            button.click();
            HtmlElement status =
                    (HtmlElement) button.getParentNode().querySelector(".jenkins-validate-button__container__status");
            for (int i = 0; i < 100 && status.asNormalizedText().isBlank(); i++) {
                wc.waitForBackgroundJavaScript(100);
            }
            assertTrue(
                    status.asNormalizedText().startsWith("Connected: migration 'nightly_export'"),
                    status.asNormalizedText());
        }
    }

    @Test
    @DisabledOnOs(OS.WINDOWS)
    void aSuccessfulWaitGivesLaterStepsTheResultInTheEnvironment() throws Exception {
        FreeStyleProject p = r.createFreeStyleProject();
        p.getBuildersList().add(builder(EXPORT_OK));
        p.getBuildersList()
                .add(new Shell("echo \"env: $DATAWORKS_MIGRATION_STATUS $DATAWORKS_MIGRATION_NAME "
                        + "$DATAWORKS_MIGRATION_PACKAGE $DATAWORKS_MIGRATION_SHA256 rid=$DATAWORKS_MIGRATION_REQUEST_ID\"\n"
                        + "test -f \"$DATAWORKS_MIGRATION_PACKAGE\""));
        FreeStyleBuild b = r.assertBuildStatusSuccess(driven(p.scheduleBuild2(0)));
        r.assertLogContains("env: EXPORT_SUCCESS nightly_export dataworks-export-10001-20001.zip ", b);
        r.assertLogNotContains("rid=\n", b);
        assertTrue(b.getArtifactManager()
                .root()
                .child("dataworks-export-10001-20001.zip")
                .isFile());
    }

    @Test
    void anErrorStatusFailsTheFreestyleBuild() throws Exception {
        FreeStyleProject p = r.createFreeStyleProject();
        p.getBuildersList().add(builder(EXPORT_ERROR));
        FreeStyleBuild b =
                r.assertBuildStatus(Result.FAILURE, driven(p.scheduleBuild2(0)).get());
        r.assertLogContains("EXPORT_ERROR", b);
    }
}
