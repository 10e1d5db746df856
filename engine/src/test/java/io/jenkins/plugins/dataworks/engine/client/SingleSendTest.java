package io.jenkins.plugins.dataworks.engine.client;

import static io.jenkins.plugins.dataworks.emulator.scenario.Scenarios.DEMO_ACCESS_KEY_ID;
import static io.jenkins.plugins.dataworks.emulator.scenario.Scenarios.DEMO_ACCESS_KEY_SECRET;
import static io.jenkins.plugins.dataworks.emulator.scenario.Scenarios.DEMO_PROJECT_ID;
import static io.jenkins.plugins.dataworks.emulator.scenario.Scenarios.DEMO_TARGET_PROJECT_ID;
import static io.jenkins.plugins.dataworks.engine.client.AliyunDataWorksClientTest.DEMO;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.jenkins.plugins.dataworks.emulator.DataWorksEmulator;
import io.jenkins.plugins.dataworks.emulator.junit.DataWorksEmulatorExtension;
import io.jenkins.plugins.dataworks.emulator.proxy.ForwardingProxy;
import io.jenkins.plugins.dataworks.emulator.scenario.Fault;
import io.jenkins.plugins.dataworks.emulator.scenario.Scenarios;
import io.jenkins.plugins.dataworks.emulator.scenario.SecondStart;
import io.jenkins.plugins.dataworks.emulator.state.CallRecord;
import io.jenkins.plugins.dataworks.emulator.state.MigrationInfo;
import io.jenkins.plugins.dataworks.engine.auth.AccessKeyCredentials;
import io.jenkins.plugins.dataworks.engine.error.AuthenticationException;
import io.jenkins.plugins.dataworks.engine.error.DataWorksException;
import io.jenkins.plugins.dataworks.engine.error.ErrorClassifier;
import io.jenkins.plugins.dataworks.engine.error.TransientApiException;
import io.jenkins.plugins.dataworks.engine.migrate.MigrationLauncher;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The client's transport sends each write once, whatever happens to the connection, and may still
 * repeat a read, as the JDK always did. The emulator here has no nonce replay check, so a request
 * sent twice would be performed twice and both copies would be in its call log.
 */
class SingleSendTest {

    @RegisterExtension
    final DataWorksEmulatorExtension emulator = DataWorksEmulatorExtension.withScenario(Scenarios.demo())
            .configure(b -> b.configureScenario(s -> s.checkNonces(false).secondStart(SecondStart.RUN_AGAIN)));

    private DataWorksEmulator emu() {
        return emulator.emulator();
    }

    private AliyunDataWorksClient client(Duration readTimeout, ProxySettings proxy) {
        return AliyunDataWorksClient.create(
                ClientSettings.of(Endpoint.override("cn-shanghai", emulator.endpoint().toString()))
                        .withTimeouts(Duration.ofSeconds(5), readTimeout).withProxy(proxy),
                AccessKeyCredentials.of(DEMO_ACCESS_KEY_ID, DEMO_ACCESS_KEY_SECRET), emulator.clock());
    }

    private List<CallRecord> calls(String action) {
        return emu().calls().stream().filter(c -> c.action().equals(action)).toList();
    }

    private List<MigrationInfo> named(String name) {
        return emu().migrations().stream().filter(m -> m.name().equals(name)).toList();
    }

    /** The write failed ambiguously, and the service saw exactly one copy of it. */
    private static void assertAmbiguous(DataWorksException e) {
        assertThat(e).isInstanceOf(TransientApiException.class);
        assertThat(ErrorClassifier.mayHaveTakenEffect(e)).isTrue();
        assertThat(e.getMessage()).doesNotContain("\n", DEMO_ACCESS_KEY_SECRET);
    }

    @Test
    void aCreateExportWhoseConnectionDropsIsSentOnce() {
        emu().inject(Fault.performedNoAnswer().onAction("CreateExportMigration"));
        try (AliyunDataWorksClient client = client(Duration.ofSeconds(30), null)) {
            assertAmbiguous(catchThrowableOfType(DataWorksException.class,
                    () -> client.createExportMigration(ExportSpec.full(DEMO_PROJECT_ID, "dropped"))));
        }
        assertThat(calls("CreateExportMigration")).singleElement()
                .satisfies(c -> assertThat(c.fault()).isEqualTo("PERFORMED_NO_ANSWER"));
        assertThat(named("dropped")).hasSize(1);
    }

    @Test
    void aCreateImportWhoseConnectionDropsIsSentOnce() {
        emu().inject(Fault.performedNoAnswer().onAction("CreateImportMigration"));
        try (AliyunDataWorksClient client = client(Duration.ofSeconds(30), null)) {
            String packageFile = client.authorizeFileUpload().packageFile();
            assertAmbiguous(catchThrowableOfType(DataWorksException.class,
                    () -> client.createImportMigration(ImportSpec.of(DEMO_TARGET_PROJECT_ID, "dropped"), packageFile)));
        }
        assertThat(calls("CreateImportMigration")).hasSize(1);
        assertThat(named("dropped")).hasSize(1);
    }

    @Test
    void aStartWhoseConnectionDropsIsSentOnceEvenWhereASecondStartRunsTheMigrationAgain() {
        try (AliyunDataWorksClient client = client(Duration.ofSeconds(30), null)) {
            MigrationRef ref = client.createExportMigration(ExportSpec.full(DEMO_PROJECT_ID, "start-dropped"));
            emu().inject(Fault.performedNoAnswer().onAction("StartMigration"));

            assertAmbiguous(catchThrowableOfType(DataWorksException.class, () -> client.startMigration(ref)));

            assertThat(calls("StartMigration")).hasSize(1);
            assertThat(emu().migration(ref.migrationId()).starts()).isEqualTo(1);
        }
    }

