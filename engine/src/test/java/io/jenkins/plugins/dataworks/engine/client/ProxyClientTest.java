package io.jenkins.plugins.dataworks.engine.client;

import static io.jenkins.plugins.dataworks.emulator.scenario.Scenarios.DEMO_ACCESS_KEY_ID;
import static io.jenkins.plugins.dataworks.emulator.scenario.Scenarios.DEMO_ACCESS_KEY_SECRET;
import static io.jenkins.plugins.dataworks.engine.client.AliyunDataWorksClientTest.DEMO;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.jenkins.plugins.dataworks.emulator.junit.DataWorksEmulatorExtension;
import io.jenkins.plugins.dataworks.emulator.proxy.ForwardingProxy;
import io.jenkins.plugins.dataworks.emulator.scenario.Scenarios;
import io.jenkins.plugins.dataworks.engine.auth.AccessKeyCredentials;
import io.jenkins.plugins.dataworks.engine.auth.AssumeRoleCredentials;
import io.jenkins.plugins.dataworks.engine.auth.CredentialsSource;
import io.jenkins.plugins.dataworks.engine.error.AuthenticationException;
import io.jenkins.plugins.dataworks.engine.error.DataWorksException;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * DataWorks and STS calls through a real forwarding proxy. The emulator listens on 127.0.0.1,
 * which is meaningful: an explicit proxy applies to loopback too (only the JVM's default selector
 * skips localhost and 127.*), as the counts with and without the proxy show.
 */
class ProxyClientTest {

    static final String ROLE = "acs:ram::1000000000000001:role/dataworks-release";

    @RegisterExtension
    final DataWorksEmulatorExtension emulator = DataWorksEmulatorExtension.withScenario(Scenarios.demo())
            .configure(b -> b.role(ROLE));

    private ForwardingProxy proxy;

    @BeforeEach
    void startProxy() throws IOException {
        proxy = ForwardingProxy.start();
    }

    @AfterEach
    void stopProxy() throws IOException {
        proxy.close();
    }

    private final AccessKeyCredentials demoKey = AccessKeyCredentials.of(DEMO_ACCESS_KEY_ID, DEMO_ACCESS_KEY_SECRET);

    private AliyunDataWorksClient client(CredentialsSource credentials, ProxySettings proxySettings) {
        ClientSettings settings = ClientSettings.of(Endpoint.override("cn-shanghai", emulator.endpoint().toString()))
                .withProxy(proxySettings);
        return AliyunDataWorksClient.create(settings, credentials, emulator.clock());
    }

    private long calls(String action) {
        return emulator.emulator().callCount(action);
    }

    @Test
    void getMigrationSummaryGoesThroughTheProxy() {
        try (AliyunDataWorksClient client = client(demoKey, ProxySettings.parse(proxy.address()))) {
            assertThat(client.getMigrationSummary(DEMO).status()).isEqualTo(MigrationStatus.INIT);
            assertThat(client.getMigrationSummary(DEMO).status()).isEqualTo(MigrationStatus.EXPORTING);
        }
        URI endpoint = emulator.endpoint();
        assertThat(proxy.requests()).hasSize(2).allSatisfy(r -> {
            assertThat(r.method()).isEqualTo("POST");
            assertThat(r.target().getHost()).isEqualTo(endpoint.getHost());
            assertThat(r.target().getPort()).isEqualTo(endpoint.getPort());
            assertThat(r.target().getRawPath()).isEqualTo("/");
        });
        assertThat(calls("GetMigrationSummary")).as("the signature survived the proxy").isEqualTo(2);
    }

    @Test
    void aTargetInNonProxyHostsIsReachedDirectly() {
        ProxySettings bypassed = ProxySettings.parse(proxy.address()).withNonProxyHosts(emulator.endpoint().getHost());
        try (AliyunDataWorksClient client = client(demoKey, bypassed)) {
            assertThat(client.getMigrationSummary(DEMO).requestId()).isNotBlank();
        }
        assertThat(proxy.requests()).isEmpty();
        assertThat(calls("GetMigrationSummary")).isEqualTo(1);
    }

