package io.jenkins.plugins.dataworks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.cloudbees.plugins.credentials.CredentialsProvider;
import com.cloudbees.plugins.credentials.CredentialsScope;
import com.cloudbees.plugins.credentials.SystemCredentialsProvider;
import com.cloudbees.plugins.credentials.domains.Domain;
import com.cloudbees.plugins.credentials.impl.UsernamePasswordCredentialsImpl;
import hudson.ProxyConfiguration;
import hudson.model.Label;
import hudson.model.User;
import hudson.security.ACL;
import hudson.security.ACLContext;
import hudson.security.AuthorizationStrategy;
import hudson.security.SecurityRealm;
import io.jenkins.plugins.dataworks.emulator.junit.DataWorksEmulatorExtension;
import io.jenkins.plugins.dataworks.runtime.DataWorksRuntime;
import java.time.Clock;
import jenkins.model.Jenkins;
import jenkins.security.QueueItemAuthenticatorConfiguration;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.MockAuthorizationStrategy;
import org.jvnet.hudson.test.MockQueueItemAuthenticator;

/**
 * SharedJenkins puts back what a test changed: the first test changes all of it and leaves a build
 * running, the second finds the Jenkins as a fresh one (the same instance, so sharing happened).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SharedJenkinsTest {

    @RegisterExtension
    static final SharedJenkins JENKINS = new SharedJenkins();

    @RegisterExtension
    final DataWorksEmulatorExtension dataworks = DataWorksEmulatorExtension.withScenario(TestScenarios.scenario());

    private static Jenkins first;

    @Test
    @Order(1)
    void aTestChangesEverythingSharedJenkinsPutsBack(JenkinsRule r) throws Exception {
        first = r.jenkins;
        DataWorksTestEnvironment env = DataWorksTestEnvironment.install(r, dataworks.emulator(), dataworks.clock());
        WorkflowJob p = r.createProject(WorkflowJob.class, "left");
        p.setDefinition(new CpsFlowDefinition(
                "waitForDataWorksMigration " + env.target(TestScenarios.PROJECT, TestScenarios.STUCK), true));
        WorkflowRun b = p.scheduleBuild2(0).waitForStart();
        env.scheduler.awaitPending(1); // the build waits for its first poll: left running
        assertTrue(b.isBuilding());
        DataWorksGlobalConfiguration.get().setRateLimit(1.0);
        DataWorksGlobalConfiguration.get().setDefaultPollInterval("30s");
        r.createOnlineSlave(Label.get("remote"));
        r.jenkins.setSecurityRealm(r.createDummySecurityRealm());
        User user = User.getById("someone", true);
        QueueItemAuthenticatorConfiguration.get()
                .getAuthenticators()
                .add(new MockQueueItemAuthenticator().authenticate("left", user.impersonate2()));
        try (ACLContext ignored = ACL.as(user)) {
            CredentialsProvider.lookupStores(user)
                    .iterator()
                    .next()
                    .addCredentials(
                            Domain.global(),
                            new UsernamePasswordCredentialsImpl(CredentialsScope.USER, "own", "", "id", "secret"));
        }
        r.jenkins.setAuthorizationStrategy(new MockAuthorizationStrategy()
                .grant(Jenkins.ADMINISTER)
                .everywhere()
                .to("admin"));
        r.jenkins.setNumExecutors(5);
        r.jenkins.setProxy(new ProxyConfiguration("127.0.0.1", 3128));
    }

    @Test
    @Order(2)
    void theNextTestFindsTheJenkinsFresh(JenkinsRule r) throws Exception {
        assertSame(first, r.jenkins, "one Jenkins for the class");
        assertEquals(0, r.jenkins.getItems().size());
        assertEquals(0, r.jenkins.getNodes().size());
        assertEquals(0, User.getAll().size());
        assertEquals(0, SystemCredentialsProvider.getInstance().getCredentials().size());
        assertEquals(
                0, QueueItemAuthenticatorConfiguration.get().getAuthenticators().size());
        assertSame(SecurityRealm.NO_AUTHENTICATION, r.jenkins.getSecurityRealm());
        assertSame(AuthorizationStrategy.UNSECURED, r.jenkins.getAuthorizationStrategy());
        assertNull(r.jenkins.proxy);
        assertNull(DataWorksGlobalConfiguration.get().getDefaultPollInterval());
        assertNull(DataWorksGlobalConfiguration.get().getAllowedEndpoints());
        assertEquals(
                DataWorksGlobalConfiguration.DEFAULT_RATE_LIMIT,
                DataWorksGlobalConfiguration.get().rateLimitPerSecond());
        assertEquals(Clock.systemUTC(), DataWorksRuntime.get().clock(), "the runtime is on real time again");
    }
}
