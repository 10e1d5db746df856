package io.jenkins.plugins.dataworks.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.aliyuncs.CommonRequest;
import com.aliyuncs.IAcsClient;
import com.aliyuncs.exceptions.ClientException;
import com.aliyuncs.http.MethodType;
import com.google.gson.JsonObject;
import io.jenkins.plugins.dataworks.emulator.junit.DataWorksEmulatorExtension;
import io.jenkins.plugins.dataworks.emulator.scenario.Scenarios;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Signature checking against the real SDK and hand-built requests. */
class RpcSignatureTest {

    static final String KEY = Scenarios.DEMO_ACCESS_KEY_ID;
    static final String SECRET = Scenarios.DEMO_ACCESS_KEY_SECRET;

    @RegisterExtension
    final DataWorksEmulatorExtension ext = new DataWorksEmulatorExtension();

    @Test
    void sdkPostWithCorrectSignatureGetsTheDocumentedShape() throws Exception {
        DataWorksEmulator emulator = ext.emulator();
        JsonObject json = Sdk.call(Sdk.client(KEY, SECRET), Sdk.summary(emulator, 10001, 20001));

        assertThat(new ArrayList<>(json.keySet())).containsExactly("RequestId", "Success", "Data");
        assertThat(json.get("RequestId").getAsString()).matches("[0-9A-F]{8}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{12}");
        assertThat(json.get("Success").getAsBoolean()).isTrue();
        JsonObject data = json.getAsJsonObject("Data");
        assertThat(new ArrayList<>(data.keySet())).containsExactly(
                "MigrationId", "Name", "GmtCreate", "GmtModified", "CreateUser", "OpUser", "Status", "ProjectId");
        assertThat(data.get("MigrationId").getAsLong()).isEqualTo(20001);
        assertThat(data.get("ProjectId").getAsLong()).isEqualTo(10001);
        assertThat(data.get("Name").getAsString()).isEqualTo("demo_export");
        assertThat(data.get("Status").getAsString()).isEqualTo("INIT");
        assertThat(data.get("GmtCreate").getAsLong()).isEqualTo(ext.clock().millis());
        assertThat(emulator.callCount("GetMigrationSummary")).isEqualTo(1);
        assertThat(emulator.callCount("GetMigrationSummary", 20001)).isEqualTo(1);
        assertThat(emulator.calls().get(0).params()).containsEntry("AccessKeyId", KEY)
                .doesNotContainKeys("Signature", "SecurityToken");
        assertThat(emulator.calls().get(0).httpStatus()).isEqualTo(200);
    }

    @Test
    void sdkGetWithQueryParametersIsAcceptedToo() throws Exception {
        CommonRequest request = Sdk.dataworks(ext.emulator(), "GetMigrationSummary");
        request.setSysMethod(MethodType.GET);
        request.putQueryParameter("ProjectId", "10001");
        request.putQueryParameter("MigrationId", "20001");
        JsonObject json = Sdk.call(Sdk.client(KEY, SECRET), request);
        assertThat(json.getAsJsonObject("Data").get("Status").getAsString()).isEqualTo("INIT");
    }

    @Test
    void awkwardCharactersAreSignedWithTheEncRules() throws Exception {
        // Space, *, ~, + and non-ASCII hit every special case of the encoding, in body and in query.
        CommonRequest request = Sdk.dataworks(ext.emulator(), "CreateExportMigration");
        request.putBodyParameter("ProjectId", "10001");
        request.putBodyParameter("Name", "nightly export *~+ 导出");
        request.putBodyParameter("ExportMode", "FULL");
        request.putBodyParameter("ExportObjectStatus", "SAVED");
        request.putQueryParameter("Description", "a/b=c&d e*f~g");
        JsonObject json = Sdk.call(Sdk.client(KEY, SECRET), request);
        assertThat(json.get("Data").getAsLong()).isEqualTo(30001);
    }

    @Test
    void wrongSecretGivesSignatureDoesNotMatchInTheSdkClientException() {
        ClientException e = catchThrowableOfType(ClientException.class,
                () -> Sdk.call(Sdk.client(KEY, "not-the-secret"), Sdk.summary(ext.emulator(), 10001, 20001)));
        assertThat(e.getErrCode()).isEqualTo("SignatureDoesNotMatch");
        assertThat(e.getErrMsg()).startsWith(
                "Specified signature is not matched with our calculation. server string to sign is:POST&%2F&AccessKeyId%3D");
        assertThat(ext.emulator().calls()).singleElement().satisfies(call -> {
            assertThat(call.httpStatus()).isEqualTo(400);
            assertThat(call.code()).isEqualTo("SignatureDoesNotMatch");
        });
    }