    @Test
    void withoutProxySettingsNothingGoesThroughTheProxyWhateverTheEnvironment() {
        // The SDK would read HTTPS_PROXY / HTTP_PROXY itself; the engine pins its settings instead.
        // (The JVM's environment cannot be changed here, so this checks the default path only.)
        try (AliyunDataWorksClient client = client(demoKey, null)) {
            assertThat(client.getMigrationSummary(DEMO).requestId()).isNotBlank();
        }
        assertThat(proxy.requests()).isEmpty();
    }

    @Test
    void assumeRoleGoesThroughTheSameProxy() {
        AssumeRoleCredentials role = AssumeRoleCredentials.of(demoKey, ROLE, "jenkins-ci", Duration.ofMinutes(15))
                .withStsEndpoint(emulator.endpoint().toString());
        try (AliyunDataWorksClient client = client(role, ProxySettings.parse(proxy.address()))) {
            assertThat(client.getMigrationSummary(DEMO).status()).isEqualTo(MigrationStatus.INIT);
        }
        assertThat(calls("AssumeRole")).isEqualTo(1);
        assertThat(proxy.count("POST")).as("AssumeRole, then GetMigrationSummary").isEqualTo(2);
        assertThat(proxy.requests()).allSatisfy(r -> assertThat(r.target().getPort()).isEqualTo(emulator.endpoint().getPort()));
    }

    @Test
    void httpsCallsTunnelWithConnect() {
        // The real regional endpoint: through a proxy the client never resolves it itself, and the
        // proxy refuses the tunnel, so nothing leaves this machine.
        ClientSettings settings = ClientSettings.of(Endpoint.region("cn-shanghai")).withProxy(ProxySettings.parse(proxy.address()));
        try (AliyunDataWorksClient client = AliyunDataWorksClient.create(settings, demoKey, emulator.clock())) {
            DataWorksException e = catchThrowableOfType(DataWorksException.class, () -> client.getMigrationSummary(DEMO));
            assertThat(e).isNotNull();
            assertThat(e.getMessage()).doesNotContain("\n").doesNotContain(DEMO_ACCESS_KEY_SECRET);
        }
        // HttpsURLConnection may try the tunnel twice; what matters is that only CONNECTs reached the proxy.
        assertThat(proxy.requests()).isNotEmpty().allSatisfy(r -> {
            assertThat(r.method()).isEqualTo("CONNECT");
            assertThat(r.target().getHost()).isEqualTo(Endpoint.region("cn-shanghai").uri().getHost());
            assertThat(r.target().getPort()).isEqualTo(443);
        });
    }

    @Test
    void aProxyDemandingAuthenticationFailsAtOnceInsteadOfBeingRetried() {
        proxy.answerConnectWith("407 Proxy Authentication Required");
        ClientSettings settings = ClientSettings.of(Endpoint.region("cn-shanghai")).withProxy(ProxySettings.parse(proxy.address()));
        try (AliyunDataWorksClient client = AliyunDataWorksClient.create(settings, demoKey, emulator.clock())) {
            DataWorksException e = catchThrowableOfType(DataWorksException.class, () -> client.getMigrationSummary(DEMO));
            assertThat(e).isInstanceOf(AuthenticationException.class);
            assertThat(e.getMessage()).doesNotContain("\n").contains("HTTP 407")
                    .contains("the HTTP proxy demands authentication, which is not supported");
        }
    }

    @Test
    void environmentProxyReachesLoopbackDirectly() {
        ProxySettings fromEnv = ProxySettings.fromEnvironment(Map.of("HTTPS_PROXY", "http://" + proxy.address())).orElseThrow();
        try (AliyunDataWorksClient client = client(demoKey, fromEnv)) {
            assertThat(client.getMigrationSummary(DEMO).requestId()).isNotBlank();
        }
        assertThat(proxy.requests()).as("loopback is never sent to an environment proxy").isEmpty();
        assertThat(calls("GetMigrationSummary")).isEqualTo(1);
    }
}
