package io.jenkins.plugins.dataworks.engine.download;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.jenkins.plugins.dataworks.emulator.junit.DataWorksEmulatorExtension;
import io.jenkins.plugins.dataworks.emulator.oss.PackageSource;
import io.jenkins.plugins.dataworks.emulator.proxy.ForwardingProxy;
import io.jenkins.plugins.dataworks.emulator.scenario.MigrationSpec;
import io.jenkins.plugins.dataworks.emulator.scenario.Scenario;
import io.jenkins.plugins.dataworks.engine.client.ProxySettings;
import io.jenkins.plugins.dataworks.engine.error.DownloadException;
import io.jenkins.plugins.dataworks.engine.error.InvalidInputException;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The package GET through a real forwarding proxy. With an explicit ProxySelector the download
 * proxies loopback too (only the JVM's default selector skips localhost and 127.*), so the emulator on
 * 127.0.0.1 makes a meaningful target: the counts differ with and without the proxy.
 */
@Timeout(30)
class ProxyDownloadTest {

    private static final long MIGRATION = 40001;
    private static final int SIZE = 256 * 1024 + 3;
    private static final String NAME = "export.zip";

    @RegisterExtension
    final DataWorksEmulatorExtension oss = DataWorksEmulatorExtension.withScenario(Scenario.builder()
            .migration(MigrationSpec.export(MIGRATION, 10001, "proxied").pkg(PackageSource.generated(SIZE, 3)))
            .downloadUrlTtl(Duration.ofHours(1))
            .build());

    @TempDir
    Path dir;

    private ForwardingProxy proxy;

    @BeforeEach
    void startProxy() throws IOException {
        proxy = ForwardingProxy.start();
    }

    @AfterEach
    void stopProxy() throws IOException {
        proxy.close();
    }

    private DownloadSettings settings() {
        return DownloadSettings.defaults().withAllowedHosts(Set.of("127.0.0.1")).withReadTimeout(Duration.ofSeconds(10));
    }

    private DownloadResult download(DownloadSettings s) {
        return new PackageDownloader(s).download(oss.emulator().downloadUrl(MIGRATION), dir, NAME, UrlRefresher.NONE,
                DownloadProgress.NONE);
    }

    @Test
    void packageGetGoesThroughTheConfiguredProxy() throws Exception {
        DownloadResult result = download(settings().withProxy(ProxySettings.parse(proxy.address())));

        assertThat(result.size()).isEqualTo(SIZE);
        assertThat(result.crc64Verified()).isTrue();
        assertThat(Files.size(dir.resolve(NAME))).isEqualTo(SIZE);
        URI url = URI.create(oss.emulator().downloadUrl(MIGRATION));
        assertThat(proxy.requests()).singleElement().satisfies(r -> {
            assertThat(r.method()).isEqualTo("GET");
            assertThat(r.target().getHost()).isEqualTo(url.getHost());
            assertThat(r.target().getPort()).isEqualTo(url.getPort());
            assertThat(r.target().getRawPath()).isEqualTo(url.getRawPath());
        });
        assertThat(oss.emulator().downloadCount()).isEqualTo(1);
    }

    @Test
    void aHostInNonProxyHostsIsFetchedDirectly() {
        download(settings().withProxy(ProxySettings.parse(proxy.address()).withNonProxyHosts("127.0.0.0/8")));

        assertThat(proxy.requests()).isEmpty();
        assertThat(oss.emulator().downloadCount()).isEqualTo(1);
    }

    @Test
    void withoutAProxyTheDownloadIsDirectAsBefore() {
        DownloadSettings plain = new DownloadSettings(Set.of("127.0.0.1"), DownloadSettings.DEFAULT_MAX_BYTES,
                Duration.ofSeconds(10), Duration.ofSeconds(10), 5, 2);
        assertThat(plain.proxy()).isNull();
        download(plain);

        assertThat(proxy.requests()).isEmpty();
        assertThat(oss.emulator().downloadCount()).isEqualTo(1);
    }

    @Test
    void theUrlPolicyStillAppliesBeforeAnyRequestReachesTheProxy() {
        String notAllowed = oss.emulator().downloadUrl(MIGRATION).replace("127.0.0.1", "localhost");
        InvalidInputException e = catchThrowableOfType(InvalidInputException.class, () -> new PackageDownloader(
                settings().withProxy(ProxySettings.parse(proxy.address()))).download(notAllowed, dir, NAME, UrlRefresher.NONE, DownloadProgress.NONE));

        assertThat(e).isNotNull();
        assertThat(e.getMessage()).startsWith("download URL host localhost is not an Alibaba Cloud OSS endpoint");
        assertThat(proxy.requests()).isEmpty();
    }

    @Test
    void httpsTunnelsWithConnectSoTheProxyNeverSeesTheSignedQuery() throws IOException {
        // An OSS host: the policy accepts it, and through a proxy the JDK never resolves it itself,
        // so nothing leaves this machine; the proxy refuses the tunnel.
        String url = "https://bucket.oss-cn-shanghai.aliyuncs.com/export.zip?OSSAccessKeyId=k&Expires=1&Signature=S1gn4ture";
        proxy.answerConnectWith("407 Proxy Authentication Required");
        DownloadException e = catchThrowableOfType(DownloadException.class, () -> new PackageDownloader(
                settings().withMaxResumes(0).withProxy(ProxySettings.parse(proxy.address()))).download(url, dir, NAME, UrlRefresher.NONE, DownloadProgress.NONE));

        assertThat(proxy.requests()).singleElement().satisfies(r -> {
            assertThat(r.method()).isEqualTo("CONNECT");
            assertThat(r.target().getHost()).isEqualTo("bucket.oss-cn-shanghai.aliyuncs.com");
            assertThat(r.target().getPort()).isEqualTo(443);
            assertThat(r.target().toString()).doesNotContain("Signature");
        });
        assertThat(e).isNotNull();
        assertThat(e.getMessage()).doesNotContain("S1gn4ture").doesNotContain("\n")
                .contains("answered HTTP 407: the proxy asks for authentication, which is not supported");
        try (var entries = Files.list(dir)) {
            assertThat(entries).isEmpty();
        }
    }

    @Test
    void anUnreachableProxyFailsTheDownloadAndLeavesNothing() throws IOException {
        int deadPort;
        try (ServerSocket s = new ServerSocket(0)) {
            deadPort = s.getLocalPort();
        }
        DownloadException e = catchThrowableOfType(DownloadException.class,
                () -> download(settings().withMaxResumes(0).withProxy(new ProxySettings("127.0.0.1", deadPort, null))));

        assertThat(e).isNotNull();
        assertThat(e.getMessage()).doesNotContain("Signature=").doesNotContain("\n");
        assertThat(oss.emulator().downloadCount()).isZero();
        try (var entries = Files.list(dir)) {
            assertThat(entries).isEmpty();
        }
    }
}
