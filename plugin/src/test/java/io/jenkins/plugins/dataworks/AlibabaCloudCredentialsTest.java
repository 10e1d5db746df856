package io.jenkins.plugins.dataworks;

import static io.jenkins.plugins.dataworks.TestScenarios.EXPORT_OK;
import static io.jenkins.plugins.dataworks.TestScenarios.PROJECT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.alibabacloud.credentials.plugin.auth.AlibabaCredentials;
import com.alibabacloud.credentials.plugin.auth.AlibabaSessionTokenCredentials;
import com.aliyuncs.DefaultAcsClient;
import com.aliyuncs.auth.BasicSessionCredentials;
import com.aliyuncs.profile.DefaultProfile;
import com.cloudbees.plugins.credentials.Credentials;
import com.cloudbees.plugins.credentials.CredentialsProvider;
import com.cloudbees.plugins.credentials.CredentialsScope;
import com.cloudbees.plugins.credentials.CredentialsStore;
import com.cloudbees.plugins.credentials.SystemCredentialsProvider;
import com.cloudbees.plugins.credentials.domains.Domain;
import com.cloudbees.plugins.credentials.impl.UsernamePasswordCredentialsImpl;
import hudson.model.Result;
import hudson.model.User;
import hudson.security.ACL;
import hudson.security.ACLContext;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import io.jenkins.plugins.dataworks.emulator.junit.DataWorksEmulatorExtension;
import io.jenkins.plugins.dataworks.emulator.state.CallRecord;
import io.jenkins.plugins.dataworks.engine.auth.AccessKeyCredentials;
import io.jenkins.plugins.dataworks.engine.auth.AssumeRoleCredentials;
import io.jenkins.plugins.dataworks.engine.auth.AssumeRoleSessionProvider;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import jenkins.security.QueueItemAuthenticatorConfiguration;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.flow.FlowDurabilityHint;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.jenkinsci.plugins.workflow.job.properties.DurabilityHintJobProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.MockQueueItemAuthenticator;

/**
 * The optional alibabacloud-credentials plugin's own types, signing real waits against the emulator.
 *
 * <p>That plugin's {@code AlibabaCredentials.getScope()} always answers SYSTEM, and Jenkins gives
 * SYSTEM-scoped credentials of the global store to Jenkins itself, never to jobs (see
 * docs/credentials.md). So the credentials the builds use live where the scope does not hide them:
 * in the credentials store of the user the job runs as (a QueueItemAuthenticator, as
 * authorize-project would configure). {@link #inTheGlobalStoreTheyAreHiddenFromJobsAsDocumented}
 * pins the global-store behaviour users will meet.
 *
 * <p>The STS type is built from a session the emulator's STS issued (its own constructor that
 * assumes a role would call the real Alibaba Cloud STS). It keeps the SecurityToken in a plain
 * String field, so whichever store holds it has the token in plain text: that plugin's choice, which
 * the secret checks below leave to it, while checking that nothing of ours writes the token.
 */
class AlibabaCloudCredentialsTest {

    @RegisterExtension
    static final SharedJenkins JENKINS = new SharedJenkins();

    static final String ALIBABA_KEY_ID = "alibaba-access-key";
    static final String ALIBABA_KEY_SECRET = "alibaba-secret-51c0e9d2-do-not-log";
    static final String ROLE = "acs:ram::1000000000000001:role/dataworks-ci";
    static final String RUNS_AS = "releaser";
    static final String JOB = "gate";
    static final String AK_CREDENTIALS = "alibaba-ak";
    static final String UP_CREDENTIALS = "alibaba-as-username-password";

    @RegisterExtension
    final DataWorksEmulatorExtension dataworks = DataWorksEmulatorExtension.withScenario(TestScenarios.scenario())
            .configure(b -> b.accessKey(ALIBABA_KEY_ID, ALIBABA_KEY_SECRET).role(ROLE));

    private JenkinsRule r;
    private DataWorksTestEnvironment env;

    @BeforeEach
    void setUp(JenkinsRule rule) throws Exception {
        r = rule;
        env = DataWorksTestEnvironment.install(r, dataworks.emulator(), dataworks.clock());
        r.jenkins.setSecurityRealm(r.createDummySecurityRealm()); // authorization stays unsecured
    }

