package io.jenkins.plugins.dataworks.engine.client;

import static io.jenkins.plugins.dataworks.emulator.scenario.Scenarios.DEMO_ACCESS_KEY_ID;
import static io.jenkins.plugins.dataworks.emulator.scenario.Scenarios.DEMO_ACCESS_KEY_SECRET;
import static io.jenkins.plugins.dataworks.emulator.scenario.Scenarios.DEMO_MIGRATION_ID;
import static io.jenkins.plugins.dataworks.emulator.scenario.Scenarios.DEMO_MIGRATION_NAME;
import static io.jenkins.plugins.dataworks.emulator.scenario.Scenarios.DEMO_PROJECT_ID;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.jenkins.plugins.dataworks.emulator.junit.DataWorksEmulatorExtension;
import io.jenkins.plugins.dataworks.emulator.scenario.AccessKey;
import io.jenkins.plugins.dataworks.emulator.scenario.Fault;
import io.jenkins.plugins.dataworks.engine.auth.AccessKeyCredentials;
import io.jenkins.plugins.dataworks.engine.auth.CredentialsSource;
import io.jenkins.plugins.dataworks.engine.error.ApiException;
import io.jenkins.plugins.dataworks.engine.error.AuthenticationException;
import io.jenkins.plugins.dataworks.engine.error.DataWorksException;
import io.jenkins.plugins.dataworks.engine.error.MigrationNotFoundException;
import io.jenkins.plugins.dataworks.engine.error.QuotaExceededException;
import io.jenkins.plugins.dataworks.engine.error.TransientApiException;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The client against the emulator, over real HTTP, through aliyun-java-sdk-core. */
class AliyunDataWorksClientTest {

    static final MigrationRef DEMO = new MigrationRef(DEMO_PROJECT_ID, DEMO_MIGRATION_ID);
    static final String REQUEST_ID = "RequestId: [0-9A-F-]{36}";

    @RegisterExtension
    final DataWorksEmulatorExtension emulator = new DataWorksEmulatorExtension();

    ClientSettings settings() {
        return ClientSettings.of(Endpoint.override("cn-shanghai", emulator.endpoint().toString()));
    }

    AliyunDataWorksClient client(CredentialsSource credentials) {
        return AliyunDataWorksClient.create(settings(), credentials, emulator.clock());
    }

    AliyunDataWorksClient demoClient() {
        return client(AccessKeyCredentials.of(DEMO_ACCESS_KEY_ID, DEMO_ACCESS_KEY_SECRET));
    }

    @Test
    void readsTheDocumentedFields() {
        try (AliyunDataWorksClient client = demoClient()) {
            MigrationSummary first = client.getMigrationSummary(DEMO);
            assertThat(first.projectId()).isEqualTo(DEMO_PROJECT_ID);
            assertThat(first.migrationId()).isEqualTo(DEMO_MIGRATION_ID);
            assertThat(first.name()).isEqualTo(DEMO_MIGRATION_NAME);
            assertThat(first.status()).isEqualTo(MigrationStatus.INIT);
            assertThat(first.created()).isNotNull().isBefore(Instant.now().plusSeconds(60));
            assertThat(first.modified()).isNotNull();
            assertThat(first.createUser()).isNotBlank();
            assertThat(first.opUser()).isNotBlank();
            assertThat(first.hasDownloadUrl()).isFalse();
            assertThat(first.requestId()).matches("[0-9A-F-]{36}");

            MigrationSummary last = first;
            for (int i = 0; i < 4; i++) {
                last = client.getMigrationSummary(DEMO);
            }
            assertThat(last.status()).isEqualTo(MigrationStatus.EXPORT_SUCCESS);
            assertThat(last.downloadUrl()).startsWith(emulator.endpoint().toString()).contains("Signature=");
            assertThat(last.toString()).doesNotContain("Signature=").contains("?<redacted>");
            assertThat(emulator.emulator().callCount("GetMigrationSummary", DEMO_MIGRATION_ID)).isEqualTo(5);
        }
    }

