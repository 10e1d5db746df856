package io.jenkins.plugins.dataworks;

import static io.jenkins.plugins.dataworks.TestScenarios.IMPORT_OK;
import static io.jenkins.plugins.dataworks.TestScenarios.PARTIAL;
import static io.jenkins.plugins.dataworks.TestScenarios.PROJECT;
import static io.jenkins.plugins.dataworks.TestScenarios.UNKNOWN_STATUS;
import static org.junit.jupiter.api.Assertions.assertEquals;

import hudson.model.FreeStyleBuild;
import hudson.model.FreeStyleProject;
import hudson.model.Result;
import hudson.model.Run;
import io.jenkins.plugins.dataworks.emulator.junit.DataWorksEmulatorExtension;
import io.jenkins.plugins.dataworks.engine.text.Setting;
import java.io.IOException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.jvnet.hudson.test.JenkinsRule;

/**
 * Every message that names a setting names it as the user wrote it (issue 9): the Pipeline step by
 * its parameters and values, the freestyle builder by its form labels and drop-down texts. A hint
 * about a setting neither offers is left out. Provoked through each front end against the emulator.
 */
class MessageVocabularyTest {

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

    private WorkflowRun pipeline(String options) throws Exception {
        WorkflowJob p = r.createProject(WorkflowJob.class);
        p.setDefinition(new CpsFlowDefinition("waitForDataWorksMigration " + options, true));
        WorkflowRun b = env.drive(p.scheduleBuild2(0).waitForStart());
        r.waitUntilNoActivity();
        return r.assertBuildStatus(Result.FAILURE, b);
    }

    private FreeStyleBuild freestyle(long migrationId, java.util.function.Consumer<DataWorksMigrationBuilder> options)
            throws Exception {
        DataWorksMigrationBuilder builder =
                new DataWorksMigrationBuilder(PROJECT, migrationId, DataWorksTestEnvironment.CREDENTIALS_ID);
        builder.setEndpoint(dataworks.endpoint().toString());
        options.accept(builder);
        FreeStyleProject p = r.createFreeStyleProject();
        p.getBuildersList().add(builder);
        var build = p.scheduleBuild2(0);
        env.drive(build.waitForStart());
        r.waitUntilNoActivity();
        return r.assertBuildStatus(Result.FAILURE, build.get());
    }

    /** Engine names that are no front end's word (camelCase) and that this front end does not use itself. */
    private static void assertNoEngineOnlyName(Run<?, ?> b, FrontEndNames names) throws IOException {
        String log = JenkinsRule.getLog(b);
        for (Setting s : Setting.values()) {
            String engine = s.engineName();
            if (!engine.equals(engine.toLowerCase(java.util.Locale.ROOT)) && !engine.equals(names.name(s))) {
                assertEquals(
                        false,
                        Pattern.compile("(?<![\\w-])" + Pattern.quote(engine) + "(?!\\w)")
                                .matcher(log)
                                .find(),
                        "the log names " + engine + ":\n" + log);
            }
        }
    }

    private static int count(String text, String part) {
        Matcher m = Pattern.compile(Pattern.quote(part)).matcher(text);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }

    // ---- Pipeline ----------------------------------------------------------------------------

    @Test
    void pipelinePartialSuccessNamesTheParameterAndItsValues() throws Exception {
        WorkflowRun b = pipeline(env.target(PROJECT, PARTIAL) + ", partialSuccess: 'FAILURE'");
        r.assertLogContains(
                "which fails under partialSuccess: 'FAILURE' (choose 'UNSTABLE' or 'SUCCESS' to accept it)", b);
        r.assertLogNotContains("SUCCEED", b);
        r.assertLogNotContains("partialSuccess=FAIL", b);
        assertNoEngineOnlyName(b, FrontEndNames.PIPELINE);
    }

    @Test
    void pipelineUnknownStatusLeavesOutTheHintItCannotFollow() throws Exception {
        WorkflowRun b = pipeline(env.target(PROJECT, UNKNOWN_STATUS));
        r.assertLogContains("reported the undocumented status 'ARCHIVED'", b);
        r.assertLogNotContains("wait through it", b);
        assertNoEngineOnlyName(b, FrontEndNames.PIPELINE);
    }

    @Test
    void pipelineFailedFirstCallNamesTheCallOnceAndTheParametersToCheck() throws Exception {
        WorkflowRun b = pipeline(env.target(PROJECT, 99999));
        String log = JenkinsRule.getLog(b);
        String line = log.lines()
                .filter(l -> l.contains("no status seen yet"))
                .reduce((first, second) -> second)
                .orElseThrow(() -> new AssertionError(log));
        assertEquals(1, count(line, "GetMigrationSummary"), line);
        assertEquals(1, count(line, "migration 99999 in workspace 10001"), line);
        r.assertLogContains("check projectId (the workspace ID) and migrationId, and the region", b);
        assertNoEngineOnlyName(b, FrontEndNames.PIPELINE);
    }

