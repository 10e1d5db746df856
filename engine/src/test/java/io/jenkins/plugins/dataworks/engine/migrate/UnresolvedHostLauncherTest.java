package io.jenkins.plugins.dataworks.engine.migrate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.jenkins.plugins.dataworks.emulator.scenario.Scenario;
import io.jenkins.plugins.dataworks.emulator.junit.DataWorksEmulatorExtension;
import io.jenkins.plugins.dataworks.engine.auth.AccessKeyCredentials;
import io.jenkins.plugins.dataworks.engine.client.AliyunDataWorksClient;
import io.jenkins.plugins.dataworks.engine.client.ClientSettings;
import io.jenkins.plugins.dataworks.engine.client.DataWorksClient;
import io.jenkins.plugins.dataworks.engine.client.Endpoint;
import io.jenkins.plugins.dataworks.engine.client.ExportSpec;
import io.jenkins.plugins.dataworks.engine.client.MigrationPage;
import io.jenkins.plugins.dataworks.engine.client.MigrationRef;
import io.jenkins.plugins.dataworks.engine.client.MigrationSummary;
import io.jenkins.plugins.dataworks.engine.client.MigrationType;
import io.jenkins.plugins.dataworks.engine.error.ApiException;
import io.jenkins.plugins.dataworks.engine.error.TransientApiException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A host that does not resolve, met by the promotion's calls: before any call reached DataWorks it
 * is the region, endpoint, VPC or proxy setting (one line, no retry); after, a DNS hiccup (retried).
 * Real SDK calls: to the emulator, and to a host under .invalid, which never resolves (RFC 6761).
 */
class UnresolvedHostLauncherTest {

    private static final String KEY_ID = "unresolved-key";
    private static final String KEY_SECRET = "unresolved-secret-value";
    private static final long SOURCE = 10001;
    private static final String UNRESOLVABLE = "https://dataworks.cn-shanghai.nowhere.invalid";
    private static final String CHECK = "and no call has reached DataWorks, so retrying will not help; check region,"
            + " endpoint and vpc (the VPC endpoint resolves only inside an Alibaba Cloud VPC), and the proxy (proxy)";

    @RegisterExtension
    final DataWorksEmulatorExtension emulator = DataWorksEmulatorExtension.withScenario(
            Scenario.builder().accessKey(KEY_ID, KEY_SECRET).project(SOURCE).build());

    private final List<Duration> sleeps = Collections.synchronizedList(new ArrayList<>());
    private final List<RetryNotice> notices = Collections.synchronizedList(new ArrayList<>());
    private DataWorksClient nowhere;
    private DataWorksClient reachable;

    @BeforeEach
    void connect() {
        nowhere = client(UNRESOLVABLE);
        reachable = client(emulator.endpoint().toString());
    }

    @AfterEach
    void disconnect() {
        nowhere.close();
        reachable.close();
    }

    private DataWorksClient client(String endpoint) {
        return AliyunDataWorksClient.create(ClientSettings.of(Endpoint.override("cn-shanghai", endpoint)),
                AccessKeyCredentials.of(KEY_ID, KEY_SECRET));
    }

    private MigrationLauncher launcher(DataWorksClient client) {
        return new MigrationLauncher(client, sleeps::add, 3, notices::add);
    }

    @Test
    void theNameCheckBeforeAPromotionFailsAtOnceNamingTheSettingsToCheck() {
        ApiException e = catchThrowableOfType(() -> launcher(nowhere).requireFreeName(SOURCE, "release-1"),
                ApiException.class);

        assertThat(e.getMessage()).isEqualTo("ListMigrations of EXPORT migrations in workspace 10001 failed:"
                + " SDK.ServerUnreachable: unknown host dataworks.cn-shanghai.nowhere.invalid, " + CHECK);
        assertThat(notices).as("no retry announced").isEmpty();
        assertThat(sleeps).as("no pause").isEmpty();
    }

    @Test
    void aCreateOrAStartAsFirstCallFailsAtOnceToo() {
        ApiException create = catchThrowableOfType(
                () -> launcher(nowhere).createExport(ExportSpec.full(SOURCE, "release-1")), ApiException.class);
        ApiException start = catchThrowableOfType(
                () -> launcher(nowhere).start(new MigrationRef(SOURCE, 20001)), ApiException.class);

        assertThat(create.getMessage()).startsWith("CreateExportMigration of 'release-1' in workspace 10001 failed:"
                + " SDK.ServerUnreachable: unknown host dataworks.cn-shanghai.nowhere.invalid, ").endsWith(CHECK);
        assertThat(start.getMessage()).startsWith("GetMigrationSummary for ").endsWith(CHECK);
        assertThat(notices).isEmpty();
        assertThat(sleeps).isEmpty();
        assertThat(emulator.emulator().calls()).as("nothing reached the service").isEmpty();
    }

    @Test
    void aHostThatStopsResolvingAfterAnAnswerIsRetriedAsTransient() {
        // The endpoint answers the first call, fails to resolve for the next one, then answers again.
        int[] calls = {0};
        DataWorksClient flaky = new DataWorksClient() {
            @Override
            public MigrationSummary getMigrationSummary(MigrationRef ref) {
                return reachable.getMigrationSummary(ref);
            }

            @Override
            public MigrationPage listMigrations(long projectId, MigrationType type, int pageNumber, int pageSize) {
                return (++calls[0] == 2 ? nowhere : reachable).listMigrations(projectId, type, pageNumber, pageSize);
            }

            @Override
            public void close() {}
        };

        int made = launcher(flaky).requireFreeName(SOURCE, "release-1");

        assertThat(made).as("exports, the failed imports call, imports again").isEqualTo(3);
        assertThat(notices).singleElement().satisfies(n -> assertThat(n.line()).contains("SDK.ServerUnreachable"));
        assertThat(sleeps).hasSize(1);
    }

    @Test
    void theClassifierStillCallsAnUnknownHostTransientForEveryoneElse() {
        TransientApiException e = catchThrowableOfType(
                () -> nowhere.listMigrations(SOURCE, MigrationType.EXPORT, 1, 10), TransientApiException.class);

        assertThat(e.errorCode()).isEqualTo("SDK.ServerUnreachable");
    }
}