    @Test
    void wrongSecretIsAnAuthenticationErrorWithoutTheStringToSign() {
        try (AliyunDataWorksClient client = client(AccessKeyCredentials.of(DEMO_ACCESS_KEY_ID, "wrong-secret-value"))) {
            AuthenticationException e = fails(AuthenticationException.class, () -> client.getMigrationSummary(DEMO));
            assertThat(e.errorCode()).isEqualTo("SignatureDoesNotMatch");
            assertThat(e.getMessage())
                    .startsWith("GetMigrationSummary for migration 20001 in workspace 10001 failed: SignatureDoesNotMatch (HTTP 400): "
                            + "Specified signature is not matched with our calculation; the AccessKey secret does not match the AccessKey ID; check the secret.")
                    .doesNotContainIgnoringCase("string to sign")
                    .doesNotContain(DEMO_ACCESS_KEY_ID);
            assertNoSecret(e, "wrong-secret-value");
        }
    }

    @Test
    void unknownAndDisabledKeys() {
        emulator.emulator().addAccessKey(AccessKey.of("disabled-key", "disabled-secret").disabled());
        try (AliyunDataWorksClient unknown = client(AccessKeyCredentials.of("no-such-key", "whatever-secret"));
                AliyunDataWorksClient disabled = client(AccessKeyCredentials.of("disabled-key", "disabled-secret"))) {
            AuthenticationException e = fails(AuthenticationException.class, () -> unknown.getMigrationSummary(DEMO));
            assertThat(e.errorCode()).isEqualTo("InvalidAccessKeyId.NotFound");
            assertThat(e.getMessage()).contains("(HTTP 404)").contains("the AccessKey ID is unknown or disabled; check the AccessKey ID");
            assertThat(fails(AuthenticationException.class, () -> disabled.getMigrationSummary(DEMO)).errorCode())
                    .isEqualTo("InvalidAccessKeyId.Inactive");
        }
    }

    @Test
    void forbidden() {
        emulator.emulator().inject(Fault.forbiddenRam()).inject(Fault.forbiddenAccess());
        try (AliyunDataWorksClient client = demoClient()) {
            assertThat(fails(AuthenticationException.class, () -> client.getMigrationSummary(DEMO)).errorCode()).isEqualTo("Forbidden.RAM");
            AuthenticationException access = fails(AuthenticationException.class, () -> client.getMigrationSummary(DEMO));
            assertThat(access.errorCode()).isEqualTo("Forbidden.Access");
            assertThat(access.getMessage()).contains("(HTTP 403)").contains("lacks permission");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"Throttling.User", "Throttling.Api", "Throttling.System"})
    void throttlingIsTransient(String code) {
        emulator.emulator().inject(Fault.throttling(code));
        try (AliyunDataWorksClient client = demoClient()) {
            TransientApiException e = fails(TransientApiException.class, () -> client.getMigrationSummary(DEMO));
            assertThat(e.errorCode()).isEqualTo(code);
            assertThat(e.getMessage()).contains(code + " (HTTP 429)");
            // The fault was used up: the next call goes through.
            assertThat(client.getMigrationSummary(DEMO).status()).isEqualTo(MigrationStatus.INIT);
        }
    }

    @Test
    void dailyLimitAndEditionQuotaAreQuotaErrors() {
        emulator.emulator().inject(Fault.throttling("Throttling.Api.Risk")).inject(Fault.throttling("Throttling.Resource"));
        try (AliyunDataWorksClient client = demoClient()) {
            QuotaExceededException risk = fails(QuotaExceededException.class, () -> client.getMigrationSummary(DEMO));
            assertThat(risk.errorCode()).isEqualTo("Throttling.Api.Risk");
            assertThat(risk.getMessage()).contains("daily API call limit of this account is exhausted; raise the poll interval or upgrade the DataWorks edition");
            QuotaExceededException resource = fails(QuotaExceededException.class, () -> client.getMigrationSummary(DEMO));
            assertThat(resource.errorCode()).isEqualTo("Throttling.Resource");
        }
    }

