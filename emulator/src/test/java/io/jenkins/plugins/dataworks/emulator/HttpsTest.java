package io.jenkins.plugins.dataworks.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.jenkins.plugins.dataworks.emulator.scenario.Scenarios;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.Test;

/** The optional HTTPS mode with a certificate generated at start. */
class HttpsTest {

    @Test
    void rpcAndDownloadsOverHttpsWithTheGeneratedCertificate() throws Exception {
        try (DataWorksEmulator emulator = DataWorksEmulator.builder().scenario(Scenarios.demo()).https(true).build().start()) {
            assertThat(emulator.endpoint().getScheme()).isEqualTo("https");
            assertThat(emulator.certificate().getSubjectX500Principal().getName()).contains("dataworks-migration-emulator");
            HttpClient trusting = HttpClient.newBuilder().sslContext(emulator.clientSslContext()).build();

            Map<String, String> params = RawRpc.params("GetMigrationSummary", Scenarios.DEMO_ACCESS_KEY_ID);
            params.put("ProjectId", "10001");
            params.put("MigrationId", "20001");
            RawRpc.Answer answer = new RawRpc(emulator.endpoint(), trusting).signedGet(params, Scenarios.DEMO_ACCESS_KEY_SECRET);
            assertThat(answer.status()).isEqualTo(200);
            assertThat(answer.json().getAsJsonObject("Data").get("Status").getAsString()).isEqualTo("INIT");

            String url = emulator.downloadUrl(Scenarios.DEMO_MIGRATION_ID);
            assertThat(url).startsWith("https://127.0.0.1:");
            HttpResponse<byte[]> download = trusting.send(HttpRequest.newBuilder(URI.create(url)).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            assertThat(download.statusCode()).isEqualTo(200);
            assertThat(download.headers().firstValue("x-oss-hash-crc64ecma"))
                    .hasValue(Long.toUnsignedString(Crc64Xz.of(download.body())));

            // A client with the default trust store refuses the self-signed certificate.
            Throwable refused = catchThrowable(() -> HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.discarding()));
            assertThat(refused).isInstanceOf(SSLHandshakeException.class);
        }
    }
}
