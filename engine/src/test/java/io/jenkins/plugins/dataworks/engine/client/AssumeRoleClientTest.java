package io.jenkins.plugins.dataworks.engine.client;

import static io.jenkins.plugins.dataworks.emulator.scenario.Scenarios.DEMO_ACCESS_KEY_ID;
import static io.jenkins.plugins.dataworks.emulator.scenario.Scenarios.DEMO_ACCESS_KEY_SECRET;
import static io.jenkins.plugins.dataworks.engine.client.AliyunDataWorksClientTest.DEMO;
import static io.jenkins.plugins.dataworks.engine.client.AliyunDataWorksClientTest.assertNoSecret;
import static io.jenkins.plugins.dataworks.engine.client.AliyunDataWorksClientTest.fails;
import static org.assertj.core.api.Assertions.assertThat;

import com.aliyuncs.auth.BasicSessionCredentials;
import io.jenkins.plugins.dataworks.emulator.junit.DataWorksEmulatorExtension;
import io.jenkins.plugins.dataworks.emulator.scenario.Fault;
import io.jenkins.plugins.dataworks.emulator.scenario.Scenarios;
import io.jenkins.plugins.dataworks.engine.auth.AccessKeyCredentials;
import io.jenkins.plugins.dataworks.engine.auth.AssumeRoleCredentials;
import io.jenkins.plugins.dataworks.engine.auth.AssumeRoleSessionProvider;
import io.jenkins.plugins.dataworks.engine.auth.CredentialsSource;
import io.jenkins.plugins.dataworks.engine.auth.SessionCredentials;
import io.jenkins.plugins.dataworks.engine.error.AuthenticationException;
import io.jenkins.plugins.dataworks.engine.error.TransientApiException;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Session and role credentials against the emulator's STS, with the emulator's MutableClock. */
class AssumeRoleClientTest {

    static final String ROLE = "acs:ram::1000000000000001:role/dataworks-release";

    @RegisterExtension
    final DataWorksEmulatorExtension emulator = DataWorksEmulatorExtension.withScenario(Scenarios.demo())
            .configure(b -> b.role(ROLE));

    final AccessKeyCredentials demoKey = AccessKeyCredentials.of(DEMO_ACCESS_KEY_ID, DEMO_ACCESS_KEY_SECRET);

    AssumeRoleCredentials role(String arn, Duration duration) {
        return AssumeRoleCredentials.of(demoKey, arn, "jenkins-ci", duration).withStsEndpoint(emulator.endpoint().toString());
    }

    AliyunDataWorksClient client(CredentialsSource credentials) {
        return AliyunDataWorksClient.create(
                ClientSettings.of(Endpoint.override("cn-shanghai", emulator.endpoint().toString())), credentials, emulator.clock());
    }

    long assumeRoleCalls() {
        return emulator.emulator().callCount("AssumeRole");
    }

    @Test
    void assumedRoleIsCachedAndRenewedBeforeExpiry() {
        try (AliyunDataWorksClient client = client(role(ROLE, Duration.ofMinutes(15)))) {
            assertThat(client.getMigrationSummary(DEMO).status()).isEqualTo(MigrationStatus.INIT);
            assertThat(client.getMigrationSummary(DEMO).status()).isEqualTo(MigrationStatus.EXPORTING);
            assertThat(assumeRoleCalls()).isEqualTo(1);

            // A 15-minute session is renewed when 3 minutes remain: not yet after 11:59.
            emulator.clock().advance(Duration.ofMinutes(12).minusSeconds(1));
            client.getMigrationSummary(DEMO);
            assertThat(assumeRoleCalls()).isEqualTo(1);

            emulator.clock().advance(Duration.ofSeconds(2));
            client.getMigrationSummary(DEMO);
            assertThat(assumeRoleCalls()).isEqualTo(2);

            // The renewed session outlives the first one's expiry.
            emulator.clock().advance(Duration.ofMinutes(5));
            assertThat(client.getMigrationSummary(DEMO).requestId()).isNotBlank();
            assertThat(assumeRoleCalls()).isEqualTo(2);
            assertThat(emulator.emulator().callCount("GetMigrationSummary")).isEqualTo(5);
        }
    }

