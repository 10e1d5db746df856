package io.jenkins.plugins.dataworks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import hudson.EnvVars;
import hudson.model.Label;
import hudson.model.Result;
import io.jenkins.plugins.dataworks.emulator.junit.DataWorksEmulatorExtension;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.jenkinsci.plugins.pipeline.modeldefinition.actions.ExecutionModelAction;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.BuildWatcherExtension;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/**
 * Every ```groovy block of README.md and docs/*.md runs, read from the Markdown itself, in a
 * Jenkins with Declarative Pipeline, against the emulator holding the IDs the docs use
 * ({@link TestScenarios#docs()}), with the credentials they name. The one thing that differs from a
 * real Jenkins is where the calls go: the global configuration's default endpoint is the emulator
 * ({@link DocsJenkins}); the agent the examples' {@code node('linux')} asks for is a local one, and
 * the command line an example calls in {@code sh} is the one this build made (CLI examples also
 * find the endpoint in DATAWORKS_ENDPOINT, the command line's variable for it).
 *
 * <p>A block must succeed, its Declarative ones as Declarative, and no line it echoes may hold a
 * {@code null} (a key the returned map lacks); a block marked {@code <!-- example fails: MESSAGE -->}
 * must fail with MESSAGE in an error line. A new block is run without anyone writing a test for it.
 * Every example runs in one Jenkins, each as its own job, so names made from BUILD_TAG must not
 * collide across jobs.
 */
@WithJenkins
class DocumentedExamplesTest {

    @RegisterExtension
    static final BuildWatcherExtension BUILD_WATCHER = new BuildWatcherExtension();

    @RegisterExtension
    final DataWorksEmulatorExtension dataworks = DataWorksEmulatorExtension.withScenario(TestScenarios.docs());

    @TestFactory
    Stream<DynamicTest> everyGroovyBlockOfTheDocsRunsAsWritten(JenkinsRule r) throws Exception {
        List<DocExamples.Example> examples = DocExamples.all("groovy");
        assertTrue(examples.size() >= 10, "the docs' groovy blocks were found: " + examples);
        DocsJenkins jenkins = DocsJenkins.install(r, dataworks);
        EnvVars agentEnv = new EnvVars(
                "DATAWORKS_ENDPOINT", dataworks.emulator().endpoint().toString());
        agentEnv.put("PATH+DATAWORKS", CommandLine.directory().toString());
        r.createOnlineSlave(Label.get("linux"), agentEnv);
        List<DynamicTest> tests = new ArrayList<>();
        for (DocExamples.Example e : examples) {
            tests.add(DynamicTest.dynamicTest(e.where(), () -> run(jenkins, e)));
        }
        return tests.stream();
    }

    private static void run(DocsJenkins jenkins, DocExamples.Example e) throws Exception {
        JenkinsRule r = jenkins.r;
        WorkflowRun b = jenkins.drive(
                jenkins.job(e.jobName(), e.code()).scheduleBuild2(0).waitForStart());
        String log = JenkinsRule.getLog(b);
        if (e.declarative()) {
            assertNotNull(b.getAction(ExecutionModelAction.class), e.where() + " ran as Declarative");
        }
        if (e.fails() == null) {
            r.assertBuildStatus(Result.SUCCESS, b);
            List<String> echoedNull =
                    echoed(log).stream().filter(l -> l.contains("null")).toList();
            assertEquals(List.of(), echoedNull, e.where() + " echoes a value the map does not have");
        } else {
            r.assertBuildStatus(Result.FAILURE, b);
            assertTrue(
                    log.lines().anyMatch(l -> l.startsWith("ERROR: ") && l.contains(e.fails())),
                    e.where() + " fails with '" + e.fails() + "':\n" + log);
        }
        assertFalse(log.contains("\tat "), e.where() + " printed a stack trace:\n" + log);
        assertFalse(
                log.contains(DataWorksTestEnvironment.ACCESS_KEY_SECRET), e.where() + " printed the AccessKey secret");
    }

    /** The lines the {@code echo} steps printed. */
    static List<String> echoed(String log) {
        List<String> lines = log.lines().toList();
        List<String> out = new ArrayList<>();
        for (int i = 0; i + 1 < lines.size(); i++) {
            if (lines.get(i).endsWith("[Pipeline] echo")) {
                out.add(lines.get(i + 1));
            }
        }
        return out;
    }
}