    @Test
    void serverErrorIsTransient() {
        emulator.emulator().inject(Fault.internalError()).inject(Fault.error(503, "ServiceUnavailable", "busy"));
        try (AliyunDataWorksClient client = demoClient()) {
            TransientApiException e = fails(TransientApiException.class, () -> client.getMigrationSummary(DEMO));
            assertThat(e.errorCode()).isEqualTo("InternalError.System");
            assertThat(e.getMessage()).contains("(HTTP 500)");
            assertThat(fails(TransientApiException.class, () -> client.getMigrationSummary(DEMO)).getMessage()).contains("(HTTP 503)");
        }
    }

    @Test
    void malformedAndEmptyBodiesAreTransient() {
        emulator.emulator().inject(Fault.malformedJson()).inject(Fault.emptyBody());
        try (AliyunDataWorksClient client = demoClient()) {
            TransientApiException cut = fails(TransientApiException.class, () -> client.getMigrationSummary(DEMO));
            assertThat(cut.errorCode()).isEqualTo("MalformedResponse");
            assertThat(cut.getMessage()).contains("MalformedResponse (HTTP 200): body is not a JSON object");
            TransientApiException empty = fails(TransientApiException.class, () -> client.getMigrationSummary(DEMO));
            assertThat(empty.getMessage()).contains("MalformedResponse (HTTP 200): empty body");
        }
    }

    @Test
    void stalledAnswerHitsTheReadTimeout() {
        emulator.emulator().inject(Fault.stall());
        ClientSettings quick = settings().withTimeouts(Duration.ofSeconds(5), Duration.ofMillis(300));
        try (AliyunDataWorksClient client = AliyunDataWorksClient.create(quick,
                AccessKeyCredentials.of(DEMO_ACCESS_KEY_ID, DEMO_ACCESS_KEY_SECRET), emulator.clock())) {
            TransientApiException e = catchThrowableOfType(TransientApiException.class, () -> client.getMigrationSummary(DEMO));
            assertThat(e).isNotNull();
            assertThat(e.errorCode()).isEqualTo("SDK.ReadTimeout");
            assertThat(e.getMessage()).isEqualTo("GetMigrationSummary for migration 20001 in workspace 10001 failed: SDK.ReadTimeout: "
                    + "no answer within the read/connect timeout (SocketTimeoutException: Read timed out); temporary; retrying later may succeed.");
            assertNoSecret(e, DEMO_ACCESS_KEY_SECRET);
            assertThat(stackTrace(e)).doesNotContain("Signature=").doesNotContain("SignatureNonce=");
        }
    }

    @Test
    void unknownMigrationAndWorkspace() {
        try (AliyunDataWorksClient client = demoClient()) {
            MigrationNotFoundException migration = fails(MigrationNotFoundException.class,
                    () -> client.getMigrationSummary(new MigrationRef(DEMO_PROJECT_ID, 999)));
            assertThat(migration.errorCode()).isEqualTo("Invalid.Migration.NotExists");
            assertThat(migration.getMessage()).startsWith("GetMigrationSummary for migration 999 in workspace 10001 failed: Invalid.Migration.NotExists")
                    .contains("check projectId (the workspace ID) and migrationId, and the region");
            MigrationNotFoundException project = fails(MigrationNotFoundException.class,
                    () -> client.getMigrationSummary(new MigrationRef(4242, DEMO_MIGRATION_ID)));
            assertThat(project.errorCode()).isEqualTo("Invalid.Tenant.ProjectNotExists");
        }
    }