    @Test
    void concurrentCallsShareOneSession() throws Exception {
        try (AliyunDataWorksClient client = client(role(ROLE, Duration.ofMinutes(15)))) {
            var pool = java.util.concurrent.Executors.newFixedThreadPool(8);
            try {
                var calls = new java.util.ArrayList<java.util.concurrent.Future<MigrationSummary>>();
                for (int i = 0; i < 16; i++) {
                    calls.add(pool.submit(() -> client.getMigrationSummary(DEMO)));
                }
                for (var call : calls) {
                    assertThat(call.get().requestId()).isNotBlank();
                }
            } finally {
                pool.shutdownNow();
            }
            assertThat(assumeRoleCalls()).isEqualTo(1);
            assertThat(emulator.emulator().callCount("GetMigrationSummary")).isEqualTo(16);
        }
    }

    @Test
    void longSessionsRenewWithTenPercentLeft() {
        assertThat(AssumeRoleSessionProvider.refreshMargin(Duration.ofHours(1))).isEqualTo(Duration.ofMinutes(6));
        assertThat(AssumeRoleSessionProvider.refreshMargin(Duration.ofMinutes(15))).isEqualTo(Duration.ofMinutes(3));
        try (AliyunDataWorksClient client = client(role(ROLE, Duration.ofHours(1)))) {
            client.getMigrationSummary(DEMO);
            emulator.clock().advance(Duration.ofMinutes(53));
            client.getMigrationSummary(DEMO);
            assertThat(assumeRoleCalls()).isEqualTo(1);
            emulator.clock().advance(Duration.ofMinutes(2));
            client.getMigrationSummary(DEMO);
            assertThat(assumeRoleCalls()).isEqualTo(2);
        }
    }

    @Test
    void transientStsFailureKeepsTheStillValidSession() {
        try (AliyunDataWorksClient client = client(role(ROLE, Duration.ofMinutes(15)))) {
            client.getMigrationSummary(DEMO);
            emulator.emulator().inject(Fault.internalError().onAction("AssumeRole"));
            emulator.clock().advance(Duration.ofMinutes(13));
            // Renewal fails, but the session has two minutes left: the call goes through with it.
            assertThat(client.getMigrationSummary(DEMO).requestId()).isNotBlank();
            assertThat(assumeRoleCalls()).isEqualTo(2);
            client.getMigrationSummary(DEMO);
            assertThat(assumeRoleCalls()).isEqualTo(3);
        }
    }

    @Test
    void stsFailureWithoutAUsableSessionIsReported() {
        emulator.emulator().inject(Fault.internalError().onAction("AssumeRole"));
        try (AliyunDataWorksClient client = client(role(ROLE, Duration.ofMinutes(15)))) {
            TransientApiException e = fails(TransientApiException.class, () -> client.getMigrationSummary(DEMO));
            assertThat(e.getMessage()).startsWith("AssumeRole of " + ROLE + " failed: InternalError.System (HTTP 500)");
            assertThat(emulator.emulator().callCount("GetMigrationSummary")).isZero();
        }
    }

    @Test
    void rejectedRoleTokenIsRenewedOnce() {
        try (AliyunDataWorksClient client = client(role(ROLE, Duration.ofMinutes(15)))) {
            client.getMigrationSummary(DEMO);
            emulator.emulator().inject(Fault.error(403, "InvalidSecurityToken.Expired", "Specified SecurityToken is expired.")
                    .onAction("GetMigrationSummary"));
            assertThat(client.getMigrationSummary(DEMO).status()).isEqualTo(MigrationStatus.EXPORTING);
            assertThat(assumeRoleCalls()).isEqualTo(2);
            assertThat(emulator.emulator().callCount("GetMigrationSummary")).isEqualTo(3);

            emulator.emulator().inject(Fault.error(403, "InvalidSecurityToken.Expired", "Specified SecurityToken is expired.")
                    .onAction("GetMigrationSummary").times(2));
            AuthenticationException e = fails(AuthenticationException.class, () -> client.getMigrationSummary(DEMO));
            assertThat(e.errorCode()).isEqualTo("InvalidSecurityToken.Expired");
            assertThat(assumeRoleCalls()).isEqualTo(3);
        }
    }

    @Test
    void unknownRoleIsAnAuthenticationError() {
        String other = "acs:ram::1000000000000001:role/not-there";
        try (AliyunDataWorksClient client = client(role(other, Duration.ofMinutes(15)))) {
            AuthenticationException e = fails(AuthenticationException.class, () -> client.getMigrationSummary(DEMO));
            assertThat(e.errorCode()).isEqualTo("EntityNotExist.Role");
            assertThat(e.getMessage()).startsWith("AssumeRole of " + other + " failed: EntityNotExist.Role (HTTP 404)")
                    .contains("the RAM role cannot be assumed; check roleArn");
        }
    }