    /** The job {@link #JOB}, whose builds run as {@link #RUNS_AS}, so they see that user's credentials store. */
    private WorkflowJob jobRunningAsTheUser(String script) throws Exception {
        WorkflowJob p = r.createProject(WorkflowJob.class, JOB);
        p.setDefinition(new CpsFlowDefinition(script, true));
        QueueItemAuthenticatorConfiguration.get()
                .getAuthenticators()
                .add(new MockQueueItemAuthenticator()
                        .authenticate(JOB, User.getById(RUNS_AS, true).impersonate2()));
        return p;
    }

    private static void storeForTheUser(Credentials... credentials) throws IOException {
        User user = User.getById(RUNS_AS, true);
        try (ACLContext ignored = ACL.as(user)) {
            CredentialsStore store =
                    CredentialsProvider.lookupStores(user).iterator().next();
            for (Credentials c : credentials) {
                assertTrue(store.addCredentials(Domain.global(), c), "stored " + c);
            }
        }
    }

    /** A session from the emulator's STS, assumed with the scenario's permanent key as a user would have done. */
    private BasicSessionCredentials assumeRole() {
        DefaultAcsClient sts = new DefaultAcsClient(DefaultProfile.getProfile(
                "cn-shanghai", DataWorksTestEnvironment.ACCESS_KEY_ID, DataWorksTestEnvironment.ACCESS_KEY_SECRET));
        try {
            AssumeRoleCredentials role = AssumeRoleCredentials.of(
                            AccessKeyCredentials.of(
                                    DataWorksTestEnvironment.ACCESS_KEY_ID, DataWorksTestEnvironment.ACCESS_KEY_SECRET),
                            ROLE,
                            "jenkins-test",
                            Duration.ofHours(1))
                    .withStsEndpoint(dataworks.endpoint().toString());
            return (BasicSessionCredentials) new AssumeRoleSessionProvider(
                            role, sts, "cn-shanghai", Duration.ofSeconds(10), Duration.ofSeconds(10), dataworks.clock())
                    .getCredentials();
        } finally {
            sts.shutdown();
        }
    }

    private String step(String credentialsId) {
        return "waitForDataWorksMigration " + args(credentialsId);
    }

    private String args(String credentialsId) {
        return "projectId: " + PROJECT + ", migrationId: " + EXPORT_OK + ", credentialsId: '" + credentialsId
                + "', endpoint: '" + dataworks.endpoint() + "'";
    }

    private List<CallRecord> summaryCalls() {
        return dataworks.emulator().calls().stream()
                .filter(c -> "GetMigrationSummary".equals(c.action()))
                .collect(Collectors.toList());
    }

    @Test
    void theAccessKeyTypeSignsAWaitThatDownloadsAndNoSecretIsWrittenAnywhere() throws Exception {
        storeForTheUser(new AlibabaCredentials(
                CredentialsScope.GLOBAL, AK_CREDENTIALS, ALIBABA_KEY_ID, ALIBABA_KEY_SECRET, "DataWorks gate"));
        WorkflowJob p = jobRunningAsTheUser("""
                def r = waitForDataWorksMigration %s
                echo "result=${r.result} status=${r.status} size=${r.packageSize}"
                echo "map=${r}"
                """.formatted(args(AK_CREDENTIALS)));
        WorkflowRun b = runGrepingTheBuildDirectoryMidWait(p, Set.of(ALIBABA_KEY_SECRET));
        r.assertLogContains("result=SUCCESS status=EXPORT_SUCCESS size=262144", b);
        r.assertLogContains("Downloading the export package", b);

        List<CallRecord> calls = summaryCalls();
        assertEquals(5, calls.size(), "the timeline's five polls");
        for (CallRecord c : calls) {
            assertEquals(ALIBABA_KEY_ID, c.accessKeyId(), "signed with the Alibaba Cloud AccessKey: " + c);
            assertEquals(200, c.httpStatus(), c.toString());
        }
        assertEquals(1, dataworks.emulator().downloadCount(), "the package was downloaded");

        Set<String> secrets = new LinkedHashSet<>(List.of(ALIBABA_KEY_SECRET));
        secrets.addAll(downloadSignatures(calls));
        assertNothingWritten(b, secrets, Set.of(ALIBABA_KEY_SECRET));
    }

