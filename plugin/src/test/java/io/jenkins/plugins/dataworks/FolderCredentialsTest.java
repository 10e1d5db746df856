package io.jenkins.plugins.dataworks;

import static io.jenkins.plugins.dataworks.AlibabaCloudCredentialsTest.ALIBABA_KEY_ID;
import static io.jenkins.plugins.dataworks.AlibabaCloudCredentialsTest.ALIBABA_KEY_SECRET;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.alibabacloud.credentials.plugin.auth.AlibabaCredentials;
import com.cloudbees.hudson.plugins.folder.Folder;
import com.cloudbees.hudson.plugins.folder.properties.FolderCredentialsProvider;
import com.cloudbees.plugins.credentials.CredentialsProvider;
import com.cloudbees.plugins.credentials.CredentialsScope;
import com.cloudbees.plugins.credentials.CredentialsStore;
import com.cloudbees.plugins.credentials.domains.Domain;
import com.cloudbees.plugins.credentials.impl.UsernamePasswordCredentialsImpl;
import hudson.model.ItemGroup;
import hudson.model.Result;
import io.jenkins.plugins.dataworks.emulator.junit.DataWorksEmulatorExtension;
import io.jenkins.plugins.dataworks.emulator.state.CallRecord;
import java.util.List;
import java.util.Map;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.BuildWatcherExtension;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/**
 * Credentials kept in a folder's store (docs/credentials.md, "Where to keep them"): a job in the
 * folder finds them, a job outside does not, for both kinds the plugin accepts. The Alibaba Cloud
 * type, hidden from jobs in the global store by the SYSTEM scope it reports, is found this way.
 */
@WithJenkins
class FolderCredentialsTest {

    @RegisterExtension
    static final BuildWatcherExtension BUILD_WATCHER = new BuildWatcherExtension();

    @RegisterExtension
    final DataWorksEmulatorExtension dataworks = DataWorksEmulatorExtension.withScenario(TestScenarios.docs())
            .configure(b -> b.accessKey(ALIBABA_KEY_ID, ALIBABA_KEY_SECRET));

    private static final String USERNAME_PASSWORD = "team-dataworks";
    private static final String ALIBABA = "team-alibaba";

    @Test
    void aJobInTheFolderFindsBothKindsAndAJobOutsideFindsNeither(JenkinsRule r) throws Exception {
        DataWorksTestEnvironment env = DataWorksTestEnvironment.install(r, dataworks.emulator(), dataworks.clock());
        DataWorksGlobalConfiguration.get()
                .setDefaultEndpoint(dataworks.emulator().endpoint().toString());
        Folder team = r.jenkins.createProject(Folder.class, "team");
        CredentialsStore store = folderStore(team);
        store.addCredentials(
                Domain.global(),
                new UsernamePasswordCredentialsImpl(
                        CredentialsScope.GLOBAL,
                        USERNAME_PASSWORD,
                        "team AccessKey",
                        DataWorksTestEnvironment.ACCESS_KEY_ID,
                        DataWorksTestEnvironment.ACCESS_KEY_SECRET));
        store.addCredentials(
                Domain.global(),
                new AlibabaCredentials(
                        CredentialsScope.GLOBAL, ALIBABA, ALIBABA_KEY_ID, ALIBABA_KEY_SECRET, "team Alibaba Cloud"));

        for (Map.Entry<String, String> kind : Map.of(
                        USERNAME_PASSWORD, DataWorksTestEnvironment.ACCESS_KEY_ID, ALIBABA, ALIBABA_KEY_ID)
                .entrySet()) {
            String id = kind.getKey();
            long callsBefore = dataworks.emulator().callCount("GetMigrationSummary");
            WorkflowRun inside =
                    env.drive(wait(team, "inside-" + id, id).scheduleBuild2(0).waitForStart());
            r.assertBuildStatusSuccess(r.waitForCompletion(inside));
            r.assertLogContains("result=SUCCESS", inside);
            List<CallRecord> calls = dataworks.emulator().calls().stream()
                    .filter(c -> c.action().equals("GetMigrationSummary"))
                    .skip(callsBefore)
                    .toList();
            assertTrue(calls.size() > 0);
            for (CallRecord c : calls) {
                assertEquals(kind.getValue(), c.accessKeyId(), id + " signed the calls: " + c);
            }

            long callsNow = dataworks.emulator().callCount("GetMigrationSummary");
            WorkflowRun outside = r.waitForCompletion(
                    wait(r.jenkins, "outside-" + id, id).scheduleBuild2(0).waitForStart());
            r.assertBuildStatus(Result.FAILURE, outside);
            r.assertLogContains("'" + id + "' was not found", outside);
            assertEquals(
                    callsNow, dataworks.emulator().callCount("GetMigrationSummary"), "no call without credentials");
        }
    }

    private static CredentialsStore folderStore(Folder folder) {
        for (CredentialsStore s : CredentialsProvider.lookupStores(folder)) {
            if (s.getProvider() instanceof FolderCredentialsProvider && s.getContext() == folder) {
                return s;
            }
        }
        throw new AssertionError("no credentials store in " + folder);
    }

    private static WorkflowJob wait(ItemGroup<?> parent, String name, String credentialsId) throws Exception {
        WorkflowJob job = parent instanceof Folder f
                ? f.createProject(WorkflowJob.class, name)
                : ((jenkins.model.Jenkins) parent).createProject(WorkflowJob.class, name);
        job.setDefinition(new CpsFlowDefinition("""
                def r = waitForDataWorksMigration projectId: 12345, migrationId: 1234,
                        credentialsId: '%s', region: 'cn-shanghai', download: 'NEVER'
                echo "result=${r.result}"
                """.formatted(credentialsId), true));
        return job;
    }
}