    @Test
    void aWriteThatTimesOutIsNotSentAgainEither() {
        emu().inject(Fault.performedThenStall().onAction("CreateExportMigration"));
        try (AliyunDataWorksClient client = client(Duration.ofMillis(700), null)) {
            DataWorksException e = catchThrowableOfType(DataWorksException.class,
                    () -> client.createExportMigration(ExportSpec.full(DEMO_PROJECT_ID, "stalled")));
            assertAmbiguous(e);
            assertThat(e.errorCode()).isEqualTo("SDK.ReadTimeout");
        }
        assertThat(calls("CreateExportMigration")).hasSize(1);
    }

    @Test
    void aReadWhoseConnectionDropsMayStillBeRepeatedByTheTransportAsBefore() {
        emu().inject(Fault.performedNoAnswer().onAction("GetMigrationSummary"));
        try (AliyunDataWorksClient client = client(Duration.ofSeconds(30), null)) {
            // Without the replay check the repeated copy is answered: the read succeeds in one call.
            assertThat(client.getMigrationSummary(DEMO).requestId()).isNotBlank();
        }
        List<CallRecord> reads = calls("GetMigrationSummary");
        assertThat(reads).hasSize(2);
        assertThat(reads.get(1).params().get("SignatureNonce")).isEqualTo(reads.get(0).params().get("SignatureNonce"));
    }

    @Test
    void writesGoThroughTheClientsOwnProxyAndNonProxyHosts() throws Exception {
        try (ForwardingProxy proxy = ForwardingProxy.start()) {
            try (AliyunDataWorksClient client = client(Duration.ofSeconds(30), ProxySettings.parse(proxy.address()))) {
                MigrationRef ref = client.createExportMigration(ExportSpec.full(DEMO_PROJECT_ID, "proxied"));
                assertThat(client.startMigration(ref)).isTrue();
            }
            assertThat(proxy.requests()).hasSize(2).allSatisfy(r -> assertThat(r.method()).isEqualTo("POST"));

            ProxySettings bypassed = ProxySettings.parse(proxy.address()).withNonProxyHosts(emulator.endpoint().getHost());
            try (AliyunDataWorksClient client = client(Duration.ofSeconds(30), bypassed)) {
                client.createExportMigration(ExportSpec.full(DEMO_PROJECT_ID, "direct"));
            }
            assertThat(proxy.requests()).hasSize(2);
        }
        assertThat(named("proxied")).singleElement().satisfies(m -> assertThat(m.starts()).isEqualTo(1));
        assertThat(named("direct")).hasSize(1);
    }

    @Test
    void aWriteThroughAProxyDemandingAuthenticationEndsWithTheProxysMessage() throws Exception {
        try (ForwardingProxy proxy = ForwardingProxy.start()) {
            proxy.answerConnectWith("407 Proxy Authentication Required");
            ClientSettings settings = ClientSettings.of(Endpoint.region("cn-shanghai")).withProxy(ProxySettings.parse(proxy.address()));
            try (AliyunDataWorksClient client = AliyunDataWorksClient.create(settings,
                    AccessKeyCredentials.of(DEMO_ACCESS_KEY_ID, DEMO_ACCESS_KEY_SECRET), emulator.clock())) {
                MigrationLauncher launcher = new MigrationLauncher(client, d -> {}, 3);

                // The refused tunnel carried nothing of the request; the name lookup that follows is refused alike.
                AuthenticationException e = catchThrowableOfType(AuthenticationException.class,
                        () -> launcher.createExport(ExportSpec.full(DEMO_PROJECT_ID, "behind-a-proxy")));

                assertThat(e.getMessage()).doesNotContain("\n").contains("HTTP 407")
                        .contains("the HTTP proxy demands authentication, which is not supported");
            }
            assertThat(proxy.requests()).isNotEmpty().allSatisfy(r -> assertThat(r.method()).isEqualTo("CONNECT"));
        }
    }

    @Test
    void certificatesAreVerifiedForReadsAndWrites() {
        try (DataWorksEmulator https = DataWorksEmulator.builder().scenario(Scenarios.demo()).https(true).build().start()) {
            // The emulator's certificate is self-signed: no client of the JVM's trust store may accept it.
            try (AliyunDataWorksClient client = AliyunDataWorksClient.create(
                    ClientSettings.of(Endpoint.override("cn-shanghai", https.endpoint().toString())),
                    AccessKeyCredentials.of(DEMO_ACCESS_KEY_ID, DEMO_ACCESS_KEY_SECRET))) {
                DataWorksException read = catchThrowableOfType(DataWorksException.class, () -> client.getMigrationSummary(DEMO));
                DataWorksException write = catchThrowableOfType(DataWorksException.class,
                        () -> client.createExportMigration(ExportSpec.full(DEMO_PROJECT_ID, "untrusted")));
                assertThat(List.of(read, write)).allSatisfy(e -> assertThat(e.getMessage()).contains("unable to find valid certification path"));
            }
            assertThat(https.calls()).isEmpty();
            assertThat(https.migrations()).noneMatch(m -> m.name().equals("untrusted"));
        }
    }
}