    @Test
    void pipelineDownloadAlwaysWithoutPackageNamesTheParameterAndItsValues() throws Exception {
        WorkflowRun b = pipeline(env.target(PROJECT, IMPORT_OK) + ", download: 'ALWAYS'");
        r.assertLogContains("download: 'ALWAYS' but migration " + IMPORT_OK, b);
        r.assertLogContains("; set download to 'AUTO' or 'NEVER'", b);
        assertNoEngineOnlyName(b, FrontEndNames.PIPELINE);
    }

    @Test
    void pipelineInputErrorsNameTheParameters() throws Exception {
        WorkflowRun b = pipeline(env.target(PROJECT, IMPORT_OK) + ", pollInterval: '1m', maxPollInterval: '30s'");
        r.assertLogContains("maxPollInterval must be at least pollInterval (1m), got 30s", b);
        assertNoEngineOnlyName(b, FrontEndNames.PIPELINE);

        WorkflowRun c = pipeline(env.target(PROJECT, IMPORT_OK) + ", artifactName: 'a/b.zip'");
        r.assertLogContains("artifactName must be a plain file name", c);
        assertNoEngineOnlyName(c, FrontEndNames.PIPELINE);
    }

    @Test
    void pipelineUnknownRegionNamesTheEndpointParameter() throws Exception {
        WorkflowRun b = pipeline("projectId: 10001, migrationId: 20001, credentialsId: '"
                + DataWorksTestEnvironment.CREDENTIALS_ID + "', region: 'mars-north-1'");
        r.assertLogContains("region 'mars-north-1' is not a DataWorks region: use one of cn-", b);
        r.assertLogContains(" or set endpoint", b);
        assertEquals(0, dataworks.emulator().callCount("GetMigrationSummary"));
        assertNoEngineOnlyName(b, FrontEndNames.PIPELINE);
    }

    // ---- freestyle ---------------------------------------------------------------------------

    @Test
    void freestylePartialSuccessNamesTheFieldAndItsChoices() throws Exception {
        FreeStyleBuild b = freestyle(PARTIAL, o -> o.setPartialSuccess("FAILURE"));
        r.assertLogContains(
                "which fails under 'On PARTIAL_SUCCESS' = 'Fail the build (FAILURE)' (choose"
                        + " 'Mark the build unstable (UNSTABLE)' or 'Treat it as a success (SUCCESS)' to accept it)",
                b);
        r.assertLogNotContains("partialSuccess", b);
        assertNoEngineOnlyName(b, FrontEndNames.FREESTYLE);
    }

    @Test
    void freestyleUnknownStatusLeavesOutTheHintItCannotFollow() throws Exception {
        FreeStyleBuild b = freestyle(UNKNOWN_STATUS, o -> {});
        r.assertLogContains("reported the undocumented status 'ARCHIVED'", b);
        r.assertLogNotContains("wait through it", b);
        assertNoEngineOnlyName(b, FrontEndNames.FREESTYLE);
    }

    @Test
    void freestyleFailedFirstCallNamesTheFieldsToCheck() throws Exception {
        FreeStyleBuild b = freestyle(99999, o -> {});
        r.assertLogContains("GetMigrationSummary failed (no status seen yet): ", b);
        r.assertLogContains("check 'Workspace ID' (the workspace ID) and 'Migration ID', and the region", b);
        r.assertLogNotContains("projectId", b);
        assertNoEngineOnlyName(b, FrontEndNames.FREESTYLE);
    }

    @Test
    void freestyleDownloadAlwaysWithoutPackageNamesTheFieldAndItsChoices() throws Exception {
        FreeStyleBuild b = freestyle(IMPORT_OK, o -> o.setDownload("ALWAYS"));
        r.assertLogContains("'Download the export package' = 'Always; fail when there is no package (ALWAYS)' but", b);
        r.assertLogContains(
                "; set 'Download the export package' to 'When an export succeeded (AUTO)' or 'Never (NEVER)'", b);
        assertNoEngineOnlyName(b, FrontEndNames.FREESTYLE);
    }

    @Test
    void freestyleUnknownRegionNamesTheFormLabels() throws Exception {
        FreeStyleBuild b = freestyle(20001, o -> {
            o.setEndpoint(null);
            o.setRegion("mars-north-1");
        });
        r.assertLogContains("'Region' 'mars-north-1' is not a DataWorks region: use one of cn-", b);
        r.assertLogContains(" or set 'Endpoint override'", b);
        assertEquals(0, dataworks.emulator().callCount("GetMigrationSummary"));
        assertNoEngineOnlyName(b, FrontEndNames.FREESTYLE);
    }

    @Test
    void freestyleInputErrorsNameTheFormLabels() throws Exception {
        FreeStyleBuild b = freestyle(IMPORT_OK, o -> {
            o.setPollInterval("1m");
            o.setMaxPollInterval("30s");
        });
        r.assertLogContains("'Longest poll interval' must be at least 'Poll interval' (1m), got 30s", b);
        assertNoEngineOnlyName(b, FrontEndNames.FREESTYLE);

        FreeStyleBuild c = freestyle(IMPORT_OK, o -> o.setArtifactName("a/b.zip"));
        r.assertLogContains("'Artifact name' must be a plain file name", c);
        assertNoEngineOnlyName(c, FrontEndNames.FREESTYLE);
    }
}
