package io.jenkins.plugins.dataworks;

import static io.jenkins.plugins.dataworks.TestScenarios.EXPORT_OK;
import static io.jenkins.plugins.dataworks.TestScenarios.PROJECT;
import static io.jenkins.plugins.dataworks.TestScenarios.TARGET;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.cloudbees.plugins.credentials.CredentialsProvider;
import com.cloudbees.plugins.credentials.CredentialsScope;
import com.cloudbees.plugins.credentials.domains.Domain;
import com.cloudbees.plugins.credentials.impl.UsernamePasswordCredentialsImpl;
import hudson.model.Item;
import hudson.model.Label;
import hudson.model.Result;
import hudson.model.User;
import hudson.security.ACL;
import hudson.security.ACLContext;
import io.jenkins.plugins.dataworks.emulator.junit.DataWorksEmulatorExtension;
import io.jenkins.plugins.dataworks.emulator.scenario.UploadFault;
import io.jenkins.plugins.dataworks.emulator.state.MigrationInfo;
import java.util.ArrayList;
import java.util.List;
import jenkins.model.Jenkins;
import jenkins.security.QueueItemAuthenticatorConfiguration;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.MockAuthorizationStrategy;
import org.jvnet.hudson.test.MockQueueItemAuthenticator;
import org.jvnet.hudson.test.junit.jupiter.BuildWatcherExtension;

/** createDataWorksImport end to end: the package uploaded from an agent or an artifact to the emulator's OSS. */
class CreateDataWorksImportStepTest {

    @RegisterExtension
    static final SharedJenkins JENKINS = new SharedJenkins();

    @RegisterExtension
    static final BuildWatcherExtension BUILD_WATCHER = new BuildWatcherExtension();

    @RegisterExtension
    final DataWorksEmulatorExtension dataworks = DataWorksEmulatorExtension.withScenario(TestScenarios.scenario());

    private JenkinsRule r;
    private DataWorksTestEnvironment env;

    @BeforeEach
    void setUp(JenkinsRule rule) throws Exception {
        r = rule;
        env = DataWorksTestEnvironment.install(r, dataworks.emulator(), dataworks.clock());
    }

    private WorkflowRun run(String name, String script) throws Exception {
        WorkflowJob p = r.createProject(WorkflowJob.class, name);
        p.setDefinition(new CpsFlowDefinition(script, true));
        WorkflowRun b = env.drive(p.scheduleBuild2(0).waitForStart());
        r.waitUntilNoActivity();
        return b;
    }

    private List<MigrationInfo> named(String name) {
        return dataworks.emulator().migrations().stream()
                .filter(m -> m.name().equals(name))
                .toList();
    }

    private String failureLine(WorkflowRun b, String parameter) throws Exception {
        r.assertBuildStatus(Result.FAILURE, b);
        String log = JenkinsRule.getLog(b);
        List<String> errors = log.lines().filter(l -> l.startsWith("ERROR: ")).toList();
        assertEquals(1, errors.size(), log);
        assertTrue(errors.get(0).contains(parameter), errors.get(0));
        assertFalse(log.contains("\tat "), "no stack trace: " + log);
        return errors.get(0);
    }

    @Test
    void aPackageInTheAgentsWorkspaceIsUploadedThereImportedAndStarted() throws Exception {
        r.createOnlineSlave(Label.get("remote"));
        WorkflowRun b =
                r.assertBuildStatusSuccess(run("release", """
                node('remote') {
                  waitForDataWorksMigration projectId: %1$d, migrationId: %2$d, artifactName: 'release.zip', %4$s
                  def id = createDataWorksImport projectId: %3$d, name: 'release_import_1', packageFile: 'release.zip',
                      commitRule: '{"resourceAutoCommit": true}', workspaceMap: '{"dev": "prod"}', %4$s
                  echo "imported=${id}"
                  startDataWorksMigration projectId: %3$d, migrationId: id, %4$s
                  def w = waitForDataWorksMigration projectId: %3$d, migrationId: id, %4$s
                  echo "import=${w.status}"
                }
                """.formatted(PROJECT, EXPORT_OK, TARGET, env.connection())));
        List<MigrationInfo> imports = named("release_import_1");
        assertEquals(1, imports.size());
        MigrationInfo m = imports.get(0);
        assertEquals("IMPORT", m.type().name());
        assertEquals(TARGET, m.projectId());
        r.assertLogContains("imported=" + m.id(), b);
        r.assertLogContains("Uploading release.zip (256.00 KiB) and creating the DataWorks import migration", b);
        r.assertLogContains("import=IMPORT_SUCCESS", b);
        assertEquals(1, dataworks.emulator().uploads().size(), "uploaded once");
        assertEquals(1, dataworks.emulator().callCount("CreateImportMigration"));
        List<String> secrets = new ArrayList<>(env.grantSecrets);
        assertEquals(2, secrets.size(), "one grant: its policy and signature");
        secrets.add(DataWorksTestEnvironment.ACCESS_KEY_SECRET);
        SecretFiles.assertNothingWritten(r, b, secrets);
    }

