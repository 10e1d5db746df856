package io.jenkins.plugins.dataworks.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.jenkins.plugins.dataworks.emulator.junit.DataWorksEmulatorExtension;
import io.jenkins.plugins.dataworks.emulator.oss.PackageSource;
import io.jenkins.plugins.dataworks.emulator.scenario.DownloadFault;
import io.jenkins.plugins.dataworks.emulator.scenario.MigrationSpec;
import io.jenkins.plugins.dataworks.emulator.scenario.Timeline;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Presigned OSS downloads: signature, expiry, ranges, HEAD, CRC and every download fault. */
class OssDownloadTest {

    static final byte[] CONTENT = new byte[200_000];

    static {
        new Random(42).nextBytes(CONTENT);
    }

    @RegisterExtension
    final DataWorksEmulatorExtension ext = new DataWorksEmulatorExtension().configure(b -> b
            .migration(MigrationSpec.export(20005, 10001, "bytes").timeline(Timeline.fixed("EXPORT_SUCCESS"))
                    .pkg(PackageSource.ofBytes(CONTENT)))
            .migration(MigrationSpec.export(20006, 10001, "no_crc").timeline(Timeline.fixed("EXPORT_SUCCESS"))
                    .pkg(PackageSource.ofBytes(CONTENT)).crcHeader(false)));

    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private HttpResponse<byte[]> get(String url, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return http.send(request.GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static String text(HttpResponse<byte[]> response) {
        return new String(response.body(), StandardCharsets.UTF_8);
    }

    @Test
    void crc64XzCheckValue() {
        assertThat(Crc64Xz.of("123456789".getBytes(StandardCharsets.US_ASCII))).isEqualTo(0x995DC9BBDF1939FAL);
    }

    @Test
    void goodUrlServesTheWholeObjectWithCrcAndEtag() throws Exception {
        HttpResponse<byte[]> response = get(ext.emulator().downloadUrl(20005));
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo(CONTENT);
        assertThat(response.headers().firstValue("Content-Length")).hasValue(Integer.toString(CONTENT.length));
        assertThat(response.headers().firstValue("x-oss-hash-crc64ecma"))
                .hasValue(Long.toUnsignedString(Crc64Xz.of(CONTENT)));
        assertThat(response.headers().firstValue("ETag")).hasValueSatisfying(e -> assertThat(e).matches("\"[0-9A-F]{32}\""));
        assertThat(response.headers().firstValue("Accept-Ranges")).hasValue("bytes");
        assertThat(ext.emulator().downloadCount()).isEqualTo(1);
        assertThat(ext.emulator().downloads().get(0).migrationId()).isEqualTo(20005);
    }

    @Test
    void downloadUrlFromGetMigrationSummaryWorksEndToEnd() throws Exception {
        var client = Sdk.client(io.jenkins.plugins.dataworks.emulator.scenario.Scenarios.DEMO_ACCESS_KEY_ID,
                io.jenkins.plugins.dataworks.emulator.scenario.Scenarios.DEMO_ACCESS_KEY_SECRET);
        String url = null;
        for (int i = 0; i < 5; i++) {
            var data = Sdk.call(client, Sdk.summary(ext.emulator(), 10001, 20001)).getAsJsonObject("Data");
            url = data.has("DownloadUrl") ? data.get("DownloadUrl").getAsString() : null;
        }
        assertThat(url).isNotNull();
        HttpResponse<byte[]> response = get(url);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("x-oss-hash-crc64ecma"))
                .hasValue(Long.toUnsignedString(Crc64Xz.of(response.body())));
        assertThat(response.body().length).isBetween(250 * 1024, 400 * 1024);
        try (var zip = new java.util.zip.ZipInputStream(new java.io.ByteArrayInputStream(response.body()))) {
            int entries = 0;
            for (var entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                assertThat(entry.getName()).startsWith("demo_export/");
                zip.readAllBytes();
                entries++;
            }
            assertThat(entries).isEqualTo(6);
        }
    }

    @Test
    void tamperedSignatureIsRejectedWithOssXml() throws Exception {
        String url = ext.emulator().downloadUrl(20005);
        int at = url.indexOf("Signature=") + "Signature=".length();
        String tampered = url.substring(0, at) + (url.charAt(at) == 'A' ? 'B' : 'A') + url.substring(at + 1);
        HttpResponse<byte[]> response = get(tampered);
        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/xml");
        assertThat(text(response)).contains("<Error>", "<Code>SignatureDoesNotMatch</Code>", "<RequestId>", "<HostId>",
                "<StringToSign>GET\n\n\n");

        String otherKey = url.replace("by", "xx").replace("/bytes.zip", "/other.zip");
        assertThat(get(otherKey).statusCode()).isEqualTo(403);
    }

    @Test
    void expiredUrlIsAccessDenied() throws Exception {
        String url = ext.emulator().downloadUrl(20005);
        ext.clock().advance(Duration.ofMinutes(59));
        assertThat(get(url).statusCode()).isEqualTo(200);
        ext.clock().advance(Duration.ofMinutes(1).plusSeconds(1));
        HttpResponse<byte[]> response = get(url);
        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(text(response)).contains("<Code>AccessDenied</Code>", "<Message>Request has expired.</Message>");
    }

    @Test
    void validRangesAre206WithContentRangeAndTheWholeObjectCrc() throws Exception {
        String url = ext.emulator().downloadUrl(20005);
        String crc = Long.toUnsignedString(Crc64Xz.of(CONTENT));

        HttpResponse<byte[]> middle = get(url, "Range", "bytes=1000-1999");
        assertThat(middle.statusCode()).isEqualTo(206);
        assertThat(middle.headers().firstValue("Content-Range")).hasValue("bytes 1000-1999/" + CONTENT.length);
        assertThat(middle.headers().firstValue("Content-Length")).hasValue("1000");
        assertThat(middle.headers().firstValue("x-oss-hash-crc64ecma")).hasValue(crc);
        assertThat(middle.body()).isEqualTo(Arrays.copyOfRange(CONTENT, 1000, 2000));

        HttpResponse<byte[]> open = get(url, "Range", "bytes=199990-");
        assertThat(open.statusCode()).isEqualTo(206);
        assertThat(open.body()).isEqualTo(Arrays.copyOfRange(CONTENT, 199_990, CONTENT.length));

        HttpResponse<byte[]> suffix = get(url, "Range", "bytes=-7");
        assertThat(suffix.statusCode()).isEqualTo(206);
        assertThat(suffix.headers().firstValue("Content-Range")).hasValue("bytes 199993-199999/" + CONTENT.length);
    }

    @Test
    void invalidRangesGetTheWholeObjectByDefault() throws Exception {
        String url = ext.emulator().downloadUrl(20005);
        for (String range : new String[] {"bytes=500-100", "bytes=0-200000", "bytes=200000-", "bytes=-300000", "bits=0-1"}) {
            HttpResponse<byte[]> response = get(url, "Range", range);
            assertThat(response.statusCode()).as(range).isEqualTo(200);
            assertThat(response.headers().firstValue("Content-Range")).as(range).isEmpty();
            assertThat(response.body()).as(range).isEqualTo(CONTENT);
        }
    }

    @Test
    void standardRangeBehaviourMustBeSignedAndGives416() throws Exception {
        // OSS signs every x-oss-* header: the header only works with a URL signed for it.
        String unsigned = ext.emulator().downloadUrl(20005);
        assertThat(get(unsigned, "Range", "bytes=300000-", "x-oss-range-behavior", "standard").statusCode()).isEqualTo(403);

        String url = ext.emulator().presign(20005, "GET", ext.clock().instant().plusSeconds(60),
                Map.of("x-oss-range-behavior", "standard"));
        HttpResponse<byte[]> beyond = get(url, "Range", "bytes=300000-", "x-oss-range-behavior", "standard");
        assertThat(beyond.statusCode()).isEqualTo(416);
        assertThat(beyond.headers().firstValue("Content-Range")).hasValue("bytes */" + CONTENT.length);
        assertThat(text(beyond)).contains("<Code>InvalidRange</Code>");

        HttpResponse<byte[]> clamped = get(url, "Range", "bytes=199000-250000", "x-oss-range-behavior", "standard");
        assertThat(clamped.statusCode()).isEqualTo(206);
        assertThat(clamped.headers().firstValue("Content-Range")).hasValue("bytes 199000-199999/" + CONTENT.length);
    }

    @Test
    void headNeedsAHeadSignatureAndReturnsHeadersOnly() throws Exception {
        String headUrl = ext.emulator().presign(20005, "HEAD", ext.clock().instant().plusSeconds(60), Map.of());
        HttpResponse<Void> head = http.send(HttpRequest.newBuilder(URI.create(headUrl))
                .method("HEAD", HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.discarding());
        assertThat(head.statusCode()).isEqualTo(200);
        assertThat(head.headers().firstValue("Content-Length")).hasValue(Integer.toString(CONTENT.length));
        assertThat(head.headers().firstValue("x-oss-hash-crc64ecma")).hasValue(Long.toUnsignedString(Crc64Xz.of(CONTENT)));

        // As on OSS, the verb is signed: a GET URL does not allow HEAD.
        HttpResponse<Void> wrongVerb = http.send(HttpRequest.newBuilder(URI.create(ext.emulator().downloadUrl(20005)))
                .method("HEAD", HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.discarding());
        assertThat(wrongVerb.statusCode()).isEqualTo(403);
    }

    @Test
    void crcHeaderCanBeOmitted() throws Exception {
        HttpResponse<byte[]> response = get(ext.emulator().downloadUrl(20006));
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("x-oss-hash-crc64ecma")).isEmpty();
    }

    @Test
    void notFoundAndAnonymous() throws Exception {
        String url = ext.emulator().downloadUrl(20005);
        String base = ext.endpoint().toString();
        assertThat(text(get(base + "/other-bucket/x.zip?Expires=1&OSSAccessKeyId=a&Signature=b"))).contains("NoSuchBucket");
        assertThat(text(get(url.substring(0, url.indexOf('?'))))).contains("<Code>AccessDenied</Code>");
        String unknownId = url.replace("OSSAccessKeyId=emulator-oss-key", "OSSAccessKeyId=someone-else");
        assertThat(text(get(unknownId))).contains("<Code>InvalidAccessKeyId</Code>");
    }

    @Test
    void truncateClosesTheConnectionMidBody() throws Exception {
        ext.emulator().inject(DownloadFault.truncateAfter(70_000));
        HttpResponse<InputStream> response = http.send(HttpRequest.newBuilder(URI.create(ext.emulator().downloadUrl(20005)))
                .build(), HttpResponse.BodyHandlers.ofInputStream());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Length")).hasValue(Integer.toString(CONTENT.length));
        ByteArrayOutputStream got = new ByteArrayOutputStream();
        Throwable failure = catchThrowable(() -> {
            try (InputStream in = response.body()) {
                in.transferTo(got);
            }
        });
        assertThat(failure).isInstanceOf(IOException.class);
        assertThat(got.toByteArray()).isEqualTo(Arrays.copyOf(CONTENT, 70_000));
        // Used up: the next download is whole. A new client, so that no connection of the cut
        // exchange can be involved (a rare failure here under load left that open question).
        HttpResponse<byte[]> again = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(ext.emulator().downloadUrl(20005))).timeout(Duration.ofSeconds(10)).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(again.statusCode()).as("status; downloads %s", ext.emulator().downloads()).isEqualTo(200);
        assertThat(again.body().length).as("length; downloads %s; headers %s", ext.emulator().downloads(), again.headers().map())
                .isEqualTo(CONTENT.length);
        assertThat(again.body()).isEqualTo(CONTENT);
    }

    @Test
    void stallAfterSomeBytesUntilTheClientTimesOut() throws Exception {
        ext.emulator().inject(DownloadFault.stallAfter(1000).onMigration(20005));
        ByteArrayOutputStream got = new ByteArrayOutputStream();
        Throwable failure = catchThrowable(() -> readAll(ext.emulator().downloadUrl(20005), got, 500));
        assertThat(failure).isInstanceOf(SocketTimeoutException.class);
        assertThat(got.size()).isEqualTo(1000);
    }

    @Test
    void corruptOneByteButAdvertiseTheOriginalCrc() throws Exception {
        ext.emulator().inject(DownloadFault.corruptAt(12_345));
        HttpResponse<byte[]> response = get(ext.emulator().downloadUrl(20005));
        assertThat(response.statusCode()).isEqualTo(200);
        byte[] body = response.body();
        assertThat(body).hasSameSizeAs(CONTENT).isNotEqualTo(CONTENT);
        assertThat(body[12_345]).isNotEqualTo(CONTENT[12_345]);
        body[12_345] = CONTENT[12_345];
        assertThat(body).isEqualTo(CONTENT);
        assertThat(response.headers().firstValue("x-oss-hash-crc64ecma")).hasValue(Long.toUnsignedString(Crc64Xz.of(CONTENT)));
    }

    @Test
    void corruptionInsideARange() throws Exception {
        ext.emulator().inject(DownloadFault.corruptAt(150_000));
        HttpResponse<byte[]> response = get(ext.emulator().downloadUrl(20005), "Range", "bytes=149990-150009");
        assertThat(response.statusCode()).isEqualTo(206);
        assertThat(response.body()[10]).isNotEqualTo(CONTENT[150_000]);
    }

    @Test
    void refusedRangeAnswersTheWholeObject() throws Exception {
        ext.emulator().inject(DownloadFault.ignoreRange());
        HttpResponse<byte[]> response = get(ext.emulator().downloadUrl(20005), "Range", "bytes=100-199");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo(CONTENT);
    }

    @Test
    void expiredAndErrorFaults() throws Exception {
        ext.emulator().inject(DownloadFault.expired()).inject(DownloadFault.error(503, "ServiceUnavailable"));
        String url = ext.emulator().downloadUrl(20005);
        HttpResponse<byte[]> expired = get(url);
        assertThat(expired.statusCode()).isEqualTo(403);
        assertThat(text(expired)).contains("Request has expired.");
        HttpResponse<byte[]> unavailable = get(url);
        assertThat(unavailable.statusCode()).isEqualTo(503);
        assertThat(text(unavailable)).contains("<Code>ServiceUnavailable</Code>");
        assertThat(get(url).statusCode()).isEqualTo(200);
    }

    /** Reads with a socket read timeout (the JDK HttpClient has none for bodies). */
    private static void readAll(String url, ByteArrayOutputStream into, int readTimeoutMillis) throws IOException {
        HttpURLConnection connection = (HttpURLConnection) URI.create(url).toURL().openConnection();
        connection.setReadTimeout(readTimeoutMillis);
        try (InputStream in = connection.getInputStream()) {
            byte[] buffer = new byte[8192];
            for (int n; (n = in.read(buffer)) >= 0; ) {
                into.write(buffer, 0, n);
            }
        } finally {
            connection.disconnect();
        }
    }
}
