package io.jenkins.plugins.dataworks;

import static org.assertj.core.api.Assertions.assertThat;

import com.cloudbees.plugins.credentials.CredentialsScope;
import com.cloudbees.plugins.credentials.SystemCredentialsProvider;
import com.cloudbees.plugins.credentials.impl.UsernamePasswordCredentialsImpl;
import hudson.model.FreeStyleProject;
import hudson.model.Result;
import java.util.List;
import java.util.Map;
import org.htmlunit.html.DomElement;
import org.htmlunit.html.HtmlButton;
import org.htmlunit.html.HtmlElement;
import org.htmlunit.html.HtmlInput;
import org.htmlunit.html.HtmlOption;
import org.htmlunit.html.HtmlPage;
import org.htmlunit.html.HtmlSelect;
import org.htmlunit.html.HtmlTextArea;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.jvnet.hudson.test.JenkinsRule;

/**
 * The snippet generator's real page in HtmlUnit, with Jenkins' JavaScript: each step picked from the
 * list, its required fields filled as a person would, and Generate clicked. What the forms preselect
 * must be the steps' defaults, so nothing but the required fields reaches the snippet.
 */
class SnippetGeneratorFormTest {

    @RegisterExtension
    static final SharedJenkins JENKINS = new SharedJenkins();

    private static final String CREDENTIALS = "dataworks-forms";

    private JenkinsRule r;
    private WorkflowJob job;

    @BeforeEach
    void setUp(JenkinsRule rule) throws Exception {
        r = rule;
        SystemCredentialsProvider store = SystemCredentialsProvider.getInstance();
        store.getCredentials()
                .add(new UsernamePasswordCredentialsImpl(
                        CredentialsScope.GLOBAL, CREDENTIALS, "forms", "forms-access-key", "forms-secret"));
        store.save();
        job = r.createProject(WorkflowJob.class, "snippets");
    }

    /** The snippet generator with {@code symbol} picked and its form rendered. */
    private HtmlPage pick(JenkinsRule.WebClient wc, String symbol) throws Exception {
        HtmlPage page = wc.getPage(job, "pipeline-syntax");
        HtmlSelect steps = page.getFirstByXPath("//select[contains(@class, 'dropdownList')]");
        HtmlOption option = steps.getOptions().stream()
                .filter(o -> o.getText().startsWith(symbol + ": "))
                .findFirst()
                .orElseThrow(() -> new AssertionError(symbol + " is not in the snippet generator"));
        steps.setSelectedAttribute(option, true);
        wc.waitForBackgroundJavaScript(10_000);
        return page;
    }

    private static HtmlElement visibleField(HtmlPage page, String field) {
        List<HtmlElement> all = page.getByXPath("//*[@name='_." + field + "']");
        return all.stream()
                .filter(DomElement::isDisplayed)
                .findFirst()
                .orElseThrow(() -> new AssertionError("no visible field " + field));
    }

    private String generate(JenkinsRule.WebClient wc, HtmlPage page) throws Exception {
        HtmlButton generate = (HtmlButton) page.getElementById("generatePipelineScript");
        generate.click();
        wc.waitForBackgroundJavaScript(10_000);
        return ((HtmlTextArea) page.getElementById("prototypeText")).getText();
    }

    private JenkinsRule.WebClient webClient() {
        JenkinsRule.WebClient wc = r.createWebClient();
        wc.getOptions().setThrowExceptionOnScriptError(false);
        return wc;
    }

    /**
     * Per step: the required fields a person must fill, and the snippet the untouched rest must
     * give. Every list and select of the form (export mode, object version, package type, partial
     * success, download) is left as the page preselects it.
     */
    @Test
    void anUntouchedFormGeneratesNoOptionAtItsDefault() throws Exception {
        Map<String, Map<String, String>> required = Map.of(
                "waitForDataWorksMigration", Map.of("projectId", "10001", "migrationId", "20001"),
                "startDataWorksMigration", Map.of("projectId", "10001", "migrationId", "20001"),
                "createDataWorksExport", Map.of("projectId", "10001", "name", "release"),
                "createDataWorksImport", Map.of("projectId", "10002", "name", "release"),
                "promoteDataWorksMigration",
                        Map.of("projectId", "10001", "targetProjectId", "10002", "name", "release"));
        Map<String, String> expected = Map.of(
                "waitForDataWorksMigration",
                        "waitForDataWorksMigration credentialsId: 'dataworks-forms', migrationId: 20001, projectId: 10001",
                "startDataWorksMigration",
                        "startDataWorksMigration credentialsId: 'dataworks-forms', migrationId: 20001, projectId: 10001",
                "createDataWorksExport",
                        "createDataWorksExport credentialsId: 'dataworks-forms', name: 'release', projectId: 10001",
                "createDataWorksImport",
                        "createDataWorksImport credentialsId: 'dataworks-forms', name: 'release', projectId: 10002",
                "promoteDataWorksMigration",
                        "promoteDataWorksMigration credentialsId: 'dataworks-forms', name: 'release', "
                                + "projectId: 10001, targetProjectId: 10002");
        assertThat(required.keySet()).isEqualTo(expected.keySet());
        try (JenkinsRule.WebClient wc = webClient()) {
            for (Map.Entry<String, Map<String, String>> step : required.entrySet()) {
                HtmlPage page = pick(wc, step.getKey());
                for (Map.Entry<String, String> field : step.getValue().entrySet()) {
                    ((HtmlInput) visibleField(page, field.getKey())).setValue(field.getValue());
                }
                HtmlSelect credentials = (HtmlSelect) visibleField(page, "credentialsId");
                credentials.setSelectedAttribute(CREDENTIALS, true);
                assertThat(generate(wc, page)).as(step.getKey()).isEqualTo(expected.get(step.getKey()));
            }
        }
    }