    @Test
    void theSdkRecognisesOurStringToSignAsItsOwn() {
        // On the typed path (getAcsResponse) the SDK compares the server's StringToSign with its own and
        // reports SDK.InvalidAccessKeySecret only if they are equal: proof that the emulator canonicalises
        // exactly like the SDK, so a mismatch can only come from the secret.
        ClientException e = catchThrowableOfType(ClientException.class,
                () -> Sdk.client(KEY, "not-the-secret").getAcsResponse(Sdk.summary(ext.emulator(), 10001, 20001).buildRequest()));
        assertThat(e.getErrCode()).isEqualTo("SDK.InvalidAccessKeySecret");
    }

    @Test
    void wrongSecretOnTheWireIsSignatureDoesNotMatchWithTheServerStringToSign() throws Exception {
        Map<String, String> params = RawRpc.params("GetMigrationSummary", KEY);
        params.put("ProjectId", "10001");
        params.put("MigrationId", "20001");
        RawRpc.Answer answer = new RawRpc(ext.endpoint()).signedGet(params, "wrong");
        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.contentType()).startsWith("application/json");
        JsonObject json = answer.json();
        assertThat(new ArrayList<>(json.keySet())).containsExactly("RequestId", "HostId", "Code", "Message", "Recommend");
        assertThat(json.get("Code").getAsString()).isEqualTo("SignatureDoesNotMatch");
        assertThat(json.get("Message").getAsString()).isEqualTo(
                "Specified signature is not matched with our calculation. server string to sign is:"
                        + RawRpc.stringToSign("GET", params));
    }

    @Test
    void unknownAccessKeyIsNotFound() {
        ClientException e = catchThrowableOfType(ClientException.class,
                () -> Sdk.call(Sdk.client("no-such-key", SECRET), Sdk.summary(ext.emulator(), 10001, 20001)));
        assertThat(e.getErrCode()).isEqualTo("InvalidAccessKeyId.NotFound");
        assertThat(ext.emulator().calls().get(0).httpStatus()).isEqualTo(404);
    }

    @Test
    void reusedNonceIsRejected() throws Exception {
        RawRpc raw = new RawRpc(ext.endpoint());
        String nonce = UUID.randomUUID().toString();
        Map<String, String> first = RawRpc.params("GetMigrationSummary", KEY, Instant.now(), nonce);
        first.put("ProjectId", "10001");
        first.put("MigrationId", "20001");
        assertThat(raw.signedGet(first, SECRET).status()).isEqualTo(200);

        Map<String, String> replay = RawRpc.params("GetMigrationSummary", KEY, Instant.now().plusSeconds(1), nonce);
        replay.put("ProjectId", "10001");
        replay.put("MigrationId", "20001");
        RawRpc.Answer answer = raw.signedGet(replay, SECRET);
        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.code()).isEqualTo("SignatureNonceUsed");
    }

    @Test
    void forgedRequestDoesNotBurnTheNonce() throws Exception {
        RawRpc raw = new RawRpc(ext.endpoint());
        String nonce = UUID.randomUUID().toString();
        Map<String, String> params = RawRpc.params("GetMigrationSummary", KEY, Instant.now(), nonce);
        params.put("ProjectId", "10001");
        params.put("MigrationId", "20001");
        assertThat(raw.signedGet(params, "forged").code()).isEqualTo("SignatureDoesNotMatch");
        assertThat(raw.signedGet(params, SECRET).status()).isEqualTo(200);
    }

    @Test
    void staleAndFutureTimestampsAreRejectedButSmallSkewIsFine() throws Exception {
        RawRpc raw = new RawRpc(ext.endpoint());
        List<Duration> rejected = List.of(Duration.ofMinutes(-16), Duration.ofMinutes(16));
        for (Duration skew : rejected) {
            Map<String, String> params = RawRpc.params("GetMigrationSummary", KEY, Instant.now().plus(skew),
                    UUID.randomUUID().toString());
            params.put("ProjectId", "10001");
            params.put("MigrationId", "20001");
            RawRpc.Answer answer = raw.signedGet(params, SECRET);
            assertThat(answer.status()).as("skew %s", skew).isEqualTo(400);
            assertThat(answer.code()).isEqualTo("InvalidTimeStamp.Expired");
        }
        Map<String, String> params = RawRpc.params("GetMigrationSummary", KEY, Instant.now().minus(Duration.ofMinutes(14)),
                UUID.randomUUID().toString());
        params.put("ProjectId", "10001");
        params.put("MigrationId", "20001");
        assertThat(raw.signedGet(params, SECRET).status()).isEqualTo(200);
    }

    @Test
    void sdkRequestIsStaleAgainstAShiftedSignatureClock() {
        MutableClock ahead = MutableClock.at(Instant.now().plus(Duration.ofMinutes(20)));
        try (DataWorksEmulator emulator = DataWorksEmulator.builder().scenario(Scenarios.demo())
                .signatureClock(ahead).build().start()) {
            ClientException e = catchThrowableOfType(ClientException.class,
                    () -> Sdk.call(Sdk.client(KEY, SECRET), Sdk.summary(emulator, 10001, 20001)));
            assertThat(e.getErrCode()).isEqualTo("InvalidTimeStamp.Expired");
            ahead.advance(Duration.ofMinutes(-20));
            assertThat(catchThrowableOfType(ClientException.class,
                    () -> Sdk.call(Sdk.client(KEY, SECRET), Sdk.summary(emulator, 10001, 20001)))).isNull();
        }
    }

    @Test
    void badlyFormattedTimestampIsRejected() throws Exception {
        Map<String, String> params = RawRpc.params("GetMigrationSummary", KEY);
        params.put("Timestamp", "2024-01-01 00:00:00");
        params.put("ProjectId", "10001");
        params.put("MigrationId", "20001");
        RawRpc.Answer answer = new RawRpc(ext.endpoint()).signedGet(params, SECRET);
        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.code()).isEqualTo("InvalidTimeStamp.Format");
    }

    @Test
    void missingSignatureParametersAreReported() throws Exception {
        RawRpc raw = new RawRpc(ext.endpoint());
        Map<String, String> noSignature = RawRpc.params("GetMigrationSummary", KEY);
        RawRpc.Answer answer = raw.get(noSignature);
        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.code()).isEqualTo("IncompleteSignature");

        Map<String, String> noNonce = RawRpc.params("GetMigrationSummary", KEY);
        noNonce.remove("SignatureNonce");
        answer = raw.signedGet(noNonce, SECRET);
        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.code()).isEqualTo("MissingSignatureNonce");

        Map<String, String> noKey = RawRpc.params("GetMigrationSummary", KEY);
        noKey.remove("AccessKeyId");
        answer = raw.signedGet(noKey, SECRET);
        assertThat(answer.code()).isEqualTo("MissingAccessKeyId");

        Map<String, String> wrongMethod = RawRpc.params("GetMigrationSummary", KEY);
        wrongMethod.put("SignatureMethod", "HMAC-SHA256");
        answer = raw.signedGet(wrongMethod, SECRET);
        assertThat(answer.code()).isEqualTo("IncompleteSignature");
    }

    @Test
    void unknownActionAndWrongVersion() throws Exception {
        RawRpc raw = new RawRpc(ext.endpoint());
        RawRpc.Answer answer = raw.signedGet(RawRpc.params("DeleteEverything", KEY), SECRET);
        assertThat(answer.status()).isEqualTo(404);
        assertThat(answer.code()).isEqualTo("InvalidAction.NotFound");

        Map<String, String> oldVersion = RawRpc.params("GetMigrationSummary", KEY);
        oldVersion.put("Version", "2018-06-01");
        answer = raw.signedGet(oldVersion, SECRET);
        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.code()).isEqualTo("InvalidVersion");
    }

    @Test
    void postBodyFormParametersAreSigned() throws Exception {
        RawRpc raw = new RawRpc(ext.endpoint());
        Map<String, String> query = RawRpc.params("GetMigrationSummary", KEY);
        RawRpc.Answer answer = raw.signedPost(query, Map.of("ProjectId", "10001", "MigrationId", "20001"), SECRET);
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.json().getAsJsonObject("Data").get("MigrationId").getAsLong()).isEqualTo(20001);
    }

    @Test
    void disabledKeyIsInactive() throws Exception {
        ext.emulator().addAccessKey(io.jenkins.plugins.dataworks.emulator.scenario.AccessKey.of("old-key", "old").disabled());
        IAcsClient client = Sdk.client("old-key", "old");
        ClientException e = catchThrowableOfType(ClientException.class,
                () -> Sdk.call(client, Sdk.summary(ext.emulator(), 10001, 20001)));
        assertThat(e.getErrCode()).isEqualTo("InvalidAccessKeyId.Inactive");
    }
}