    @Test
    void theStsTypeSignsWithItsSecurityTokenAndTheTokenIsWrittenNowhereOfOurs() throws Exception {
        BasicSessionCredentials session = assumeRole();
        assertTrue(session.getAccessKeyId().startsWith("STS."), session.getAccessKeyId());
        AlibabaSessionTokenCredentials sts = new AlibabaSessionTokenCredentials(
                session.getAccessKeyId(), session.getAccessKeySecret(), session.getSessionToken());
        storeForTheUser(sts);
        WorkflowJob p = jobRunningAsTheUser("""
                def r = waitForDataWorksMigration %s
                echo "result=${r.result} status=${r.status} size=${r.packageSize}"
                echo "map=${r}"
                """.formatted(args(sts.getId())));
        WorkflowRun b =
                runGrepingTheBuildDirectoryMidWait(p, Set.of(session.getAccessKeySecret(), session.getSessionToken()));
        r.assertLogContains("result=SUCCESS status=EXPORT_SUCCESS size=262144", b);

        // The emulator answers a session key only when the request carries that session's
        // SecurityToken (InvalidSecurityToken.MalFormed otherwise, see the next test): every poll
        // signed with the STS key and answered 200 proves the token went with it.
        List<CallRecord> calls = summaryCalls();
        assertEquals(5, calls.size());
        for (CallRecord c : calls) {
            assertEquals(session.getAccessKeyId(), c.accessKeyId(), "signed with the STS session: " + c);
            assertEquals(200, c.httpStatus(), c.toString());
        }
        assertEquals(1, dataworks.emulator().callCount("AssumeRole"), "only the test assumed the role");

        Set<String> secrets = new LinkedHashSet<>(List.of(session.getAccessKeySecret(), session.getSessionToken()));
        secrets.addAll(downloadSignatures(calls));
        // alibabacloud-credentials keeps the token in a plain String field (secretToken), so the
        // store holding it (the user's config.xml) has it in plain text: that plugin's choice, not
        // ours. Only the STS AccessKey secret, a hudson.util.Secret there, is checked in the store.
        assertNothingWritten(b, secrets, Set.of(session.getAccessKeySecret()));
    }

    @Test
    void aWrongSecurityTokenIsRejectedByTheEmulatorSoTheTokenIsReallyChecked() throws Exception {
        BasicSessionCredentials session = assumeRole();
        AlibabaSessionTokenCredentials tampered = new AlibabaSessionTokenCredentials(
                session.getAccessKeyId(), session.getAccessKeySecret(), session.getSessionToken() + "x");
        storeForTheUser(tampered);
        WorkflowJob p = jobRunningAsTheUser(step(tampered.getId()));
        WorkflowRun b = r.assertBuildStatus(
                Result.FAILURE,
                r.waitForCompletion(env.drive(p.scheduleBuild2(0).waitForStart())));
        r.assertLogContains("InvalidSecurityToken.MalFormed", b);
        List<CallRecord> calls = summaryCalls();
        assertFalse(calls.isEmpty());
        for (CallRecord c : calls) {
            assertEquals(session.getAccessKeyId(), c.accessKeyId());
            assertEquals("InvalidSecurityToken.MalFormed", c.code(), c.toString());
        }
        r.assertLogNotContains(session.getSessionToken(), b);
        r.assertLogNotContains(session.getAccessKeySecret(), b);
    }

    @Test
    void theDropDownListsBothAlibabaCloudTypesAndUsernamePassword() throws Exception {
        BasicSessionCredentials session = assumeRole();
        AlibabaSessionTokenCredentials sts = new AlibabaSessionTokenCredentials(
                session.getAccessKeyId(), session.getAccessKeySecret(), session.getSessionToken());
        storeForTheUser(
                new AlibabaCredentials(
                        CredentialsScope.GLOBAL, AK_CREDENTIALS, ALIBABA_KEY_ID, ALIBABA_KEY_SECRET, "ak"),
                sts,
                new UsernamePasswordCredentialsImpl(
                        CredentialsScope.USER, UP_CREDENTIALS, "up", ALIBABA_KEY_ID, ALIBABA_KEY_SECRET));
        WorkflowJob p = jobRunningAsTheUser(step(AK_CREDENTIALS));

        // The empty choice, then the credentials sorted by their names; the STS type's constructor
        // gives it a random id, so where it lands among the others varies: compare the ids as a set.
        List<String> expected = List.of("", AK_CREDENTIALS, sts.getId(), UP_CREDENTIALS);
        WaitForDataWorksMigrationStep.DescriptorImpl stepDescriptor =
                r.jenkins.getDescriptorByType(WaitForDataWorksMigrationStep.DescriptorImpl.class);
        DataWorksMigrationBuilder.DescriptorImpl builderDescriptor =
                r.jenkins.getDescriptorByType(DataWorksMigrationBuilder.DescriptorImpl.class);
        try (ACLContext ignored = ACL.as(User.getById(RUNS_AS, true))) {
            assertSameChoices(expected, values(stepDescriptor.doFillCredentialsIdItems(p, null)));
            assertSameChoices(expected, values(builderDescriptor.doFillCredentialsIdItems(p, null)));
        }
        // Each accepted id also passes the form check of the job.
        try (ACLContext ignored = ACL.as(User.getById(RUNS_AS, true))) {
            for (String id : expected.subList(1, expected.size())) {
                assertEquals(FormValidation.Kind.OK, stepDescriptor.doCheckCredentialsId(p, id).kind, id);
            }
        }
    }