    @Test
    void anArtifactOfAnEarlierBuildIsUploadedFromTheController() throws Exception {
        r.assertBuildStatusSuccess(run("dev-export", """
                waitForDataWorksMigration projectId: %d, migrationId: %d, artifactName: 'release.zip', %s
                """.formatted(PROJECT, EXPORT_OK, env.connection())));
        WorkflowRun b = r.assertBuildStatusSuccess(run("prod-import", """
                def id = createDataWorksImport projectId: %d, name: 'from_artifact', artifact: 'release.zip',
                    fromJob: 'dev-export', fromBuild: 'lastSuccessfulBuild', %s
                echo "imported=${id}"
                """.formatted(TARGET, env.connection())));
        List<MigrationInfo> imports = named("from_artifact");
        assertEquals(1, imports.size());
        r.assertLogContains("imported=" + imports.get(0).id(), b);
        r.assertLogContains("Uploading artifact 'release.zip' of dev-export, build lastSuccessfulBuild", b);
    }

    /**
     * The artifact is read as the build's user (a QueueItemAuthenticator, as Authorize Project sets
     * it up): a job it may not read is as good as missing, and artifacts it may not read are refused.
     */
    @Test
    void anArtifactTheBuildsUserMayNotReadIsRefusedBeforeAnyCall() throws Exception {
        r.assertBuildStatusSuccess(run("dev-export", """
                waitForDataWorksMigration projectId: %d, migrationId: %d, artifactName: 'release.zip', %s
                """.formatted(PROJECT, EXPORT_OK, env.connection())));
        WorkflowJob prod = r.createProject(WorkflowJob.class, "prod-import");
        prod.setDefinition(new CpsFlowDefinition("""
                createDataWorksImport projectId: %d, name: 'stolen', artifact: 'release.zip', fromJob: 'dev-export', %s
                """.formatted(TARGET, env.connection()), true));
        String user = "releaser";
        r.jenkins.setSecurityRealm(r.createDummySecurityRealm());
        MockAuthorizationStrategy auth = new MockAuthorizationStrategy()
                .grant(Jenkins.ADMINISTER)
                .everywhere()
                .to("admin")
                .grant(Jenkins.READ, CredentialsProvider.USE_OWN, CredentialsProvider.CREATE)
                .everywhere()
                .to(user)
                .grant(Item.READ, Item.BUILD)
                .onItems(prod)
                .to(user);
        r.jenkins.setAuthorizationStrategy(auth);
        QueueItemAuthenticatorConfiguration.get()
                .getAuthenticators()
                .add(new MockQueueItemAuthenticator()
                        .authenticate("prod-import", User.getById(user, true).impersonate2()));
        try (ACLContext ignored = ACL.as(User.getById(user, true))) {
            CredentialsProvider.lookupStores(User.getById(user, true))
                    .iterator()
                    .next()
                    .addCredentials(
                            Domain.global(),
                            new UsernamePasswordCredentialsImpl(
                                    CredentialsScope.USER,
                                    DataWorksTestEnvironment.CREDENTIALS_ID,
                                    "the user's",
                                    DataWorksTestEnvironment.ACCESS_KEY_ID,
                                    DataWorksTestEnvironment.ACCESS_KEY_SECRET));
        }
        long callsBefore = dataworks.emulator().calls().size();

        WorkflowRun hidden = env.drive(prod.scheduleBuild2(0).waitForStart());
        r.waitUntilNoActivity();
        String line = failureLine(hidden, "fromJob");
        assertTrue(line.contains("'dev-export' was not found, or this build may not read it"), line);

        auth.grant(Item.READ)
                .onItems(r.jenkins.getItemByFullName("dev-export", WorkflowJob.class))
                .to(user);
        WorkflowRun noArtifacts = env.drive(prod.scheduleBuild2(0).waitForStart());
        r.waitUntilNoActivity();
        line = failureLine(noArtifacts, "artifact");
        assertTrue(line.contains("may not be read by this build: its user needs Run/Artifacts"), line);

        assertEquals(
                List.of(),
                dataworks.emulator().calls().stream()
                        .skip(callsBefore)
                        .filter(c -> !c.action().equals("ListMigrations"))
                        .map(c -> c.action())
                        .toList(),
                "no grant, no upload, no create");
        assertEquals(List.of(), named("stolen"));
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "packageFile: 'missing.zip'                          | packageFile | does not exist",
                "packageFile: 'empty.zip'                            | packageFile | is empty",
                "packageFile: 'big.zip', maxUploadBytes: 100         | packageFile | raise maxUploadBytes",
                "packageFile: 'big.zip', commitRule: '{resourceAutoCommit: yes'    | commitRule | is not valid JSON",
                "packageFile: 'big.zip', commitRule: '{\"autoPublish\": true}'     | commitRule | has the unknown key 'autoPublish'",
                "packageFile: 'big.zip', calculateEngineMap: '[\"odps\"]'          | calculateEngineMap | not a JSON object",
                "packageFile: 'big.zip', resourceGroupMap: '{\"a\": 1}'             | resourceGroupMap | every value must be a string",
                "packageFile: 'big.zip', workspaceMap: 'dev=prod'                   | workspaceMap | is not valid JSON",
                "name: '', packageFile: 'big.zip'                                   | name | is missing",
                "description: 'no package'                                          | packageFile | is missing",
                "packageFile: 'big.zip', artifact: 'release.zip'                    | packageFile | use one of them",
                "packageFile: 'big.zip', fromJob: 'dev-export'                      | fromJob | only applies to artifact",
                "artifact: 'release.zip', fromJob: 'no-such-job'                    | fromJob | was not found",
            })
    void badInputFailsInOneLineNamingTheParameterAndCreatesNothing(String options, String parameter, String problem)
            throws Exception {
        String withName = options.contains("name:") ? options : "name: 'bad_import', " + options;
        WorkflowRun b = run("bad", """
                node {
                  writeFile file: 'empty.zip', text: ''
                  writeFile file: 'big.zip', text: 'x' * 1000
                  createDataWorksImport projectId: %d, %s, %s
                }
                """.formatted(TARGET, withName, env.connection()));
        String line = failureLine(b, parameter);
        assertTrue(line.contains(problem), line);
        assertEquals(
                List.of(),
                dataworks.emulator().calls().stream()
                        .filter(c -> !c.action().equals("ListMigrations"))
                        .map(c -> c.action())
                        .toList(),
                "no grant, no upload, no create");
        assertEquals(0, dataworks.emulator().uploads().size());
    }

    @Test
    void anUploadCutOffEveryTimeFailsInOneLineAndCreatesNoImport() throws Exception {
        dataworks.emulator().inject(UploadFault.closeAfter(500).always());
        WorkflowRun b = run("cut", """
                node {
                  writeFile file: 'pkg.zip', text: 'x' * 4000
                  createDataWorksImport projectId: %d, name: 'cut_upload', packageFile: 'pkg.zip', %s
                }
                """.formatted(TARGET, env.connection()));
        String line = failureLine(b, "pkg.zip");
        assertTrue(line.contains("upload"), line);
        assertEquals(0, dataworks.emulator().callCount("CreateImportMigration"), "no import without its package");
        assertEquals(List.of(), named("cut_upload"));
        List<String> secrets = new ArrayList<>(env.grantSecrets);
        assertFalse(secrets.isEmpty());
        SecretFiles.assertNothingWritten(r, b, secrets);
    }

    @Test
    void aThrottledAuthorizeFileUploadIsRetriedAndTheImportMadeOnce() throws Exception {
        dataworks
                .emulator()
                .inject(io.jenkins.plugins.dataworks.emulator.scenario.Fault.throttling("Throttling.User")
                        .onAction("AuthorizeFileUpload")
                        .times(2));
        WorkflowRun b = r.assertBuildStatusSuccess(run("throttled", """
                node {
                  writeFile file: 'pkg.zip', text: 'x' * 4000
                  echo "id=${createDataWorksImport projectId: %d, name: 'throttled_grant', packageFile: 'pkg.zip', %s}"
                }
                """.formatted(TARGET, env.connection())));
        assertEquals(3, dataworks.emulator().callCount("AuthorizeFileUpload"), "two refusals, then the grant");
        List<MigrationInfo> imports = named("throttled_grant");
        assertEquals(1, imports.size());
        r.assertLogContains("id=" + imports.get(0).id(), b);
        assertEquals(1, dataworks.emulator().uploads().size(), "uploaded once, under the one grant");
        // Each retry is one line: the pause is explained.
        r.assertLogContains("AuthorizeFileUpload throttled (Throttling.User); retrying in 1s, attempt 2 of 4", b);
        r.assertLogContains("AuthorizeFileUpload throttled (Throttling.User); retrying in 2s, attempt 3 of 4", b);
    }
}
