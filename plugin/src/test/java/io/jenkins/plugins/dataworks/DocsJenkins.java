package io.jenkins.plugins.dataworks;

import com.cloudbees.plugins.credentials.CredentialsScope;
import com.cloudbees.plugins.credentials.SystemCredentialsProvider;
import com.cloudbees.plugins.credentials.impl.UsernamePasswordCredentialsImpl;
import io.jenkins.plugins.dataworks.emulator.junit.DataWorksEmulatorExtension;
import java.net.URL;
import java.util.List;
import org.htmlunit.HttpMethod;
import org.htmlunit.WebRequest;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.jenkinsci.plugins.workflow.support.steps.input.InputAction;
import org.jenkinsci.plugins.workflow.support.steps.input.InputStepExecution;
import org.jvnet.hudson.test.JenkinsRule;

/**
 * A Jenkins set up so the docs' examples run as written, with {@link TestScenarios#docs()} in the
 * emulator: the credentials they name ({@value #CREDENTIALS_ID}, a Username with password holding
 * the emulator's AccessKey) and the one setting in which the test differs from a real Jenkins, the
 * global configuration's default endpoint pointing at the emulator. Users log in by name (a dummy
 * security realm), so an {@code input} is answered by a given person.
 */
final class DocsJenkins {

    static final String CREDENTIALS_ID = "dataworks-prod";
    /** Who answers the examples' {@code input} steps. */
    static final String APPROVER = "release-manager";

    final JenkinsRule r;
    final DataWorksTestEnvironment env;

    private DocsJenkins(JenkinsRule r, DataWorksTestEnvironment env) {
        this.r = r;
        this.env = env;
    }

    static DocsJenkins install(JenkinsRule r, DataWorksEmulatorExtension dataworks) throws Exception {
        DataWorksTestEnvironment env = DataWorksTestEnvironment.install(r, dataworks.emulator(), dataworks.clock());
        SystemCredentialsProvider store = SystemCredentialsProvider.getInstance();
        store.getCredentials()
                .add(new UsernamePasswordCredentialsImpl(
                        CredentialsScope.GLOBAL,
                        CREDENTIALS_ID,
                        "the emulator's AccessKey",
                        DataWorksTestEnvironment.ACCESS_KEY_ID,
                        DataWorksTestEnvironment.ACCESS_KEY_SECRET));
        store.save();
        DataWorksGlobalConfiguration.get()
                .setDefaultEndpoint(dataworks.emulator().endpoint().toString());
        r.jenkins.setSecurityRealm(r.createDummySecurityRealm());
        return new DocsJenkins(r, env);
    }

    WorkflowJob job(String name, String script) throws Exception {
        WorkflowJob job = r.createProject(WorkflowJob.class, name);
        job.setDefinition(new CpsFlowDefinition(script, true));
        return job;
    }

    /** Runs polls and answers each {@code input} as {@link #APPROVER} until the build ends. */
    WorkflowRun drive(WorkflowRun b) throws Exception {
        while (b.isBuilding()) {
            if (inputPending(b)) {
                approve(b, APPROVER);
            } else {
                env.scheduler.runNext(() -> b.isBuilding() && !inputPending(b));
            }
        }
        DataWorksTestEnvironment.awaitEvent(() -> !b.isLogUpdated(), b + " never finished its log");
        return b;
    }

    /** Runs polls until the build waits for an {@code input}. */
    void driveToInput(WorkflowRun b) throws Exception {
        while (b.isBuilding() && !inputPending(b)) {
            env.scheduler.runNext(() -> b.isBuilding() && !inputPending(b));
        }
        if (!inputPending(b)) {
            throw new AssertionError(b + " ended without asking for approval:\n" + JenkinsRule.getLog(b));
        }
    }

    static boolean inputPending(WorkflowRun b) {
        InputAction a = b.getAction(InputAction.class);
        try {
            return a != null && !a.getExecutions().isEmpty();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    /** Answers the pending {@code input} with Proceed as {@code user}, over HTTP as the form's button does. */
    void approve(WorkflowRun b, String user) throws Exception {
        answer(b, user, "proceedEmpty");
    }

    /** Answers the pending {@code input} with Abort as {@code user}. */
    void abort(WorkflowRun b, String user) throws Exception {
        answer(b, user, "abort");
    }

    private void answer(WorkflowRun b, String user, String button) throws Exception {
        InputAction a = b.getAction(InputAction.class);
        List<InputStepExecution> pending = a.getExecutions();
        String path = b.getUrl() + a.getUrlName() + "/" + pending.get(0).getId() + "/" + button;
        try (JenkinsRule.WebClient wc = r.createWebClient().withBasicApiToken(user)) {
            wc.getPage(new WebRequest(new URL(r.getURL(), path), HttpMethod.POST));
        }
        DataWorksTestEnvironment.awaitEvent(() -> !inputPending(b) || !b.isBuilding(), "the answer never reached " + b);
    }
}
