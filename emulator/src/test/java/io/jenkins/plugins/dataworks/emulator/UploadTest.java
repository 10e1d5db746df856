package io.jenkins.plugins.dataworks.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.aliyuncs.IAcsClient;
import com.aliyuncs.exceptions.ClientException;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.jenkins.plugins.dataworks.emulator.junit.DataWorksEmulatorExtension;
import io.jenkins.plugins.dataworks.emulator.scenario.Fault;
import io.jenkins.plugins.dataworks.emulator.scenario.Scenarios;
import io.jenkins.plugins.dataworks.emulator.scenario.UploadFault;
import io.jenkins.plugins.dataworks.emulator.state.UploadRecord;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** OpenPlatform AuthorizeFileUpload through the real SDK, then OSS PostObject over real HTTP. */
class UploadTest {

    static final byte[] CONTENT = new byte[300_000];

    static {
        new Random(7).nextBytes(CONTENT);
    }

    @RegisterExtension
    final DataWorksEmulatorExtension ext = new DataWorksEmulatorExtension().configure(b -> b.maxUploadBytes(400_000));

    final IAcsClient client = Sdk.client(Scenarios.DEMO_ACCESS_KEY_ID, Scenarios.DEMO_ACCESS_KEY_SECRET);
    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private JsonObject grant() throws ClientException {
        return Sdk.call(client, Sdk.authorizeFileUpload(ext.emulator()));
    }

    private static JsonObject policy(JsonObject grant) {
        return JsonParser.parseString(new String(Base64.getDecoder().decode(grant.get("EncodedPolicy").getAsString()),
                StandardCharsets.UTF_8)).getAsJsonObject();
    }

    private byte[] stored(String key) throws IOException {
        try (InputStream in = ext.emulator().openUpload(key).orElseThrow()) {
            return in.readAllBytes();
        }
    }

    private UploadRecord lastUpload() {
        var uploads = ext.emulator().uploads();
        assertThat(uploads).isNotEmpty();
        return uploads.get(uploads.size() - 1);
    }

    @Test
    void authorizeFileUploadAnswersASignedPolicyForOneNewKey() throws Exception {
        JsonObject grant = grant();
        assertThat(grant.keySet()).containsExactly("RequestId", "AccessKeyId", "Bucket", "Endpoint", "ObjectKey",
                "EncodedPolicy", "Signature", "UseAccelerate");
        assertThat(grant.get("AccessKeyId").getAsString()).isEqualTo(DataWorksEmulator.OSS_ACCESS_KEY_ID);
        assertThat(grant.get("Bucket").getAsString()).isEqualTo(ext.emulator().scenario().bucket());
        assertThat(grant.get("Endpoint").getAsString()).isEqualTo(ext.emulator().endpoint().toString());
        assertThat(grant.get("ObjectKey").getAsString()).matches("dataworks/import/[0-9a-f-]{36}/package\\.zip");
        assertThat(grant.get("UseAccelerate").getAsBoolean()).isFalse();
        assertThat(grant().get("ObjectKey").getAsString()).isNotEqualTo(grant.get("ObjectKey").getAsString());

        JsonObject policy = policy(grant);
        assertThat(Instant.parse(policy.get("expiration").getAsString()))
                .isEqualTo(ext.clock().instant().plus(Duration.ofMinutes(15)));
        JsonArray conditions = policy.getAsJsonArray("conditions");
        assertThat(conditions.get(0).getAsJsonObject().get("bucket").getAsString()).isEqualTo(grant.get("Bucket").getAsString());
        assertThat(conditions.get(1).toString()).isEqualTo("[\"eq\",\"$key\",\"" + grant.get("ObjectKey").getAsString() + "\"]");
        assertThat(conditions.get(2).toString()).isEqualTo("[\"content-length-range\",1,400000]");
        assertThat(ext.emulator().calls()).hasSize(2).allSatisfy(c -> {
            assertThat(c.action()).isEqualTo("AuthorizeFileUpload");
            assertThat(c.httpStatus()).isEqualTo(200);
        });
    }

