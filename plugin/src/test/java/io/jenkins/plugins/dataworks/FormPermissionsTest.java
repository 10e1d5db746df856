package io.jenkins.plugins.dataworks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.cloudbees.plugins.credentials.CredentialsProvider;
import com.cloudbees.plugins.credentials.CredentialsScope;
import com.cloudbees.plugins.credentials.SystemCredentialsProvider;
import com.cloudbees.plugins.credentials.impl.UsernamePasswordCredentialsImpl;
import hudson.model.FreeStyleProject;
import hudson.model.Item;
import hudson.model.User;
import hudson.security.ACL;
import hudson.security.ACLContext;
import hudson.security.AccessDeniedException3;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import java.util.List;
import java.util.stream.Collectors;
import jenkins.model.Jenkins;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.MockAuthorizationStrategy;

/** Who sees the credentials list and who may run validations that read configuration or call the service. */
class FormPermissionsTest {

    @RegisterExtension
    static final SharedJenkins JENKINS = new SharedJenkins();

    private JenkinsRule r;
    private FreeStyleProject job;
    private WaitForDataWorksMigrationStep.DescriptorImpl step;

    @BeforeEach
    void setUp(JenkinsRule rule) throws Exception {
        r = rule;
        r.jenkins.setSecurityRealm(r.createDummySecurityRealm());
        job = r.createFreeStyleProject("job");
        r.jenkins.setAuthorizationStrategy(new MockAuthorizationStrategy()
                .grant(Jenkins.ADMINISTER)
                .everywhere()
                .to("admin")
                .grant(Jenkins.READ, Item.READ, Item.CONFIGURE, Item.EXTENDED_READ)
                .everywhere()
                .to("configurer")
                .grant(Jenkins.READ, Item.READ, CredentialsProvider.USE_ITEM)
                .everywhere()
                .to("user")
                .grant(Jenkins.READ, Item.READ)
                .everywhere()
                .to("reader"));
        SystemCredentialsProvider.getInstance()
                .getCredentials()
                .add(new UsernamePasswordCredentialsImpl(
                        CredentialsScope.GLOBAL, "dataworks-prod", "prod", "LTAI-not-real", "not-a-real-secret"));
        SystemCredentialsProvider.getInstance().save();
        step = r.jenkins.getDescriptorByType(WaitForDataWorksMigrationStep.DescriptorImpl.class);
    }

    private List<String> credentialsAs(String user, Item item, String current) {
        try (ACLContext ignored = ACL.as(User.getById(user, true))) {
            ListBoxModel m = step.doFillCredentialsIdItems(item, current);
            return m.stream().map(o -> o.value).collect(Collectors.toList());
        }
    }

    @Test
    void theCredentialsListFollowsTheConsumerGuide() {
        assertEquals(List.of("", "dataworks-prod"), credentialsAs("admin", null, null));
        assertEquals(List.of("", "dataworks-prod"), credentialsAs("configurer", job, null));
        assertEquals(List.of("", "dataworks-prod"), credentialsAs("user", job, null));
        assertEquals(List.of("kept"), credentialsAs("reader", job, "kept"), "only the current value");
        // Without an item only administrators see the list; anyone else gets the current value
        // back, here the empty one, as the consumer guide's includeCurrentValue answers.
        assertEquals(List.of(""), credentialsAs("configurer", null, null), "no item: administrators only");
        assertEquals(List.of("kept"), credentialsAs("configurer", null, "kept"), "no item: only the current value");
    }

    @Test
    void validationsRevealNothingWithoutConfigurePermission() {
        try (ACLContext ignored = ACL.as(User.getById("reader", true))) {
            assertEquals(FormValidation.Kind.OK, step.doCheckCredentialsId(job, "missing").kind);
            assertEquals(FormValidation.Kind.OK, step.doCheckEndpoint(job, "https://x.example", "cn-shanghai").kind);
        }
        try (ACLContext ignored = ACL.as(User.getById("configurer", true))) {
            FormValidation missing = step.doCheckCredentialsId(job, "missing");
            assertEquals(FormValidation.Kind.ERROR, missing.kind);
            assertTrue(missing.getMessage().contains("missing"), missing.getMessage());
            assertEquals(FormValidation.Kind.OK, step.doCheckCredentialsId(job, "dataworks-prod").kind);
            assertEquals(
                    FormValidation.Kind.ERROR,
                    step.doCheckEndpoint(job, "https://x.example", "cn-shanghai").kind,
                    "not allowed by the admin");
        }
    }