    /**
     * A form whose required IDs are empty: each ID field shows its problem under it, naming its own
     * parameter, and Generate writes those problems instead of a snippet with {@code projectId: 0}.
     */
    @Test
    void anEmptyFormFlagsTheRequiredIdsInsteadOfWritingZero() throws Exception {
        Map<String, List<String>> ids = Map.of(
                "waitForDataWorksMigration", List.of("projectId", "migrationId"),
                "startDataWorksMigration", List.of("projectId", "migrationId"),
                "createDataWorksExport", List.of("projectId"),
                "createDataWorksImport", List.of("projectId"),
                "promoteDataWorksMigration", List.of("projectId", "targetProjectId"));
        try (JenkinsRule.WebClient wc = webClient()) {
            for (Map.Entry<String, List<String>> step : ids.entrySet()) {
                HtmlPage page = pick(wc, step.getKey());
                String snippet = generate(wc, page);
                assertThat(snippet).as(step.getKey()).doesNotContain(": 0").doesNotContain(step.getKey());
                for (String id : step.getValue()) {
                    String what = id.equals("migrationId") ? "migration task ID" : "DataWorks workspace ID";
                    assertThat(snippet).as(step.getKey()).contains(id + " is missing: give the " + what);
                    assertThat(validationUnder(page, id))
                            .as(step.getKey() + " " + id)
                            .isEqualTo(id + " is missing: give the " + what);
                }
                assertThat(snippet).as(step.getKey()).doesNotContain("\tat ").doesNotContain("Exception");
                assertThat(validationUnder(page, "credentialsId"))
                        .as(step.getKey())
                        .isEqualTo("credentialsId is missing: select the credentials holding the AccessKey");
            }
        }
    }

    /** The text of the validation area under a field of the form on display. */
    private static String validationUnder(HtmlPage page, String field) {
        HtmlElement input = visibleField(page, field);
        DomElement item = (DomElement) input.getEnclosingElement("div");
        while (item != null && !item.getAttribute("class").contains("jenkins-form-item")) {
            item = (DomElement) item.getParentNode();
        }
        assertThat(item).as("form item of " + field).isNotNull();
        DomElement area = item.querySelector(".validation-error-area");
        return area == null ? "" : area.asNormalizedText().trim();
    }

    /**
     * The freestyle builder is labelled as such wherever Pipeline lists it (its entry used to read
     * "dataWorksMigration: Wait for a DataWorks migration", the words of the step), and in a Pipeline
     * it fails at once naming the step, instead of holding a thread for the whole wait.
     */
    @Test
    void theFreestyleBuilderIsLabelledAsSuchAndRefusesToRunInAPipeline() throws Exception {
        try (JenkinsRule.WebClient wc = webClient()) {
            HtmlPage page = wc.getPage(job, "pipeline-syntax");
            HtmlSelect steps = page.getFirstByXPath("//select[contains(@class, 'dropdownList')]");
            List<String> labels =
                    steps.getOptions().stream().map(HtmlOption::getText).toList();
            assertThat(labels.stream().filter(l -> l.contains("DataWorks migration")))
                    .contains(
                            "waitForDataWorksMigration: Wait for a DataWorks migration",
                            "dataWorksMigration: Wait for a DataWorks migration (freestyle jobs; "
                                    + "in Pipeline use waitForDataWorksMigration)");
        }
        for (String call : List.of(
                "dataWorksMigration projectId: 10001, migrationId: 20001, credentialsId: '" + CREDENTIALS + "'",
                "step([$class: 'DataWorksMigrationBuilder', projectId: 10001, migrationId: 20001, " + "credentialsId: '"
                        + CREDENTIALS + "'])")) {
            WorkflowJob p = r.createProject(WorkflowJob.class);
            p.setDefinition(new CpsFlowDefinition("node {\n" + call + "\n}", true));
            WorkflowRun run = r.buildAndAssertStatus(Result.FAILURE, p);
            r.assertLogContains(
                    "ERROR: dataWorksMigration is the freestyle build step and would hold a thread for the whole "
                            + "wait: in a Pipeline use waitForDataWorksMigration, with the same options",
                    run);
            r.assertLogNotContains(Messages.Log_waiting(20001, 10001), run);
        }
    }

    /** Where the builder belongs, a saved freestyle form keeps its defaults unset and its IDs. */
    @Test
    void aSavedFreestyleFormKeepsTheBuildersDefaults() throws Exception {
        FreeStyleProject freestyle = r.createFreeStyleProject("nightly");
        freestyle.getBuildersList().add(new DataWorksMigrationBuilder(10001, 20001, CREDENTIALS));
        r.configRoundtrip(freestyle);
        DataWorksMigrationBuilder saved = freestyle.getBuildersList().get(DataWorksMigrationBuilder.class);
        assertThat(saved.getPartialSuccess()).isNull();
        assertThat(saved.getDownload()).isNull();
        assertThat(saved.isFailOnError()).isTrue();
        assertThat(saved.getProjectId()).isEqualTo(10001);
        assertThat(saved.getMigrationId()).isEqualTo(20001);
        assertThat(saved.getCredentialsId()).isEqualTo(CREDENTIALS);
    }
}
