package io.jenkins.plugins.dataworks;

import static io.jenkins.plugins.dataworks.TestScenarios.EXPORT_OK;
import static io.jenkins.plugins.dataworks.TestScenarios.PROJECT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import hudson.model.Result;
import io.jenkins.plugins.casc.ConfigurationAsCode;
import io.jenkins.plugins.casc.ConfiguratorException;
import io.jenkins.plugins.dataworks.emulator.junit.DataWorksEmulatorExtension;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.htmlunit.html.HtmlForm;
import org.htmlunit.html.HtmlPage;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.jvnet.hudson.test.JenkinsRule;

/**
 * The global settings refuse what no wait could use, where they are set (configuration-as-code, the
 * form), naming the setting by its label; a bad value that got in anyway is named as the global
 * setting when a wait reads it; rateLimit exports as people write it.
 */
class GlobalSettingsTest {

    @RegisterExtension
    static final SharedJenkins JENKINS = new SharedJenkins();

    private static final String PAGE = "(Manage Jenkins \u00bb System \u00bb DataWorks Migration)";

    @RegisterExtension
    final DataWorksEmulatorExtension dataworks = DataWorksEmulatorExtension.withScenario(TestScenarios.scenario());

    @TempDir
    Path dir;

    private JenkinsRule r;

    @BeforeEach
    void setUp(JenkinsRule rule) {
        r = rule;
    }

    private void applyYaml(String settings) throws Exception {
        Path yaml = dir.resolve("jenkins-" + System.nanoTime() + ".yaml");
        Files.writeString(yaml, "unclassified:\n  dataWorksMigration:\n" + settings, StandardCharsets.UTF_8);
        ConfigurationAsCode.get().configure(yaml.toString());
    }

    private static String messages(Throwable t) {
        StringBuilder b = new StringBuilder();
        for (Throwable c = t; c != null; c = c.getCause()) {
            b.append(c.getMessage()).append('\n');
        }
        return b.toString();
    }

    @Test
    void configurationAsCodeRefusesWhatNoWaitCouldUse() throws Exception {
        applyYaml("    defaultPollInterval: 30s\n    defaultMaxPollInterval: 5m\n    rateLimit: 3\n");
        DataWorksGlobalConfiguration c = DataWorksGlobalConfiguration.get();
        assertThat(c.getDefaultPollInterval()).isEqualTo("30s");
        assertThat(c.rateLimitPerSecond()).isEqualTo(3.0);

        List<String[]> bad = List.of(
                new String[] {
                    "    defaultPollInterval: 15 seconds\n",
                    "'Default poll interval' " + PAGE
                            + " '15 seconds' is not a duration: use e.g. 90s, 15m, 2h or 1h30m"
                },
                new String[] {
                    "    defaultMaxPollInterval: soon\n",
                    "'Default longest poll interval' " + PAGE + " 'soon' is not a duration"
                },
                new String[] {
                    "    defaultEndpoint: http://dataworks.example\n",
                    "'Default endpoint' " + PAGE + " must use https://"
                },
                new String[] {
                    "    rateLimit: 0\n",
                    "'Calls per second per AccessKey' " + PAGE
                            + " must be more than 0 and at most 1000 calls per second"
                });
        for (String[] yaml : bad) {
            assertThatThrownBy(() -> applyYaml(yaml[0]))
                    .as(yaml[0])
                    .isInstanceOf(ConfiguratorException.class)
                    .satisfies(e -> assertThat(messages(e)).contains(yaml[1]));
        }
        assertThat(c.getDefaultPollInterval()).isEqualTo("30s");
        assertThat(c.getDefaultMaxPollInterval()).isEqualTo("5m");
        assertThat(c.rateLimitPerSecond()).isEqualTo(3.0);
    }