    @Test
    void theLaunchingStepsValidationsRevealNothingWithoutConfigurePermission() {
        CreateDataWorksImportStep.DescriptorImpl imports =
                r.jenkins.getDescriptorByType(CreateDataWorksImportStep.DescriptorImpl.class);
        CreateDataWorksExportStep.DescriptorImpl export =
                r.jenkins.getDescriptorByType(CreateDataWorksExportStep.DescriptorImpl.class);
        PromoteDataWorksMigrationStep.DescriptorImpl promote =
                r.jenkins.getDescriptorByType(PromoteDataWorksMigrationStep.DescriptorImpl.class);
        try (ACLContext ignored = ACL.as(User.getById("reader", true))) {
            assertEquals(FormValidation.Kind.OK, imports.doCheckCommitRule(job, "{").kind);
            assertEquals(FormValidation.Kind.OK, imports.doCheckCredentialsId(job, "missing").kind);
            assertEquals(
                    FormValidation.Kind.OK, export.doCheckIncrementalSince(job, "2026-03-01T00:00:00Z", "FULL").kind);
            assertEquals(FormValidation.Kind.OK, promote.doCheckWorkspaceMap(job, "[").kind);
        }
        try (ACLContext ignored = ACL.as(User.getById("configurer", true))) {
            FormValidation commitRule = imports.doCheckCommitRule(job, "{\"autoPublish\": true}");
            assertEquals(FormValidation.Kind.ERROR, commitRule.kind);
            assertTrue(commitRule.getMessage().contains("commitRule has the unknown key"), commitRule.getMessage());
            assertEquals(FormValidation.Kind.OK, imports.doCheckCommitRule(job, "{\"resourceAutoCommit\": true}").kind);
            FormValidation map = imports.doCheckCalculateEngineMap(job, "{\"a\": 1}");
            assertEquals(FormValidation.Kind.ERROR, map.kind);
            assertTrue(map.getMessage().contains("calculateEngineMap"), map.getMessage());
            FormValidation since = export.doCheckIncrementalSince(job, "2026-03-01T00:00:00Z", "FULL");
            assertEquals(FormValidation.Kind.ERROR, since.kind);
            assertTrue(since.getMessage().contains("incrementalSince only applies to exportMode"), since.getMessage());
            assertEquals(
                    FormValidation.Kind.OK,
                    export.doCheckIncrementalSince(job, "2026-03-01T00:00:00Z", "INCREMENTAL").kind);
            assertEquals(FormValidation.Kind.ERROR, export.doCheckName(job, " ").kind);
            assertEquals(FormValidation.Kind.ERROR, promote.doCheckTargetProjectId(job, "0").kind);
        }
    }

    @Test
    void testConnectionNeedsConfigureOnTheJobOrAdministerWithoutOne() {
        try (ACLContext ignored = ACL.as(User.getById("user", true))) {
            assertThrows(
                    AccessDeniedException3.class,
                    () -> step.doTestConnection(job, "1", "2", "dataworks-prod", "cn-shanghai", null, false));
        }
        try (ACLContext ignored = ACL.as(User.getById("configurer", true))) {
            assertThrows(
                    AccessDeniedException3.class,
                    () -> step.doTestConnection(null, "1", "2", "dataworks-prod", "cn-shanghai", null, false));
            FormValidation bad = step.doTestConnection(job, "0", "2", "dataworks-prod", "cn-shanghai", null, false);
            assertEquals(FormValidation.Kind.ERROR, bad.kind, "bad input is reported before any call");
            assertTrue(bad.getMessage().contains("projectId"), bad.getMessage());
        }
    }
}
