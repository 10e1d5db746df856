package io.jenkins.plugins.dataworks.engine.download;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import io.jenkins.plugins.dataworks.engine.error.DownloadException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Answers OSS never gives (so the emulator does not imitate them), from a bare JDK server: the
 * downloader must refuse them rather than trust them.
 */
@Timeout(30)
class UnusualServerTest {

    @TempDir
    Path dir;

    private HttpServer server;
    private final AtomicInteger redirectTargetHits = new AtomicInteger();

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/redirect", exchange -> {
            exchange.getResponseHeaders().set("Location", "http://127.0.0.1:" + port() + "/target?Signature=moved");
            exchange.sendResponseHeaders(302, -1);
            exchange.close();
        });
        server.createContext("/target", exchange -> {
            redirectTargetHits.incrementAndGet();
            exchange.sendResponseHeaders(200, 1);
            exchange.getResponseBody().write('x');
            exchange.close();
        });
        server.createContext("/chunked", exchange -> {
            exchange.sendResponseHeaders(200, 0); // 0: chunked, no Content-Length
            try (OutputStream body = exchange.getResponseBody()) {
                body.write(new byte[1000]);
            }
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private int port() {
        return server.getAddress().getPort();
    }

    private PackageDownloader downloader() {
        return new PackageDownloader(DownloadSettings.defaults().withAllowedHosts(Set.of("127.0.0.1")));
    }

    @Test
    void anHttpsUrlIsFetchedOverTlsEvenThoughTlsIsSetUpOnlyWhenNeeded() throws Exception {
        // TLS is created on the first https connection (TlsOnFirstUse): it must still be used. This
        // server answers in clear text at once, so a TLS client fails its handshake instead of
        // trusting the body.
        try (ServerSocket plain = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Thread answer = new Thread(() -> {
                try (Socket s = plain.accept()) {
                    s.getOutputStream().write("HTTP/1.1 200 OK\r\nContent-Length: 1\r\n\r\nx".getBytes(StandardCharsets.US_ASCII));
                    s.getOutputStream().flush();
                    s.getInputStream().read(); // until the client gives up
                } catch (IOException ignored) {
                    // the client closed the connection
                }
            });
            answer.setDaemon(true);
            answer.start();
            String url = "https://127.0.0.1:" + plain.getLocalPort() + "/p.zip?Signature=secret";
            PackageDownloader downloader = new PackageDownloader(
                    DownloadSettings.defaults().withAllowedHosts(Set.of("127.0.0.1")).withMaxResumes(0));

            assertThatThrownBy(() -> downloader.download(url, dir, "p.zip", UrlRefresher.NONE, null))
                    .isInstanceOfSatisfying(DownloadException.class, e -> {
                        assertThat(e.errorCode()).isEqualTo("TransferBroken");
                        assertThat(e.getMessage()).contains("SSLException").doesNotContain("secret");
                    });
        }
        try (var entries = Files.list(dir)) {
            assertThat(entries).isEmpty();
        }
    }

    @Test
    void doesNotFollowRedirects() throws IOException {
        String url = "http://127.0.0.1:" + port() + "/redirect?Signature=secret";

        assertThatThrownBy(() -> downloader().download(url, dir, "p.zip", UrlRefresher.NONE, null))
                .isInstanceOfSatisfying(DownloadException.class, e -> {
                    assertThat(e.errorCode()).isEqualTo("Redirect");
                    assertThat(e.getMessage()).contains("HTTP 302").contains("host 127.0.0.1")
                            .doesNotContain("secret").doesNotContain("moved");
                });
        assertThat(redirectTargetHits).hasValue(0);
        assertThat(listing()).isEmpty();
    }

    @Test
    void refusesABodyOfUnknownLength() throws IOException {
        String url = "http://127.0.0.1:" + port() + "/chunked";

        assertThatThrownBy(() -> downloader().download(url, dir, "p.zip", UrlRefresher.NONE, null))
                .isInstanceOfSatisfying(DownloadException.class,
                        e -> assertThat(e.errorCode()).isEqualTo("NoContentLength"));
        assertThat(listing()).isEmpty();
    }

    private Set<Path> listing() throws IOException {
        try (var files = Files.list(dir)) {
            return Set.copyOf(files.toList());
        }
    }
}
