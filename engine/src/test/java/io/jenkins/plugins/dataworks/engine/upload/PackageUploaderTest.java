package io.jenkins.plugins.dataworks.engine.upload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.jenkins.plugins.dataworks.engine.auth.SecretValue;
import io.jenkins.plugins.dataworks.engine.client.UploadGrant;
import io.jenkins.plugins.dataworks.engine.error.ApiException;
import io.jenkins.plugins.dataworks.engine.error.DataWorksException;
import io.jenkins.plugins.dataworks.engine.error.ErrorClassifier;
import io.jenkins.plugins.dataworks.engine.error.InvalidInputException;
import io.jenkins.plugins.dataworks.engine.error.TransientApiException;
import io.jenkins.plugins.dataworks.engine.text.Setting;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tukaani.xz.check.CRC64;

/**
 * The uploader against a tiny local HTTP server that records what arrives: the form as OSS reads
 * it, the streamed length, the CRC-64 check, truncation and the classification of OSS answers.
 */
class PackageUploaderTest {

    private static final String POLICY = "eyJleHBpcmF0aW9uIjoiMjAzMC0wMS0wMVQwMDowMDowMFoifQ-policy-secret";
    private static final String SIGNATURE = "c2lnbmF0dXJlLXNlY3JldC12YWx1ZQ==";
    private static final String KEY = "dataworks/import/0b7c/package.zip";
    private static final String BUCKET = "import-bucket";

    @TempDir
    Path dir;

    private HttpServer server;
    private final List<Duration> sleeps = Collections.synchronizedList(new ArrayList<>());
    private final ConcurrentLinkedQueue<Handler> script = new ConcurrentLinkedQueue<>();
    private final List<Request> requests = Collections.synchronizedList(new ArrayList<>());

    /** What the server saw of one request. */
    record Request(String method, String path, String contentType, String contentLength, String transferEncoding,
            byte[] body) {}

    /** One scripted answer. */
    @FunctionalInterface
    interface Handler {
        void handle(HttpExchange exchange, Request seen) throws IOException;
    }

