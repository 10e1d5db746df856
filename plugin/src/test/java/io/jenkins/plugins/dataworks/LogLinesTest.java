package io.jenkins.plugins.dataworks;

import static io.jenkins.plugins.dataworks.TestScenarios.EXPORT_OK;
import static io.jenkins.plugins.dataworks.TestScenarios.PROJECT;
import static io.jenkins.plugins.dataworks.TestScenarios.TARGET;
import static org.assertj.core.api.Assertions.assertThat;

import hudson.model.Result;
import io.jenkins.plugins.dataworks.emulator.junit.DataWorksEmulatorExtension;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.htmlunit.html.HtmlPage;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.jvnet.hudson.test.JenkinsRule;

/** Build log lines as a person reads them: each said once, in one format. */
class LogLinesTest {

    @RegisterExtension
    static final SharedJenkins JENKINS = new SharedJenkins();

    @RegisterExtension
    final DataWorksEmulatorExtension dataworks = DataWorksEmulatorExtension.withScenario(TestScenarios.scenario());

    private static int count(String text, String part) {
        int n = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + part.length())) {
            n++;
        }
        return n;
    }

    @Test
    void unknownCredentialsAreReportedOnce(JenkinsRule r) throws Exception {
        DataWorksTestEnvironment env = DataWorksTestEnvironment.install(r, dataworks.emulator(), dataworks.clock());
        WorkflowJob p = r.createProject(WorkflowJob.class);
        p.setDefinition(new CpsFlowDefinition(
                "waitForDataWorksMigration projectId: " + PROJECT + ", migrationId: " + EXPORT_OK
                        + ", credentialsId: 'no-such-key', endpoint: '" + dataworks.endpoint() + "'\n",
                true));
        WorkflowRun b = r.assertBuildStatus(
                Result.FAILURE, env.drive(p.scheduleBuild2(0).waitForStart()));
        String log = JenkinsRule.getLog(b);
        assertThat(count(log, "credentialsId 'no-such-key' was not found"))
                .as(log)
                .isEqualTo(1);
    }

    /**
     * A promotion's log: every elapsed time in the engine's format (the verdict's "after 9.375s" and
     * the status lines alike, no Jenkins "9.3 sec"), and its own package named as the wait names it,
     * without a leading slash.
     */
    @Test
    void aPromotionsLogHasOneDurationFormatAndNamesItsPackagePlainly(JenkinsRule r) throws Exception {
        DataWorksTestEnvironment env = DataWorksTestEnvironment.install(r, dataworks.emulator(), dataworks.clock());
        WorkflowJob p = r.createProject(WorkflowJob.class, "promotion");
        p.setDefinition(new CpsFlowDefinition(
                "promoteDataWorksMigration projectId: " + PROJECT + ", targetProjectId: " + TARGET
                        + ", name: 'release-log-lines', artifactName: 'release.zip', " + env.connection() + "\n",
                true));
        WorkflowRun b = r.assertBuildStatusSuccess(env.drive(p.scheduleBuild2(0).waitForStart()));
        String log = JenkinsRule.getLog(b);
        assertThat(log).doesNotContain(" sec").doesNotContain(" ms").doesNotContain(" min");
        Matcher after = Pattern.compile("after (\\S+?)[ ,)]").matcher(log);
        int durations = 0;
        while (after.find()) {
            durations++;
            assertThat(after.group(1)).as(log).matches("(\\d+h)?(\\d+m)?(\\d+(\\.\\d+)?s)?|0s");
        }
        assertThat(durations).as(log).isGreaterThanOrEqualTo(3);
        assertThat(log).contains("artifact 'release.zip' of promotion, build 1").doesNotContain(" of /promotion");
        // the download URL without its query leads nowhere: text, not a link of the console page
        assertThat(log)
                .containsPattern(
                        "Downloading the export package as release.zip from 127\\.0\\.0\\.1:\\d+/\\S+\\.zip over http "
                                + "\\(its signed query is not shown\\)");
        try (JenkinsRule.WebClient wc = r.createWebClient()) {
            HtmlPage console = wc.getPage(b, "console");
            assertThat(console.asNormalizedText()).contains("Downloading the export package as release.zip");
            assertThat(console.getAnchors()).noneMatch(a -> a.getHrefAttribute().contains(".zip"));
        }
    }
}