    @Test
    void otherServiceErrorsAreApiErrors() {
        emulator.emulator().inject(Fault.error(400, "InvalidParameter", "The specified parameter is not valid."));
        try (AliyunDataWorksClient client = demoClient()) {
            ApiException e = fails(ApiException.class, () -> client.getMigrationSummary(DEMO));
            assertThat(e.getMessage()).contains("InvalidParameter (HTTP 400): The specified parameter is not valid.");
        }
    }

    @Test
    void unreachableEndpointIsTransient() throws IOException {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        ClientSettings nowhere = ClientSettings.of(Endpoint.override("cn-shanghai", "http://127.0.0.1:" + closedPort));
        try (AliyunDataWorksClient client = AliyunDataWorksClient.create(nowhere,
                AccessKeyCredentials.of(DEMO_ACCESS_KEY_ID, DEMO_ACCESS_KEY_SECRET))) {
            TransientApiException e = catchThrowableOfType(TransientApiException.class, () -> client.getMigrationSummary(DEMO));
            assertThat(e).isNotNull();
            assertThat(e.errorCode()).isEqualTo("SDK.ServerUnreachable");
            assertThat(e.getMessage()).contains("connection failed (ConnectException");
        }
    }

    @Test
    void eachClientKeepsItsOwnProxy() throws IOException {
        int deadProxyPort;
        try (ServerSocket s = new ServerSocket(0)) {
            deadProxyPort = s.getLocalPort();
        }
        ProxySettings deadProxy = new ProxySettings("127.0.0.1", deadProxyPort, null);
        AccessKeyCredentials demo = AccessKeyCredentials.of(DEMO_ACCESS_KEY_ID, DEMO_ACCESS_KEY_SECRET);
        try (AliyunDataWorksClient direct = AliyunDataWorksClient.create(settings(), demo);
                AliyunDataWorksClient viaDeadProxy = AliyunDataWorksClient.create(settings().withProxy(deadProxy), demo);
                AliyunDataWorksClient bypassing = AliyunDataWorksClient.create(
                        settings().withProxy(new ProxySettings("127.0.0.1", deadProxyPort, "localhost|127.*")), demo)) {
            assertThat(direct.getMigrationSummary(DEMO).status()).isEqualTo(MigrationStatus.INIT);
            TransientApiException e = catchThrowableOfType(TransientApiException.class, () -> viaDeadProxy.getMigrationSummary(DEMO));
            assertThat(e).isNotNull();
            assertThat(e.errorCode()).isEqualTo("SDK.ServerUnreachable");
            assertThat(bypassing.getMigrationSummary(DEMO).requestId()).isNotBlank();
            assertThat(direct.getMigrationSummary(DEMO).requestId()).isNotBlank();
            // Only the calls that reached the emulator were counted: the dead proxy swallowed one.
            assertThat(emulator.emulator().callCount("GetMigrationSummary")).isEqualTo(3);
        }
    }

    @Test
    void toStringOfTheClientShowsNoSecret() {
        try (AliyunDataWorksClient client = demoClient()) {
            assertThat(client.toString()).contains(DEMO_ACCESS_KEY_ID).doesNotContain(DEMO_ACCESS_KEY_SECRET);
        }
    }

    static <T extends DataWorksException> T fails(Class<T> type, ThrowingCallable call) {
        T e = catchThrowableOfType(type, call);
        assertThat(e).as("expected %s", type.getSimpleName()).isNotNull();
        assertThat(e.getMessage()).matches(".*" + REQUEST_ID + "$").doesNotContain("\n");
        assertThat(e.requestId()).isNotBlank();
        return e;
    }

    static void assertNoSecret(Throwable e, String secret) {
        assertThat(e.toString()).doesNotContain(secret);
        assertThat(stackTrace(e)).doesNotContain(secret);
    }

    static String stackTrace(Throwable t) {
        StringWriter w = new StringWriter();
        t.printStackTrace(new PrintWriter(w));
        return w.toString();
    }

}