    @Test
    void wrongBaseSecretFailsAtAssumeRole() {
        AssumeRoleCredentials badBase = AssumeRoleCredentials.of(AccessKeyCredentials.of(DEMO_ACCESS_KEY_ID, "bad-base-secret"),
                ROLE, "jenkins-ci", Duration.ofMinutes(15)).withStsEndpoint(emulator.endpoint().toString());
        try (AliyunDataWorksClient client = client(badBase)) {
            AuthenticationException e = fails(AuthenticationException.class, () -> client.getMigrationSummary(DEMO));
            assertThat(e.errorCode()).isEqualTo("SignatureDoesNotMatch");
            assertNoSecret(e, "bad-base-secret");
            assertNoSecret(e, DEMO_ACCESS_KEY_SECRET);
        }
    }

    @Test
    void sessionCredentialsSignWithTheirToken() {
        BasicSessionCredentials issued = assumeRoleDirectly();
        SessionCredentials session = SessionCredentials.of(issued.getAccessKeyId(), issued.getAccessKeySecret(), issued.getSessionToken());
        try (AliyunDataWorksClient client = client(session)) {
            assertThat(client.getMigrationSummary(DEMO).status()).isEqualTo(MigrationStatus.INIT);
            assertThat(client.toString()).doesNotContain(issued.getAccessKeySecret()).doesNotContain(issued.getSessionToken());
        }
        SessionCredentials wrongToken = SessionCredentials.of(issued.getAccessKeyId(), issued.getAccessKeySecret(), "CAIS-forged-token");
        try (AliyunDataWorksClient client = client(wrongToken)) {
            AuthenticationException e = fails(AuthenticationException.class, () -> client.getMigrationSummary(DEMO));
            assertThat(e.errorCode()).isEqualTo("InvalidSecurityToken.MalFormed");
            assertThat(e.getMessage()).contains("the STS security token is invalid or expired; get fresh session credentials");
            assertNoSecret(e, "CAIS-forged-token");
            assertNoSecret(e, issued.getAccessKeySecret());
        }
        // Environment credentials with a token take the same path.
        CredentialsSource fromEnv = CredentialsSource.fromEnvironment(Map.of(
                "ALIBABA_CLOUD_ACCESS_KEY_ID", issued.getAccessKeyId(),
                "ALIBABA_CLOUD_ACCESS_KEY_SECRET", issued.getAccessKeySecret(),
                "ALIBABA_CLOUD_SECURITY_TOKEN", issued.getSessionToken()));
        try (AliyunDataWorksClient client = client(fromEnv)) {
            assertThat(client.getMigrationSummary(DEMO).requestId()).isNotBlank();
        }
    }

    @Test
    void expiredSessionCredentialsAreAnAuthenticationError() {
        BasicSessionCredentials issued = assumeRoleDirectly();
        emulator.clock().advance(Duration.ofMinutes(16));
        try (AliyunDataWorksClient client = client(SessionCredentials.of(
                issued.getAccessKeyId(), issued.getAccessKeySecret(), issued.getSessionToken()))) {
            AuthenticationException e = fails(AuthenticationException.class, () -> client.getMigrationSummary(DEMO));
            assertThat(e.errorCode()).isEqualTo("InvalidSecurityToken.Expired");
            assertThat(e.getMessage()).contains("(HTTP 403)");
        }
    }

    /** Session credentials straight from the emulator's STS, through the provider alone. */
    private BasicSessionCredentials assumeRoleDirectly() {
        AssumeRoleCredentials role = role(ROLE, Duration.ofMinutes(15));
        var sts = SdkClients.create("cn-shanghai", role.stsUri(), null, Duration.ofSeconds(5), Duration.ofSeconds(5),
                SdkTransport.Sending.MAY_REPEAT,
                new com.aliyuncs.auth.StaticCredentialsProvider(io.jenkins.plugins.dataworks.engine.auth.SdkCredentials.of(demoKey)));
        try {
            AssumeRoleSessionProvider provider = new AssumeRoleSessionProvider(role, sts, "cn-shanghai",
                    Duration.ofSeconds(5), Duration.ofSeconds(5), emulator.clock());
            assertThat(provider.toString()).doesNotContain(DEMO_ACCESS_KEY_SECRET);
            BasicSessionCredentials c = (BasicSessionCredentials) provider.getCredentials();
            assertThat(provider.expiration()).contains(emulator.clock().instant().plus(Duration.ofMinutes(15))
                    .truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
            return c;
        } finally {
            sts.shutdown();
        }
    }
}