    @Test
    void inTheGlobalStoreTheyAreHiddenFromJobsAsDocumented() throws Exception {
        SystemCredentialsProvider.getInstance()
                .getCredentials()
                .add(new AlibabaCredentials(
                        CredentialsScope.GLOBAL, AK_CREDENTIALS, ALIBABA_KEY_ID, ALIBABA_KEY_SECRET, "global"));
        SystemCredentialsProvider.getInstance().save();
        WaitForDataWorksMigrationStep.DescriptorImpl stepDescriptor =
                r.jenkins.getDescriptorByType(WaitForDataWorksMigrationStep.DescriptorImpl.class);
        // Jenkins itself (the global configuration, item null) sees them...
        try (ACLContext ignored = ACL.as2(ACL.SYSTEM2)) {
            assertTrue(
                    values(stepDescriptor.doFillCredentialsIdItems(null, null)).contains(AK_CREDENTIALS));
        }
        // ...a job does not: the AccessKey reports SYSTEM scope whatever the form said.
        WorkflowJob p = r.createProject(WorkflowJob.class);
        p.setDefinition(new CpsFlowDefinition(step(AK_CREDENTIALS), true));
        try (ACLContext ignored = ACL.as2(ACL.SYSTEM2)) {
            assertEquals(
                    List.of("", DataWorksTestEnvironment.CREDENTIALS_ID),
                    values(stepDescriptor.doFillCredentialsIdItems(p, null)));
        }
        WorkflowRun b = r.assertBuildStatus(
                Result.FAILURE,
                r.waitForCompletion(env.drive(p.scheduleBuild2(0).waitForStart())));
        r.assertLogContains("'" + AK_CREDENTIALS + "' was not found", b);
        assertEquals(0, dataworks.emulator().callCount("GetMigrationSummary"));
    }

    /**
     * Runs the build with the most durable Pipeline setting (every flow node and the program saved as
     * the build goes), and while the wait is polling (three of five polls done) checks that none of
     * {@code secrets} is in program.dat, build.xml, workflow/*.xml or the log; then drives the build
     * to its successful end.
     */
    private WorkflowRun runGrepingTheBuildDirectoryMidWait(WorkflowJob p, Set<String> secrets) throws Exception {
        p.addProperty(new DurabilityHintJobProperty(FlowDurabilityHint.MAX_SURVIVABILITY));
        WorkflowRun b = p.scheduleBuild2(0).waitForStart();
        env.driveUntilCalls(EXPORT_OK, 3);
        Path dir = b.getRootDir().toPath();
        Path program = dir.resolve("program.dat");
        DataWorksTestEnvironment.awaitEvent(
                Duration.ofMinutes(1), () -> Files.isRegularFile(program), program + " was never written");
        List<Path> midWait = files(dir, f -> true);
        assertTrue(midWait.contains(dir.resolve("build.xml")), "build.xml: " + midWait);
        assertTrue(midWait.contains(dir.resolve("log")), "log: " + midWait);
        assertTrue(
                midWait.stream().anyMatch(f -> f.getParent().equals(dir.resolve("workflow"))),
                "workflow/*.xml: " + midWait);
        assertTrue(b.isBuilding(), "still waiting");
        assertNoneIn(midWait, secrets);
        return r.assertBuildStatusSuccess(r.waitForCompletion(env.drive(b)));
    }