    @Test
    void theFormShowsTheRateAsPeopleWriteIt() throws Exception {
        DataWorksGlobalConfiguration c = DataWorksGlobalConfiguration.get();
        try (JenkinsRule.WebClient wc = r.createWebClient()) {
            for (double rate : new double[] {2, 40, 2.5, 0.25}) {
                c.setRateLimit(rate);
                HtmlForm form = wc.goTo("manage/configure").getFormByName("config");
                String shown = form.getInputByName("_.rateLimit").getValue();
                assertThat(shown)
                        .isEqualTo(rate == Math.rint(rate) ? String.valueOf((int) rate) : String.valueOf(rate));
            }
            r.configRoundtrip();
            assertThat(c.rateLimitPerSecond()).isEqualTo(0.25);
        }
        // configuration-as-code reads back what it exports
        c.setRateLimit(40);
        String exported = export();
        assertThat(exported).contains("rateLimit: 40\n");
        c.setRateLimit(3);
        applyYaml("    rateLimit: 40\n");
        assertThat(c.rateLimitPerSecond()).isEqualTo(40.0);
    }

    private static String export() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ConfigurationAsCode.get().export(out);
        String yaml = out.toString(StandardCharsets.UTF_8);
        int at = yaml.indexOf("dataWorksMigration:");
        assertThat(at).as(yaml).isNotNegative();
        return yaml.substring(at);
    }

    @Test
    void theFormRefusesABadValueAndKeepsTheConfiguration() throws Exception {
        DataWorksGlobalConfiguration c = DataWorksGlobalConfiguration.get();
        c.setDefaultPollInterval("30s");
        try (JenkinsRule.WebClient wc = r.createWebClient()) {
            wc.setThrowExceptionOnFailingStatusCode(false);
            for (String[] field : List.of(
                    new String[] {
                        "_.defaultPollInterval",
                        "15 seconds",
                        "'Default poll interval' " + PAGE + " '15 seconds' is not"
                    },
                    new String[] {
                        "_.defaultMaxPollInterval",
                        "2 minutes",
                        "'Default longest poll interval' " + PAGE + " '2 minutes' is not"
                    },
                    new String[] {"_.rateLimit", "fast", "'Calls per second per AccessKey' " + PAGE + " 'fast' is not"},
                    new String[] {
                        "_.defaultEndpoint",
                        "http://dataworks.example",
                        "'Default endpoint' " + PAGE + " must use https://"
                    })) {
                HtmlForm form = wc.goTo("manage/configure").getFormByName("config");
                form.getInputByName("_.defaultRegion").setValue("cn-beijing");
                form.getInputByName(field[0]).setValue(field[1]);
                HtmlPage answer = r.submit(form);
                assertThat(answer.getWebResponse().getStatusCode()).as(field[0]).isEqualTo(400);
                assertThat(answer.asNormalizedText()).as(field[0]).contains(field[2]);
                assertThat(c.getDefaultPollInterval()).isEqualTo("30s");
                assertThat(c.getDefaultRegion())
                        .as("nothing of a refused form is kept")
                        .isNull();
            }
        }
    }

    /**
     * A value that got in before the setters checked (an old configuration file) is named as the
     * global setting when a wait without its own pollInterval reads it.
     */
    @Test
    void aBadStoredValueIsNamedAsTheGlobalSetting() throws Exception {
        DataWorksTestEnvironment env = DataWorksTestEnvironment.install(r, dataworks.emulator(), dataworks.clock());
        Path file = r.jenkins.getRootDir().toPath().resolve(DataWorksGlobalConfiguration.class.getName() + ".xml");
        String xml = Files.readString(file, StandardCharsets.UTF_8);
        Files.writeString(
                file,
                xml.replace("</rateLimit>", "</rateLimit>\n  <defaultPollInterval>15 seconds</defaultPollInterval>"),
                StandardCharsets.UTF_8);
        DataWorksGlobalConfiguration.get().load();
        assertThat(DataWorksGlobalConfiguration.get().getDefaultPollInterval()).isEqualTo("15 seconds");

        WorkflowJob p = r.createProject(WorkflowJob.class);
        p.setDefinition(
                new CpsFlowDefinition("waitForDataWorksMigration " + env.target(PROJECT, EXPORT_OK) + "\n", true));
        WorkflowRun b = r.buildAndAssertStatus(Result.FAILURE, p);
        r.assertLogContains(
                "'Default poll interval' " + PAGE + " '15 seconds' is not a duration: use e.g. 90s, 15m, 2h or 1h30m",
                b);
        r.assertLogNotContains("pollInterval '15 seconds'", b);
        assertThat(dataworks.emulator().callCount("GetMigrationSummary")).isZero();
    }
}