    @BeforeEach
    void startServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/", exchange -> {
            Handler h = script.poll();
            if (h == null) {
                h = stored();
            }
            h.handle(exchange, null);
        });
        server.start();
    }

    @AfterEach
    void stopServer() {
        server.stop(0);
    }

    private String endpoint() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private UploadGrant grant() {
        return new UploadGrant("oss-key-id", BUCKET, endpoint(), KEY, SecretValue.of("EncodedPolicy", POLICY),
                SecretValue.of("Signature", SIGNATURE), false, "grant-request");
    }

    private UploadSettings settings() {
        return UploadSettings.defaults().withAllowedHosts(java.util.Set.of("127.0.0.1"))
                .withReadTimeout(Duration.ofSeconds(10));
    }

    private PackageUploader uploader(Path file) {
        return new PackageUploader(settings(), file, sleeps::add);
    }

    private Path packageOf(int size, long seed) throws IOException {
        byte[] bytes = new byte[size];
        new Random(seed).nextBytes(bytes);
        Path file = dir.resolve("package-" + seed + ".zip");
        Files.write(file, bytes);
        return file;
    }

    private Request read(HttpExchange exchange) throws IOException {
        byte[] body;
        try (InputStream in = exchange.getRequestBody()) {
            body = in.readAllBytes();
        }
        Request r = new Request(exchange.getRequestMethod(), exchange.getRequestURI().getRawPath(),
                exchange.getRequestHeaders().getFirst("Content-Type"),
                exchange.getRequestHeaders().getFirst("Content-Length"),
                exchange.getRequestHeaders().getFirst("Transfer-Encoding"), body);
        requests.add(r);
        return r;
    }

    /** Stores the file part and answers 201 with the CRC-64 of what arrived, as OSS does. */
    private Handler stored() {
        return (exchange, ignored) -> {
            Request r = read(exchange);
            byte[] file = filePart(r);
            exchange.getResponseHeaders().set("x-oss-request-id", "oss-request-1");
            exchange.getResponseHeaders().set("x-oss-hash-crc64ecma", Long.toUnsignedString(crc64(file)));
            exchange.sendResponseHeaders(201, -1);
            exchange.close();
        };
    }

    private Handler answering(long crc) {
        return (exchange, ignored) -> {
            read(exchange);
            exchange.getResponseHeaders().set("x-oss-hash-crc64ecma", Long.toUnsignedString(crc));
            exchange.sendResponseHeaders(201, -1);
            exchange.close();
        };
    }

    private Handler error(int status, String code, String message) {
        return (exchange, ignored) -> {
            read(exchange);
            byte[] xml = ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error>\n  <Code>" + code + "</Code>\n  <Message>"
                    + message + "</Message>\n  <RequestId>oss-err-1</RequestId>\n  <HostId>h</HostId>\n"
                    + "  <SignatureProvided>" + SIGNATURE + "</SignatureProvided>\n</Error>\n")
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("x-oss-request-id", "oss-err-1");
            exchange.sendResponseHeaders(status, xml.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(xml);
            }
        };
    }

    /** Reads this many bytes of the body, then drops the connection without an answer. */
    private Handler closingAfter(int bytes) {
        return (exchange, ignored) -> {
            byte[] part = exchange.getRequestBody().readNBytes(bytes);
            requests.add(new Request(exchange.getRequestMethod(), exchange.getRequestURI().getRawPath(), null,
                    exchange.getRequestHeaders().getFirst("Content-Length"), null, part));
            exchange.close(); // no headers sent: the JDK server closes the connection
        };
    }

    private static long crc64(byte[] bytes) {
        CRC64 crc = new CRC64();
        crc.update(bytes, 0, bytes.length);
        long value = 0;
        byte[] le = crc.finish();
        for (int i = 7; i >= 0; i--) {
            value = (value << 8) | (le[i] & 0xFF);
        }
        return value;
    }

    /** The bytes of the file part, found by the boundary of the Content-Type. */
    private static byte[] filePart(Request r) {
        String boundary = r.contentType().substring(r.contentType().indexOf("boundary=") + "boundary=".length());
        String latin = new String(r.body(), StandardCharsets.ISO_8859_1);
        int start = latin.indexOf("\r\n\r\n", latin.indexOf("name=\"file\"")) + 4;
        int end = latin.lastIndexOf("\r\n--" + boundary + "--\r\n");
        return latin.substring(start, end).getBytes(StandardCharsets.ISO_8859_1);
    }

    private static void assertSafe(DataWorksException e) {
        assertThat(e.getMessage()).doesNotContain("\n", "\r", POLICY, SIGNATURE, "policy-secret")
                .contains(KEY);
    }

    @Test
    void theFormIsTheOssPostObjectFormWithTheFileStreamedAtItsExactLength() throws IOException {
        Path file = packageOf(700_000, 1);

        uploader(file).upload(grant());

        assertThat(requests).hasSize(1);
        Request r = requests.get(0);
        assertThat(r.method()).isEqualTo("POST");
        assertThat(r.path()).as("path style: <endpoint>/<bucket>").isEqualTo("/" + BUCKET);
        assertThat(r.transferEncoding()).as("not chunked").isNull();
        assertThat(r.contentLength()).isEqualTo(String.valueOf(r.body().length));
        assertThat(r.contentType()).startsWith("multipart/form-data; boundary=dataworks-upload-");
        String boundary = r.contentType().substring(r.contentType().indexOf("boundary=") + 9);
        String head = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"OSSAccessKeyId\"\r\n\r\noss-key-id\r\n"
                + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"policy\"\r\n\r\n" + POLICY + "\r\n"
                + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"Signature\"\r\n\r\n" + SIGNATURE + "\r\n"
                + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"key\"\r\n\r\n" + KEY + "\r\n"
                + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"success_action_status\"\r\n\r\n201\r\n"
                + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + KEY + "\"\r\n"
                + "Content-Type: application/octet-stream\r\n\r\n";
        String tail = "\r\n--" + boundary + "--\r\n";
        byte[] expected = new ByteArrayOutputStream() {
            {
                writeBytes(head.getBytes(StandardCharsets.UTF_8));
                writeBytes(readAll(file));
                writeBytes(tail.getBytes(StandardCharsets.UTF_8));
            }
        }.toByteArray();
        assertThat(r.body()).isEqualTo(expected);
        assertThat(sleeps).isEmpty();
    }

    private static byte[] readAll(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aCrcMismatchIsRetriedAsAWholeAndFailsInOneLineWhenItPersists() throws IOException {
        Path file = packageOf(50_000, 2);
        for (int i = 0; i < 3; i++) {
            script.add(answering(12345L));
        }

        TransientApiException e = catchThrowableOfType(() -> uploader(file).upload(grant()), TransientApiException.class);

        assertThat(e.errorCode()).isEqualTo("Crc64Mismatch");
        assertThat(e.getMessage()).contains("attempt 3 of 3", "OSS stored CRC-64 12345",
                Long.toUnsignedString(crc64(readAll(file))));
        assertSafe(e);
        assertThat(requests).hasSize(3).allSatisfy(r -> assertThat(r.body().length).isGreaterThan(50_000));
        assertThat(sleeps).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2));
    }

    @Test
    void aCrcMismatchOnceIsHealedByTheNextAttempt() throws IOException {
        Path file = packageOf(50_000, 3);
        script.add(answering(1L));

        uploader(file).upload(grant());

        assertThat(requests).hasSize(2);
        assertThat(filePart(requests.get(1))).isEqualTo(readAll(file));
        assertThat(sleeps).containsExactly(Duration.ofSeconds(1));
    }

    @Test
    void anUploadCutMidWaySendsTheWholeFileAgain() throws IOException {
        Path file = packageOf(3_000_000, 4);
        script.add(closingAfter(200_000));

        uploader(file).upload(grant());

        assertThat(requests).hasSize(2);
        assertThat(requests.get(0).body()).hasSize(200_000);
        assertThat(filePart(requests.get(1))).as("the whole file, from its first byte").isEqualTo(readAll(file));
    }

    @Test
    void anUploadCutEveryTimeFailsInOneLineAfterTheAttempts() throws IOException {
        Path file = packageOf(3_000_000, 5);
        for (int i = 0; i < 3; i++) {
            script.add(closingAfter(100_000));
        }

        TransientApiException e = catchThrowableOfType(() -> uploader(file).upload(grant()), TransientApiException.class);

        assertThat(e.getMessage()).startsWith("upload of 'package-5.zip' (3000000 bytes) to OSS object " + KEY
                + " (attempt 3 of 3) failed:");
        assertSafe(e);
        assertThat(requests).hasSize(3);
    }

    @Test
    void anExpiredPolicyIsReportedAtOnceForAFreshGrant() throws IOException {
        Path file = packageOf(1000, 6);
        script.add(error(403, "AccessDenied", "Invalid according to Policy: Policy expired."));

        TransientApiException e = catchThrowableOfType(() -> uploader(file).upload(grant()), TransientApiException.class);

        assertThat(ErrorClassifier.needsFreshUploadGrant(e)).isTrue();
        assertThat(e.requestId()).isEqualTo("oss-err-1");
        assertThat(e.getMessage()).contains("AccessDenied (HTTP 403)", "fresh AuthorizeFileUpload grant");
        assertSafe(e);
        assertThat(requests).hasSize(1);
        assertThat(sleeps).isEmpty();
    }

    @Test
    void otherRefusalsArePermanentAndNeverEchoTheSignature() throws IOException {
        Path file = packageOf(1000, 7);
        script.add(error(403, "SignatureDoesNotMatch", "The request signature we calculated does not match " + SIGNATURE));

        ApiException e = catchThrowableOfType(() -> uploader(file).upload(grant()), ApiException.class);

        assertThat(e.errorCode()).isEqualTo("SignatureDoesNotMatch");
        assertThat(ErrorClassifier.needsFreshUploadGrant(e)).isFalse();
        assertSafe(e);
        assertThat(requests).hasSize(1);
    }

    @Test
    void aServerErrorIsRetried() throws IOException {
        Path file = packageOf(1000, 8);
        script.add(error(503, "ServiceUnavailable", "Please reduce your request rate."));

        uploader(file).upload(grant());

        assertThat(requests).hasSize(2);
        assertThat(sleeps).containsExactly(Duration.ofSeconds(1));
    }

    @Test
    void theFileIsCheckedBeforeAnyRequest() throws IOException {
        Path empty = Files.createFile(dir.resolve("empty.zip"));
        Path big = packageOf(2000, 9);

        InvalidInputException missing = catchThrowableOfType(
                () -> uploader(dir.resolve("nope.zip")), InvalidInputException.class);
        InvalidInputException directory = catchThrowableOfType(() -> uploader(dir), InvalidInputException.class);
        InvalidInputException none = catchThrowableOfType(() -> uploader(empty), InvalidInputException.class);
        InvalidInputException tooLarge = catchThrowableOfType(
                () -> new PackageUploader(settings().withMaxUploadBytes(1999), big), InvalidInputException.class);

        for (InvalidInputException e : List.of(missing, directory, none, tooLarge)) {
            assertThat(e.field()).isEqualTo(Setting.PACKAGE_FILE.engineName());
            assertThat(e.getMessage()).doesNotContain("\n");
        }
        assertThat(missing.getMessage()).contains("nope.zip does not exist");
        assertThat(directory.getMessage()).contains("is a directory");
        assertThat(none.getMessage()).contains("is empty");
        assertThat(tooLarge.getMessage()).contains("2000 bytes", "over the limit of 1999 bytes", "raise maxUploadBytes");
        assertThat(tooLarge.text().settings()).contains(Setting.MAX_UPLOAD_BYTES);
        assertThat(requests).isEmpty();
    }

    @Test
    void aGrantForAHostOutsideOssIsRefusedBeforeAnyRequest() throws IOException {
        Path file = packageOf(1000, 10);
        UploadGrant elsewhere = new UploadGrant("oss-key-id", BUCKET, "uploads.example.com", KEY,
                SecretValue.of("EncodedPolicy", POLICY), SecretValue.of("Signature", SIGNATURE), false, null);

        ApiException e = catchThrowableOfType(() -> uploader(file).upload(elsewhere), ApiException.class);

        assertThat(e.getMessage()).contains("import-bucket.uploads.example.com is not an Alibaba Cloud OSS endpoint")
                .doesNotContain(POLICY, SIGNATURE, "\n");
        assertThat(requests).isEmpty();
    }
}