    private static void assertSameChoices(List<String> expected, List<String> actual) {
        assertEquals(expected.size(), actual.size(), "no duplicates, nothing else: " + actual);
        assertEquals(expected.get(0), actual.get(0), "the empty choice first: " + actual);
        assertEquals(new TreeSet<>(expected), new TreeSet<>(actual));
    }

    private static List<String> values(ListBoxModel m) {
        return m.stream().map(o -> o.value).collect(Collectors.toList());
    }

    /**
     * The Signature of every download URL the emulator handed out: each GetMigrationSummary at
     * EXPORT_SUCCESS minted one valid for the scenario's TTL from that call's (virtual) time.
     */
    private Set<String> downloadSignatures(List<CallRecord> calls) {
        Duration ttl = dataworks.emulator().scenario().downloadUrlTtl();
        Set<String> signatures = new LinkedHashSet<>();
        for (CallRecord c : calls) {
            if (c.migrationId() != null && c.migrationId() == EXPORT_OK && c.httpStatus() == 200) {
                String url = dataworks.emulator().presign(EXPORT_OK, "GET", c.at().plus(ttl), Map.of());
                String encoded = url.substring(url.indexOf("Signature=") + "Signature=".length());
                signatures.add(encoded);
                signatures.add(java.net.URLDecoder.decode(encoded, StandardCharsets.UTF_8));
            }
        }
        assertFalse(signatures.isEmpty());
        return signatures;
    }

    /**
     * None of {@code secrets} is in the log, in any file of the build directory, or in any *.xml of
     * the controller outside the credentials stores; the stores (credentials.xml, the user's
     * config.xml) hold none of {@code encryptedInStores} in plain text.
     */
    private void assertNothingWritten(WorkflowRun b, Set<String> secrets, Set<String> encryptedInStores)
            throws Exception {
        for (String s : secrets) {
            assertTrue(s.length() >= 8, "a secret too short to search for");
            assertFalse(JenkinsRule.getLog(b).contains(s), "a secret is in the log");
        }
        // At the end program.dat is gone and the flow nodes may be compacted (workflow-completed/).
        List<Path> buildFiles = files(b.getRootDir().toPath(), f -> true);
        assertTrue(buildFiles.stream().anyMatch(f -> f.endsWith("build.xml")), "build.xml: " + buildFiles);
        assertTrue(buildFiles.stream().anyMatch(f -> f.endsWith("log")), "log: " + buildFiles);
        assertNoneIn(buildFiles, secrets);

        Path home = r.jenkins.getRootDir().toPath();
        Path userConfig = User.getById(RUNS_AS, true).getUserFolder().toPath().resolve("config.xml");
        Path systemStore = home.resolve("credentials.xml");
        Set<Path> stores = Set.of(systemStore, userConfig);
        List<Path> xml = files(home, f -> f.getFileName().toString().endsWith(".xml"));
        assertTrue(xml.contains(userConfig), "the user's store was written: " + userConfig);
        assertTrue(xml.contains(systemStore), "the system store was written");
        assertNoneIn(xml.stream().filter(f -> !stores.contains(f)).collect(Collectors.toList()), secrets);
        assertNoneIn(List.copyOf(stores), encryptedInStores);
    }

    /**
     * The regular files under {@code root}. Jenkins keeps writing while a build runs, and an atomic
     * write's temporary file may be gone by the time the walk looks at it: its content is in the file
     * it was renamed to, which the walk sees.
     */
    private static List<Path> files(Path root, java.util.function.Predicate<Path> filter) throws IOException {
        List<Path> found = new ArrayList<>();
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                if (attrs.isRegularFile() && filter.test(file)) {
                    found.add(file);
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
                if (e instanceof NoSuchFileException) {
                    return FileVisitResult.CONTINUE; // renamed or deleted meanwhile
                }
                throw e;
            }
        });
        return found;
    }

    private static void assertNoneIn(List<Path> files, Set<String> secrets) throws IOException {
        List<String> found = new ArrayList<>();
        for (Path f : files) {
            String content;
            try {
                content = Files.readString(f, StandardCharsets.ISO_8859_1);
            } catch (NoSuchFileException e) {
                continue; // a temporary file of an atomic write, renamed meanwhile
            }
            int i = 0;
            for (String s : secrets) {
                if (content.contains(s) || content.contains(URLEncoder.encode(s, StandardCharsets.UTF_8))) {
                    found.add("secret #" + i + " in " + f); // never the secret itself
                }
                i++;
            }
        }
        assertEquals(List.of(), found);
    }
}
