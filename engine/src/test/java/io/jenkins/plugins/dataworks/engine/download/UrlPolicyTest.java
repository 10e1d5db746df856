package io.jenkins.plugins.dataworks.engine.download;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.dataworks.engine.error.InvalidInputException;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class UrlPolicyTest {

    private static final String QUERY = "?Expires=1700000000&OSSAccessKeyId=LTAIexample&Signature=c2VjcmV0";

    private final UrlPolicy ossOnly = new UrlPolicy(Set.of());
    private final UrlPolicy withEmulator = new UrlPolicy(Set.of("127.0.0.1", "localhost", "::1", "mirror.example.com"));

    @ParameterizedTest
    @ValueSource(strings = {"https://my-bucket.oss-cn-shanghai.aliyuncs.com/dataworks/export/1/2/x.zip",
            "https://my-bucket.oss-cn-shanghai-internal.aliyuncs.com/k.zip",
            "https://bucket.oss-accelerate.aliyuncs.com/k.zip",
            "https://bucket.oss-cn-shanghai-finance-1.aliyuncs.com/k.zip",
            "https://oss-cn-hangzhou.aliyuncs.com/bucket/k.zip",
            "HTTPS://My-Bucket.OSS-cn-beijing.aliyuncs.com:443/k.zip"})
    void acceptsHttpsOnOssEndpoints(String url) {
        assertThat(ossOnly.check(url + QUERY).getRawQuery()).startsWith("Expires=");
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://evil.example.com/k.zip", "https://dataworks.cn-shanghai.aliyuncs.com/k.zip",
            "https://bucket.oss-cn-shanghai.aliyuncs.com.evil.example.com/k.zip",
            "https://aliyuncs.com/k.zip", "https://bucket.oss-cn-shanghai.aliyuncs.co/k.zip"})
    void refusesOtherHostsNamingTheHostButNotTheQuery(String url) {
        String host = java.net.URI.create(url).getHost();
        assertThatThrownBy(() -> ossOnly.check(url + QUERY))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.field()).isEqualTo("download URL");
                    assertThat(e.getMessage()).contains("host " + host).contains("allowedHosts")
                            .doesNotContain("Signature").doesNotContain("LTAI");
                });
    }

    @Test
    void refusesPlainHttpOnOss() {
        assertThatThrownBy(() -> ossOnly.check("http://my-bucket.oss-cn-shanghai.aliyuncs.com/k.zip" + QUERY))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("must use https")
                .hasMessageNotContaining("Signature");
    }

    @Test
    void plainHttpOnlyForAllowedLoopbackHosts() {
        assertThat(withEmulator.check("http://127.0.0.1:8123/b/k.zip" + QUERY).getPort()).isEqualTo(8123);
        assertThat(withEmulator.check("http://localhost:8123/k.zip").getHost()).isEqualTo("localhost");
        assertThat(withEmulator.check("http://[::1]:8123/k.zip").getPort()).isEqualTo(8123);
        assertThat(withEmulator.check("https://mirror.example.com/k.zip").getHost()).isEqualTo("mirror.example.com");
        assertThatThrownBy(() -> withEmulator.check("http://mirror.example.com/k.zip" + QUERY))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("loopback");
        assertThatThrownBy(() -> ossOnly.check("http://127.0.0.1:8123/k.zip"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("host 127.0.0.1");
    }

    @Test
    void refusesOtherSchemesUserInfoAndOddPortsOnOss() {
        assertThatThrownBy(() -> withEmulator.check("ftp://127.0.0.1/k.zip")).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> withEmulator.check("file:///etc/passwd")).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> ossOnly.check("https://user:pw@my-bucket.oss-cn-shanghai.aliyuncs.com/k.zip"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("user info").hasMessageNotContaining("pw");
        assertThatThrownBy(() -> ossOnly.check("https://my-bucket.oss-cn-shanghai.aliyuncs.com:8443/k.zip"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("port 8443");
    }

    @Test
    void malformedUrlsAreReportedWithoutTheirQuery() {
        assertThatThrownBy(() -> ossOnly.check("https://my-bucket.oss-cn-shanghai.aliyuncs.com/a b|c.zip" + QUERY + "|x"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("not a valid URL")
                .hasMessageContaining("?<redacted>").hasMessageNotContaining("Signature");
        assertThatThrownBy(() -> ossOnly.check("")).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> ossOnly.check(null)).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> ossOnly.check("/relative/k.zip" + QUERY)).isInstanceOf(InvalidInputException.class)
                .hasMessageNotContaining("Signature");
    }
}
