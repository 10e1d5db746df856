package io.jenkins.plugins.dataworks.engine.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.jenkins.plugins.dataworks.engine.error.InvalidInputException;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Parsing of proxy text and environment, the non-proxy host language and the ProxySelector view. */
class ProxySettingsTest {

    static InvalidInputException invalid(Runnable r) {
        InvalidInputException e = catchThrowableOfType(InvalidInputException.class, r::run);
        assertThat(e).as("expected InvalidInputException").isNotNull();
        assertThat(e.getMessage()).doesNotContain("\n");
        return e;
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "proxy.corp:3128            | proxy.corp | 3128",
        "  proxy.corp:3128          | proxy.corp | 3128",
        "http://proxy.corp:8080     | proxy.corp | 8080",
        "HTTP://proxy.corp:8080/    | proxy.corp | 8080",
        "10.1.2.3:80                | 10.1.2.3   | 80",
        "[fd00::1]:3128             | fd00::1    | 3128",
        "http://[::1]:65535         | ::1        | 65535",
    })
    void parsesHostAndPort(String text, String host, int port) {
        ProxySettings p = ProxySettings.parse(text);
        assertThat(p.host()).isEqualTo(host);
        assertThat(p.port()).isEqualTo(port);
        assertThat(p.nonProxyHosts()).isNull();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "nohost            | proxy must be HOST:PORT or http://HOST:PORT, e.g. proxy.example.com:8080, got 'nohost': add the port",
        "host:0            | proxy port must be between 1 and 65535, got 0",
        "host:70000        | proxy port must be between 1 and 65535, got 70000",
        "host:http         | proxy port must be a number between 1 and 65535, got 'http' in 'host:http'",
        "host:             | proxy port must be a number between 1 and 65535, got '' in 'host:'",
        "https://host:443  | proxy must be an http:// proxy, got scheme 'https': https:// and socks proxies are not supported; give HOST:PORT or http://HOST:PORT, e.g. proxy.example.com:8080",
        "socks5://host:1080| proxy must be an http:// proxy, got scheme 'socks5': https:// and socks proxies are not supported; give HOST:PORT or http://HOST:PORT, e.g. proxy.example.com:8080",
        "http://host:1/x   | proxy must be HOST:PORT or http://HOST:PORT, e.g. proxy.example.com:8080 without a path, got 'http://host:1/x'",
        "fd00::1:3128      | proxy must put an IPv6 address in brackets, e.g. [fd00::1]:8080, got 'fd00::1:3128'",
        ":3128             | proxy host must be a host name or IP address, without scheme, user or path",
        "ho st:3128        | proxy host must be a host name or IP address, without scheme, user or path",
    })
    void badTextIsRefusedWithOneLineNamingTheField(String text, String message) {
        InvalidInputException e = invalid(() -> ProxySettings.parse(text));
        assertThat(e.field()).isEqualTo("proxy");
        assertThat(e.getMessage()).isEqualTo(message);
    }

    @Test
    void emptyTextSaysWhatToGive() {
        assertThat(invalid(() -> ProxySettings.parse(" ")).getMessage())
                .isEqualTo("proxy is empty: give the proxy as HOST:PORT or http://HOST:PORT, e.g. proxy.example.com:8080");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "http://alice:S3cr3t-pw@proxy.corp:8080",
        "alice:S3cr3t-pw@proxy.corp:8080",
        "socks5://alice:S3cr3t-pw@proxy.corp:1080",
        "http://alice:S3cr3t-pw@proxy.corp",
    })
    void credentialsAreRefusedAndNeverRepeated(String text) {
        InvalidInputException e = invalid(() -> ProxySettings.parse(text));
        assertThat(e.getMessage())
                .startsWith("proxy must not carry a user name or password (value not shown): proxy authentication is not supported")
                .doesNotContain("S3cr3t-pw").doesNotContain("alice");
    }

    @Test
    void nonProxyHostsAreGlobsAndCidrRangesInCanonicalForm() {
        ProxySettings p = new ProxySettings("proxy.corp", 3128, " *.Internal , localhost|10.0.0.0/8\n[FD00::1] fd00::/8 ");
        assertThat(p.nonProxyHosts()).isEqualTo("*.internal|localhost|10.0.0.0/8|fd00::1|fd00::/8");
        assertThat(p.appliesTo("dataworks.cn-shanghai.aliyuncs.com")).isTrue();
        assertThat(p.appliesTo("dataworks.corp.INTERNAL")).isFalse();
        assertThat(p.appliesTo("internal")).isTrue();
        assertThat(p.appliesTo("localhost")).isFalse();
        assertThat(p.appliesTo("10.200.3.4")).isFalse();
        assertThat(p.appliesTo("11.0.0.1")).isTrue();
        assertThat(p.appliesTo("[fd12::5]")).isFalse();
        assertThat(p.appliesTo("fe80::1")).isTrue();
        assertThat(p.appliesTo("10.example.com")).as("a CIDR range never matches a name").isTrue();
        assertThat(new ProxySettings("proxy", 1, "  ").nonProxyHosts()).isNull();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "10.0.0.0/33     | nonProxyHosts entry '10.0.0.0/33' is not a CIDR range: write an IP address and a prefix length, e.g. 10.0.0.0/8 or fd00::/8",
        "example.com/8   | nonProxyHosts entry 'example.com/8' is not a CIDR range: write an IP address and a prefix length, e.g. 10.0.0.0/8 or fd00::/8",
        "exa$mple.com    | nonProxyHosts entry 'exa$mple.com' is not a host name, IP address, CIDR range or '*' pattern: write e.g. *.example.com or 10.0.0.0/8",
    })
    void badNonProxyHostsNameTheField(String patterns, String message) {
        InvalidInputException e = invalid(() -> new ProxySettings("proxy", 1, patterns));
        assertThat(e.field()).isEqualTo("nonProxyHosts");
        assertThat(e.getMessage()).isEqualTo(message);
    }

    @Test
    void noProxyListFollowsCurl() {
        String patterns = ProxySettings.noProxyList("NO_PROXY", ".corp.example.com, example.org:8443 *.svc,10.0.0.0/8,::1,[fd00::2]:80");
        assertThat(patterns).isEqualTo(
                "corp.example.com|*.corp.example.com|example.org|*.example.org|*.svc|10.0.0.0/8|::1|fd00::2");
        ProxySettings p = new ProxySettings("proxy", 1, patterns);
        assertThat(p.appliesTo("corp.example.com")).isFalse();
        assertThat(p.appliesTo("oss.corp.example.com")).isFalse();
        assertThat(p.appliesTo("notcorp.example.com")).isTrue();
        assertThat(p.appliesTo("svc")).isTrue();
        assertThat(p.appliesTo("db.svc")).isFalse();
        assertThat(ProxySettings.noProxyList("NO_PROXY", "example.com,*")).isEqualTo("*");
        assertThat(new ProxySettings("proxy", 1, "*").appliesTo("anything.example")).isFalse();
        assertThat(ProxySettings.noProxyList("NO_PROXY", " , ")).isNull();
        InvalidInputException e = invalid(() -> ProxySettings.noProxyList("NO_PROXY", "example.com,ex*ample.org"));
        assertThat(e.field()).isEqualTo("NO_PROXY");
        assertThat(e.getMessage()).startsWith("NO_PROXY entry 'ex*ample.org' is not a host name, domain");
    }

    @Test
    void environmentGivesHttpsProxyNoProxyAndLoopback() {
        assertThat(ProxySettings.fromEnvironment(Map.of())).isEmpty();
        assertThat(ProxySettings.fromEnvironment(Map.of("HTTPS_PROXY", " ", "NO_PROXY", "example.com"))).isEmpty();
        assertThat(ProxySettings.fromEnvironment(Map.of("HTTP_PROXY", "http://proxy.corp:3128")))
                .as("HTTP_PROXY is for http URLs, which real installations never use").isEmpty();

        ProxySettings p = ProxySettings.fromEnvironment(Map.of(
                "HTTPS_PROXY", "http://proxy.corp:3128/", "https_proxy", "http://other:1",
                "NO_PROXY", ".internal.example.com", "no_proxy", "ignored.example")).orElseThrow();
        assertThat(p.address()).isEqualTo("proxy.corp:3128");
        assertThat(p.nonProxyHosts()).isEqualTo(
                "localhost|127.0.0.0/8|::1|internal.example.com|*.internal.example.com");
        assertThat(p.appliesTo("127.0.0.2")).isFalse();
        assertThat(p.appliesTo("[::1]")).isFalse();
        assertThat(p.appliesTo("oss.internal.example.com")).isFalse();
        assertThat(p.appliesTo("ignored.example")).isTrue();
        assertThat(p.appliesTo("dataworks.cn-shanghai.aliyuncs.com")).isTrue();

        ProxySettings lower = ProxySettings.fromEnvironment(Map.of("https_proxy", "proxy.corp:8080", "no_proxy", "*"))
                .orElseThrow();
        assertThat(lower.address()).isEqualTo("proxy.corp:8080");
        assertThat(lower.appliesTo("dataworks.cn-shanghai.aliyuncs.com")).isFalse();
    }

    @Test
    void badEnvironmentNamesTheVariableAndHidesThePassword() {
        InvalidInputException e = invalid(() -> ProxySettings.fromEnvironment(Map.of("HTTPS_PROXY", "http://bob:Pa55word@proxy.corp:8080")));
        assertThat(e.field()).isEqualTo("HTTPS_PROXY");
        assertThat(e.getMessage()).startsWith("HTTPS_PROXY must not carry a user name or password (value not shown)")
                .doesNotContain("Pa55word");
        assertThat(invalid(() -> ProxySettings.fromEnvironment(Map.of("https_proxy", "proxy.corp"))).getMessage())
                .startsWith("https_proxy must be HOST:PORT or http://HOST:PORT");
        assertThat(invalid(() -> ProxySettings.fromEnvironment(Map.of("HTTPS_PROXY", "proxy:1", "no_proxy", "a/b"))).field())
                .isEqualTo("no_proxy");
    }

    @Test
    void selectorSendsHttpAndHttpsThroughTheProxyExceptNonProxyHosts() {
        ProxySelector selector = new ProxySettings("proxy.corp", 3128, "*.internal|127.0.0.1").selector();
        Proxy proxy = selector.select(URI.create("https://bucket.oss-cn-shanghai.aliyuncs.com/x?Signature=s")).get(0);
        assertThat(proxy.type()).isEqualTo(Proxy.Type.HTTP);
        InetSocketAddress address = (InetSocketAddress) proxy.address();
        assertThat(address.getHostString()).isEqualTo("proxy.corp");
        assertThat(address.getPort()).isEqualTo(3128);
        assertThat(address.isUnresolved()).as("resolved at connect time, following DNS").isTrue();
        assertThat(selector.select(URI.create("http://127.0.0.2:8080/")).get(0).type()).isEqualTo(Proxy.Type.HTTP);
        assertThat(selector.select(URI.create("http://127.0.0.1:8080/"))).containsExactly(Proxy.NO_PROXY);
        assertThat(selector.select(URI.create("https://oss.corp.internal/"))).containsExactly(Proxy.NO_PROXY);
        assertThat(selector.select(URI.create("socket://proxy.example:1"))).containsExactly(Proxy.NO_PROXY);
        assertThat(selector).hasToString("ProxySelector[proxy.corp:3128, direct: *.internal|127.0.0.1]");
    }

    @Test
    void bypassingAddsAndWithNonProxyHostsReplaces() {
        ProxySettings p = new ProxySettings("proxy", 1, "a.example");
        assertThat(p.bypassing("b.example|a.example").nonProxyHosts()).isEqualTo("a.example|b.example");
        assertThat(p.bypassing(null)).isEqualTo(p);
        assertThat(p.withNonProxyHosts(null).nonProxyHosts()).isNull();
        assertThat(new ProxySettings("[fd00::1]", 8080, null).address()).isEqualTo("[fd00::1]:8080");
    }
}
