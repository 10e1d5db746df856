package io.jenkins.plugins.dataworks.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.dataworks.emulator.scenario.MigrationSpec;
import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * What keeps a poll over loopback well under a millisecond (measured, not asserted here: timing
 * belongs in benchmarks): connections are kept alive, and Nagle's algorithm is off so the body that
 * the JDK server writes after the headers is not held back for the client's delayed ACK.
 */
class ConnectionReuseTest {

    private static final String KEY = "reuse-key";
    private static final String SECRET = "reuse-secret";

    @Test
    void turnsNagleOffUnlessTheJvmWasToldOtherwise() {
        Properties fresh = new Properties();
        assertThat(TcpNoDelay.request(fresh)).isTrue();
        assertThat(fresh.getProperty("sun.net.httpserver.nodelay")).isEqualTo("true");

        Properties explicitOff = new Properties();
        explicitOff.setProperty("sun.net.httpserver.nodelay", "false");
        assertThat(TcpNoDelay.request(explicitOff)).isFalse();
        assertThat(explicitOff.getProperty("sun.net.httpserver.nodelay")).isEqualTo("false");
    }

    @Test
    void loadingTheEmulatorTurnsNagleOffForThisJvm() {
        DataWorksEmulator.builder();

        assertThat(System.getProperty("sun.net.httpserver.nodelay")).isEqualTo("true");
    }

    @Test
    void answersSuccessesAndErrorsOnOneKeepAliveConnection() throws Exception {
        try (DataWorksEmulator emulator = DataWorksEmulator.builder().accessKey(KEY, SECRET)
                .migration(MigrationSpec.export(20001, 10001, "nightly")).build().start();
                Socket socket = new Socket(emulator.endpoint().getHost(), emulator.port())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            InputStream in = new BufferedInputStream(socket.getInputStream());
            List<Response> responses = new ArrayList<>();

            for (String query : List.of(signedSummaryQuery(), "Action=GetMigrationSummary", signedSummaryQuery())) {
                out.write(("GET /?" + query + " HTTP/1.1\r\nHost: " + emulator.hostAndPort() + "\r\n\r\n")
                        .getBytes(StandardCharsets.US_ASCII));
                out.flush();
                responses.add(Response.read(in));
            }

            assertThat(responses).extracting(Response::status).containsExactly(200, 400, 200);
            assertThat(responses).allSatisfy(r -> {
                assertThat(r.headers()).doesNotContainEntry("connection", "close");
                assertThat(r.body()).startsWith("{\"RequestId\":");
            });
            assertThat(responses.get(2).body()).contains("\"MigrationId\":20001");
            assertThat(emulator.callCount("GetMigrationSummary")).isEqualTo(3);
        }
    }

    private static String signedSummaryQuery() {
        Map<String, String> params = RawRpc.params("GetMigrationSummary", KEY);
        params.put("ProjectId", "10001");
        params.put("MigrationId", "20001");
        Map<String, String> signed = new LinkedHashMap<>(params);
        signed.put("Signature", RawRpc.sign(SECRET, RawRpc.stringToSign("GET", params)));
        return signed.entrySet().stream().map(e -> RawRpc.percent(e.getKey()) + "=" + RawRpc.percent(e.getValue()))
                .collect(Collectors.joining("&"));
    }

    /** One HTTP/1.1 response with a Content-Length body, read off a connection that stays open. */
    private record Response(int status, Map<String, String> headers, String body) {

        static Response read(InputStream in) throws IOException {
            String statusLine = line(in);
            Map<String, String> headers = new LinkedHashMap<>();
            for (String header = line(in); !header.isEmpty(); header = line(in)) {
                int colon = header.indexOf(':');
                headers.put(header.substring(0, colon).trim().toLowerCase(Locale.ROOT),
                        header.substring(colon + 1).trim().toLowerCase(Locale.ROOT));
            }
            int length = Integer.parseInt(headers.get("content-length"));
            byte[] body = in.readNBytes(length);
            if (body.length < length) {
                throw new EOFException("connection closed inside a body");
            }
            return new Response(Integer.parseInt(statusLine.split(" ")[1]), headers,
                    new String(body, StandardCharsets.UTF_8));
        }

        private static String line(InputStream in) throws IOException {
            StringBuilder line = new StringBuilder();
            for (int b = in.read(); b != '\n'; b = in.read()) {
                if (b < 0) {
                    throw new EOFException("connection closed after: " + line);
                }
                if (b != '\r') {
                    line.append((char) b);
                }
            }
            return line.toString();
        }
    }
}