    @Test
    void authorizeFileUploadIsStrict() {
        var wrongProduct = Sdk.authorizeFileUpload(ext.emulator());
        wrongProduct.putQueryParameter("Product", "ecs");
        ClientException e = catchThrowableOfType(ClientException.class, () -> Sdk.call(client, wrongProduct));
        assertThat(e.getErrCode()).isEqualTo("InvalidParameter");
        assertThat(e.getErrMsg()).contains("Product");

        var wrongVersion = Sdk.authorizeFileUpload(ext.emulator());
        wrongVersion.setSysVersion("2020-05-18");
        assertThat(catchThrowableOfType(ClientException.class, () -> Sdk.call(client, wrongVersion)).getErrCode())
                .isEqualTo("InvalidVersion");

        IAcsClient wrongSecret = Sdk.client(Scenarios.DEMO_ACCESS_KEY_ID, "not-the-secret");
        assertThat(catchThrowableOfType(ClientException.class,
                () -> Sdk.call(wrongSecret, Sdk.authorizeFileUpload(ext.emulator()))).getErrCode())
                .isEqualTo("SignatureDoesNotMatch");
    }

    @Test
    void postObjectStoresTheFileAndAnswers201WithTheCrc() throws Exception {
        JsonObject grant = grant();
        String key = grant.get("ObjectKey").getAsString();
        HttpResponse<String> response = PostForm.from(grant).file(CONTENT).post(http, PostForm.postUrl(grant));
        assertThat(response.statusCode()).isEqualTo(201);
        String crc = Long.toUnsignedString(Crc64Xz.of(CONTENT));
        assertThat(response.headers().firstValue("x-oss-hash-crc64ecma")).hasValue(crc);
        assertThat(response.headers().firstValue("x-oss-request-id")).isPresent();
        assertThat(response.headers().firstValue("ETag")).hasValueSatisfying(t -> assertThat(t).matches("\"[0-9A-F]{32}\""));
        assertThat(response.body()).contains("<PostResponse>", "<Bucket>" + grant.get("Bucket").getAsString() + "</Bucket>",
                "<Key>" + key + "</Key>", "<ETag>");
        assertThat(stored(key)).isEqualTo(CONTENT);
        UploadRecord record = lastUpload();
        assertThat(record.key()).isEqualTo(key);
        assertThat(record.size()).isEqualTo(CONTENT.length);
        assertThat(record.crc64()).isEqualTo(Crc64Xz.of(CONTENT));
        assertThat(record.outcome()).isEqualTo(UploadRecord.Outcome.STORED);
        assertThat(record.httpStatus()).isEqualTo(201);
    }

    @Test
    void withoutSuccessActionStatusTheAnswerIs204() throws Exception {
        JsonObject grant = grant();
        HttpResponse<String> response = PostForm.from(grant).field("success_action_status", null).file(CONTENT)
                .post(http, PostForm.postUrl(grant));
        assertThat(response.statusCode()).isEqualTo(204);
        assertThat(response.body()).isEmpty();
        assertThat(stored(grant.get("ObjectKey").getAsString())).isEqualTo(CONTENT);
    }

    @Test
    void aBoundarySplitAcrossReadsAndBoundaryLikeContentSurvive() throws Exception {
        // Content made of near-boundaries ("\r\n--" followed by something else) and a 64 KiB straddle.
        JsonObject grant = grant();
        PostForm form = PostForm.from(grant);
        byte[] tricky = new byte[65536 * 2 + 17];
        new Random(3).nextBytes(tricky);
        byte[] near = ("\r\n--" + form.boundary.substring(0, form.boundary.length() - 1) + "X").getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(near, 0, tricky, 65536 - 5, near.length);
        System.arraycopy(near, 0, tricky, tricky.length - near.length, near.length);
        assertThat(form.file(tricky).post(http, PostForm.postUrl(grant)).statusCode()).isEqualTo(201);
        assertThat(stored(grant.get("ObjectKey").getAsString())).isEqualTo(tricky);
    }

    @Test
    void tamperedSignatureIsRejectedWithoutEchoingPolicyOrSignature() throws Exception {
        JsonObject grant = grant();
        String signature = grant.get("Signature").getAsString();
        String tampered = (signature.charAt(0) == 'A' ? "B" : "A") + signature.substring(1);
        HttpResponse<String> response = PostForm.from(grant).field("Signature", tampered).file(CONTENT)
                .post(http, PostForm.postUrl(grant));
        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.body()).contains("<Code>SignatureDoesNotMatch</Code>")
                .doesNotContain(grant.get("EncodedPolicy").getAsString(), signature, tampered);
        assertThat(ext.emulator().openUpload(grant.get("ObjectKey").getAsString())).isEmpty();
        assertThat(lastUpload().outcome()).isEqualTo(UploadRecord.Outcome.REJECTED);
        assertThat(lastUpload().code()).isEqualTo("SignatureDoesNotMatch");

