package io.jenkins.plugins.dataworks.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.aliyuncs.CommonRequest;
import com.aliyuncs.CommonResponse;
import com.aliyuncs.IAcsClient;
import com.aliyuncs.exceptions.ClientException;
import com.aliyuncs.exceptions.ServerException;
import com.google.gson.JsonParser;
import io.jenkins.plugins.dataworks.emulator.junit.DataWorksEmulatorExtension;
import io.jenkins.plugins.dataworks.emulator.scenario.Fault;
import io.jenkins.plugins.dataworks.emulator.scenario.Scenarios;
import io.jenkins.plugins.dataworks.emulator.state.CallRecord;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every RPC fault kind, seen through the real SDK. */
class FaultTest {

    @RegisterExtension
    final DataWorksEmulatorExtension ext = new DataWorksEmulatorExtension();

    final IAcsClient client = Sdk.client(Scenarios.DEMO_ACCESS_KEY_ID, Scenarios.DEMO_ACCESS_KEY_SECRET);

    private String status() throws ClientException {
        return Sdk.call(client, Sdk.summary(ext.emulator(), 10001, 20001)).getAsJsonObject("Data").get("Status").getAsString();
    }

    @ParameterizedTest
    @ValueSource(strings = {"Throttling.User", "Throttling.Api", "Throttling.System", "Throttling.Api.Risk", "Throttling.Resource"})
    void throttlingIs429WithTheCode(String code) {
        ext.emulator().inject(Fault.throttling(code));
        ClientException e = catchThrowableOfType(ClientException.class, this::status);
        assertThat(e).isNotInstanceOf(ServerException.class);
        assertThat(e.getErrCode()).isEqualTo(code);
        assertThat(e.getRequestId()).isNotBlank();
        assertThat(ext.emulator().calls()).singleElement().satisfies(c -> {
            assertThat(c.httpStatus()).isEqualTo(429);
            assertThat(c.fault()).isEqualTo("ERROR");
        });
    }

    @Test
    void faultsApplyInOrderThenTheCallSucceedsAndFaultedPollsDoNotMoveTheTimeline() throws Exception {
        ext.emulator().inject(Fault.throttling("Throttling.User").onAction("GetMigrationSummary").times(2))
                .inject(Fault.internalError());
        assertThat(catchThrowableOfType(ClientException.class, this::status).getErrCode()).isEqualTo("Throttling.User");
        assertThat(catchThrowableOfType(ClientException.class, this::status).getErrCode()).isEqualTo("Throttling.User");
        ServerException server = catchThrowableOfType(ServerException.class, this::status);
        assertThat(server.getErrCode()).isEqualTo("InternalError.System");
        assertThat(status()).isEqualTo("INIT");
        assertThat(status()).isEqualTo("EXPORTING");
        assertThat(ext.emulator().callCount("GetMigrationSummary", 20001)).isEqualTo(5);
        assertThat(ext.emulator().calls()).extracting(CallRecord::httpStatus).containsExactly(429, 429, 500, 200, 200);
    }

    @Test
    void faultsMatchActionAndMigration() throws Exception {
        ext.emulator().inject(Fault.forbiddenRam().onAction("StartMigration"))
                .inject(Fault.forbiddenRam().onMigration(99));
        assertThat(status()).isEqualTo("INIT");
        CommonRequest start = Sdk.dataworks(ext.emulator(), "StartMigration");
        start.putBodyParameter("ProjectId", "10001");
        start.putBodyParameter("MigrationId", "20001");
        ClientException e = catchThrowableOfType(ClientException.class, () -> Sdk.call(client, start));
        assertThat(e.getErrCode()).isEqualTo("Forbidden.RAM");
        assertThat(ext.emulator().calls().get(1).httpStatus()).isEqualTo(403);
    }

    @Test
    void faultWindowFollowsTheScenarioClock() throws Exception {
        Instant now = ext.clock().instant();
        ext.emulator().inject(Fault.throttling("Throttling.System").during(now.plusSeconds(60), now.plusSeconds(120)));
        assertThat(status()).isEqualTo("INIT");
        ext.clock().advance(Duration.ofSeconds(60));
        assertThat(catchThrowableOfType(ClientException.class, this::status).getErrCode()).isEqualTo("Throttling.System");
        assertThat(catchThrowableOfType(ClientException.class, this::status).getErrCode()).isEqualTo("Throttling.System");
        ext.clock().advance(Duration.ofSeconds(60));
        assertThat(status()).isEqualTo("EXPORTING");
    }

    @Test
    void malformedJsonBody() throws Exception {
        ext.emulator().inject(Fault.malformedJson());
        CommonResponse response = client.getCommonResponse(Sdk.summary(ext.emulator(), 10001, 20001));
        assertThat(response.getHttpStatus()).isEqualTo(200);
        assertThatThrownBy(() -> JsonParser.parseString(response.getData()).getAsJsonObject().get("Data").getAsJsonObject()
                .get("MigrationId").getAsLong()).isInstanceOf(RuntimeException.class);
    }

    @Test
    void emptyBody() throws Exception {
        ext.emulator().inject(Fault.emptyBody());
        CommonResponse response = client.getCommonResponse(Sdk.summary(ext.emulator(), 10001, 20001));
        assertThat(response.getHttpStatus()).isEqualTo(200);
        assertThat(response.getData()).isEmpty();
    }

    @Test
    void slowResponse() throws Exception {
        ext.emulator().inject(Fault.delay(Duration.ofMillis(400)));
        long started = System.nanoTime();
        assertThat(status()).isEqualTo("INIT");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(400));
    }

    @Test
    void stallUntilTheClientTimesOutAndCloseStaysPrompt() throws Exception {
        DataWorksEmulator emulator = DataWorksEmulator.builder().scenario(Scenarios.demo()).build().start();
        try {
            emulator.inject(Fault.stall());
            CommonRequest request = Sdk.summary(emulator, 10001, 20001);
            request.setSysReadTimeout(500);
            ClientException e = catchThrowableOfType(ClientException.class, () -> Sdk.call(client, request));
            // aliyun-java-sdk-core 4.7.10 reports a socket read timeout as SDK.ReadTimeout.
            assertThat(e.getErrCode()).isEqualTo("SDK.ReadTimeout");
            // The stall was used up; the next call is answered.
            assertThat(Sdk.call(client, Sdk.summary(emulator, 10001, 20001)).get("Success").getAsBoolean()).isTrue();
            emulator.inject(Fault.stall().always());
            CommonRequest another = Sdk.summary(emulator, 10001, 20001);
            another.setSysReadTimeout(300);
            catchThrowableOfType(ClientException.class, () -> Sdk.call(client, another));
        } finally {
            long started = System.nanoTime();
            emulator.close();
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(3));
        }
    }
}