        // A policy changed by the client (here: a bigger cap) no longer matches its signature.
        JsonObject policy = policy(grant);
        policy.getAsJsonArray("conditions").set(2, JsonParser.parseString("[\"content-length-range\",1,999999999]"));
        String forged = Base64.getEncoder().encodeToString(policy.toString().getBytes(StandardCharsets.UTF_8));
        assertThat(PostForm.from(grant).field("policy", forged).file(CONTENT).post(http, PostForm.postUrl(grant)).body())
                .contains("<Code>SignatureDoesNotMatch</Code>");
    }

    @Test
    void anExpiredPolicyIsAccessDenied() throws Exception {
        JsonObject grant = grant();
        ext.clock().advance(Duration.ofMinutes(15));
        HttpResponse<String> response = PostForm.from(grant).file(CONTENT).post(http, PostForm.postUrl(grant));
        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.body()).contains("<Code>AccessDenied</Code>",
                "<Message>Invalid according to Policy: Policy expired.</Message>");
        assertThat(ext.emulator().openUpload(grant.get("ObjectKey").getAsString())).isEmpty();

        ext.clock().advance(Duration.ofSeconds(-1));
        assertThat(PostForm.from(grant).file(CONTENT).post(http, PostForm.postUrl(grant)).statusCode()).isEqualTo(201);
    }

    @Test
    void aKeyOtherThanThePolicysIsAccessDenied() throws Exception {
        JsonObject grant = grant();
        HttpResponse<String> response = PostForm.from(grant).field("key", "dataworks/import/elsewhere.zip").file(CONTENT)
                .post(http, PostForm.postUrl(grant));
        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.body()).contains("<Code>AccessDenied</Code>", "Invalid according to Policy: Policy Condition failed");
        assertThat(ext.emulator().openUpload("dataworks/import/elsewhere.zip")).isEmpty();

        HttpResponse<String> otherBucket = PostForm.from(grant).file(CONTENT)
                .post(http, URI.create(ext.emulator().endpoint() + "/another-bucket"));
        assertThat(otherBucket.statusCode()).isEqualTo(404);
        assertThat(otherBucket.body()).contains("<Code>NoSuchBucket</Code>");
    }

    @Test
    void sizesOutsideContentLengthRangeAreRejected() throws Exception {
        JsonObject grant = grant();
        HttpResponse<String> tooLarge = PostForm.from(grant).file(new byte[400_001]).post(http, PostForm.postUrl(grant));
        assertThat(tooLarge.statusCode()).isEqualTo(400);
        assertThat(tooLarge.body()).contains("<Code>EntityTooLarge</Code>");
        assertThat(lastUpload().size()).isEqualTo(400_001);
        assertThat(lastUpload().crc64()).isNull();

        HttpResponse<String> empty = PostForm.from(grant).file(new byte[0]).post(http, PostForm.postUrl(grant));
        assertThat(empty.statusCode()).isEqualTo(400);
        assertThat(empty.body()).contains("<Code>EntityTooSmall</Code>");
        assertThat(ext.emulator().openUpload(grant.get("ObjectKey").getAsString())).isEmpty();

        assertThat(PostForm.from(grant).file(new byte[400_000]).post(http, PostForm.postUrl(grant)).statusCode()).isEqualTo(201);
    }

    @Test
    void missingFieldsAreInvalidArgument() throws Exception {
        JsonObject grant = grant();
        for (String field : new String[] {"OSSAccessKeyId", "policy", "Signature", "key"}) {
            HttpResponse<String> response = PostForm.from(grant).field(field, null).file(CONTENT).post(http, PostForm.postUrl(grant));
            assertThat(response.statusCode()).as(field).isEqualTo(400);
            assertThat(response.body()).as(field).contains("<Code>InvalidArgument</Code>", "'" + field + "'");
        }
        PostForm noFile = PostForm.from(grant);
        HttpResponse<String> response = noFile.send(http, PostForm.postUrl(grant), noFile.body(false));
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("<Code>InvalidArgument</Code>", "'file'");
        assertThat(ext.emulator().uploads()).extracting(UploadRecord::outcome).containsOnly(UploadRecord.Outcome.REJECTED);
    }

    @Test
    void aBodyThatEndsBeforeTheClosingBoundaryStoresNothing() throws Exception {
        JsonObject grant = grant();
        PostForm form = PostForm.from(grant).file(CONTENT);
        // The request is complete as HTTP (Content-Length matches) but the form stops mid-file.
        IOException e = catchThrowableOfType(IOException.class, () -> form.send(http, PostForm.postUrl(grant), form.truncated(1000)));
        assertThat(e).isNotNull();
        assertThat(ext.emulator().openUpload(grant.get("ObjectKey").getAsString())).isEmpty();
        assertThat(lastUpload().outcome()).isEqualTo(UploadRecord.Outcome.INCOMPLETE);
        assertThat(lastUpload().crc64()).isNull();
        assertThat(lastUpload().httpStatus()).isZero();
    }

    @Test
    void uploadFaults() throws Exception {
        JsonObject grant = grant();
        String key = grant.get("ObjectKey").getAsString();
        ext.emulator().inject(UploadFault.error(503, "ServiceUnavailable"));
        HttpResponse<String> unavailable = PostForm.from(grant).file(CONTENT).post(http, PostForm.postUrl(grant));
        assertThat(unavailable.statusCode()).isEqualTo(503);
        assertThat(unavailable.body()).contains("<Code>ServiceUnavailable</Code>");
        assertThat(ext.emulator().openUpload(key)).isEmpty();

        ext.emulator().inject(UploadFault.closeAfter(1000));
        assertThat(catchThrowableOfType(IOException.class,
                () -> PostForm.from(grant).file(CONTENT).post(http, PostForm.postUrl(grant)))).isNotNull();
        assertThat(ext.emulator().openUpload(key)).isEmpty();
        assertThat(lastUpload().outcome()).isEqualTo(UploadRecord.Outcome.INCOMPLETE);
        assertThat(lastUpload().fault()).isEqualTo("CLOSE_AFTER");

        ext.emulator().inject(UploadFault.storedNoAnswer());
        assertThat(catchThrowableOfType(IOException.class,
                () -> PostForm.from(grant).file(CONTENT).post(http, PostForm.postUrl(grant)))).isNotNull();
        assertThat(stored(key)).isEqualTo(CONTENT);
        assertThat(lastUpload().outcome()).isEqualTo(UploadRecord.Outcome.STORED);
        assertThat(lastUpload().httpStatus()).isZero();

        // Faults used up: the next upload is answered.
        assertThat(PostForm.from(grant).file(CONTENT).post(http, PostForm.postUrl(grant)).statusCode()).isEqualTo(201);
        assertThat(ext.emulator().uploads()).extracting(UploadRecord::fault)
                .containsExactly("ERROR", "CLOSE_AFTER", "STORED_NO_ANSWER", null);
    }

    @Test
    void throttlingCanTargetAuthorizeFileUpload() throws Exception {
        ext.emulator().inject(Fault.throttling("Throttling.User").onAction("AuthorizeFileUpload"));
        assertThat(Sdk.call(client, Sdk.summary(ext.emulator(), 10001, 20001)).get("Success").getAsBoolean()).isTrue();
        ClientException e = catchThrowableOfType(ClientException.class, this::grant);
        assertThat(e.getErrCode()).isEqualTo("Throttling.User");
        assertThat(ext.emulator().calls().get(1).httpStatus()).isEqualTo(429);
        assertThat(grant().has("Signature")).isTrue();
    }

    @Test
    void uploadedObjectsAreDeletedOnClose() throws Exception {
        DataWorksEmulator emulator = DataWorksEmulator.builder().scenario(Scenarios.demo()).build().start();
        Path dir;
        try {
            JsonObject grant = Sdk.call(client, Sdk.authorizeFileUpload(emulator));
            assertThat(PostForm.from(grant).file(CONTENT).post(http, PostForm.postUrl(grant)).statusCode()).isEqualTo(201);
            dir = emulator.uploadDirectory().orElseThrow();
            try (var files = Files.list(dir)) {
                assertThat(files.count()).isEqualTo(1);
            }
        } finally {
            emulator.close();
        }
        assertThat(dir).doesNotExist();
    }
}
