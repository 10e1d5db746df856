package io.jenkins.plugins.dataworks.engine.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.dataworks.engine.error.InvalidInputException;
import java.net.URI;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class EndpointTest {

    @ParameterizedTest
    @CsvSource({
        "cn-shanghai, https://dataworks.cn-shanghai.aliyuncs.com",
        "cn-hangzhou, https://dataworks.cn-hangzhou.aliyuncs.com",
        "ap-southeast-1, https://dataworks.ap-southeast-1.aliyuncs.com",
        "cn-wulanchabu, https://dataworks.cn-wulanchabu.aliyuncs.com",
        "cn-zhangjiakou, https://dataworks.aliyuncs.com",
        "cn-qingdao, https://dataworks.aliyuncs.com",
        "cn-huhehaote, https://dataworks.aliyuncs.com",
        "cn-shanghai-finance-1, https://dataworks.aliyuncs.com",
        "cn-north-2-gov-1, https://dataworks.aliyuncs.com"})
    void publicEndpointOfKnownRegion(String region, String url) {
        Endpoint e = Endpoint.region(region);
        assertThat(e.regionId()).isEqualTo(region);
        assertThat(e.uri()).isEqualTo(URI.create(url));
        assertThat(e.https()).isTrue();
    }

    @Test
    void vpcEndpointFollowsTheRegionalPattern() {
        assertThat(Endpoint.vpc("cn-shanghai").uri()).isEqualTo(URI.create("https://dataworks-vpc.cn-shanghai.aliyuncs.com"));
        assertThat(Endpoint.vpc("cn-zhangjiakou").uri()).isEqualTo(URI.create("https://dataworks-vpc.cn-zhangjiakou.aliyuncs.com"));
    }

    @Test
    void unknownRegionNamesTheFieldAndListsTheKnownOnes() {
        assertThatThrownBy(() -> Endpoint.region("cn-atlantis"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("region 'cn-atlantis' is not a DataWorks region: use one of cn-beijing, cn-chengdu,")
                .hasMessageContaining("cn-shanghai")
                .hasMessageContaining("us-west-1")
                .hasMessageEndingWith(" or set endpoint")
                .hasMessageNotContaining("\n")
                .extracting(e -> ((InvalidInputException) e).field()).isEqualTo("region");
        assertThatThrownBy(() -> Endpoint.vpc(" ")).hasMessageStartingWith("region is missing: use one of cn-beijing");
    }

    @Test
    void overrideNormalisesAndKeepsThePort() {
        Endpoint e = Endpoint.override("cn-shanghai", "http://127.0.0.1:8080/");
        assertThat(e.uri()).isEqualTo(URI.create("http://127.0.0.1:8080"));
        assertThat(e.domain()).isEqualTo("127.0.0.1:8080");
        assertThat(e.https()).isFalse();
        assertThat(Endpoint.override("cn-shanghai", "HTTPS://dataworks.example.internal").uri())
                .isEqualTo(URI.create("https://dataworks.example.internal"));
        assertThat(Endpoint.override("cn-shanghai", "http://[::1]:9000").domain()).isEqualTo("[::1]:9000");
        assertThat(Endpoint.override("private-1", "http://localhost:1").regionId()).isEqualTo("private-1");
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://127.0.0.1", "http://127.1.2.3:80", "http://localhost:8080", "http://LOCALHOST", "http://[::1]:1"})
    void plainHttpIsAllowedForLoopback(String url) {
        assertThat(Endpoint.override("cn-shanghai", url).https()).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://dataworks.cn-shanghai.aliyuncs.com", "http://10.0.0.1:8080", "http://128.0.0.1",
        "http://localhost.example.com", "http://[::2]"})
    void plainHttpToOtherHostsIsRefused(String url) {
        assertThatThrownBy(() -> Endpoint.override("cn-shanghai", url))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("endpoint must use https:// (plain http is allowed only for loopback hosts: 127.0.0.1, ::1, localhost)");
    }

    @Test
    void malformedOverridesGetOneLineMessagesNamingEndpoint() {
        assertThatThrownBy(() -> Endpoint.override("cn-shanghai", "https://exa mple.com"))
                .hasMessageStartingWith("endpoint is not a valid URL (Illegal character in authority")
                .hasMessageEndingWith("): use https://host[:port]");
        assertThatThrownBy(() -> Endpoint.override("cn-shanghai", "dataworks.cn-shanghai.aliyuncs.com"))
                .hasMessage("endpoint is not a valid URL: use https://host[:port]");
        assertThatThrownBy(() -> Endpoint.override("cn-shanghai", ""))
                .hasMessage("endpoint is missing: give a URL such as https://host[:port]");
        assertThatThrownBy(() -> Endpoint.override("cn-shanghai", "ftp://host"))
                .hasMessage("endpoint must use https:// (got ftp://)");
        assertThatThrownBy(() -> Endpoint.override("cn-shanghai", "https://host/api"))
                .hasMessage("endpoint must not have a path (got /api): use https://host");
        assertThatThrownBy(() -> Endpoint.override("cn-shanghai", "https://host:8443?x=1"))
                .hasMessage("endpoint must not have a query or fragment: use https://host:8443");
    }

    @Test
    void userInfoIsRefusedWithoutEchoingIt() {
        assertThatThrownBy(() -> Endpoint.override("cn-shanghai", "https://bob:hunter2@host"))
                .hasMessage("endpoint must not contain user info (user@ or user:password@): use https://host[:port]")
                .hasMessageNotContaining("hunter2");
    }

    @Test
    void overrideRegionMustLookLikeARegion() {
        assertThatThrownBy(() -> Endpoint.override(null, "https://host"))
                .hasMessage("region is missing: give the region the calls are signed for, e.g. cn-shanghai");
        assertThatThrownBy(() -> Endpoint.override("CN Shanghai", "https://host"))
                .hasMessage("region 'CN Shanghai' is not a region ID: use lower-case letters, digits and '-', e.g. cn-shanghai");
    }

    @Test
    void handBuiltEndpointObeysTheSameRules() {
        assertThatThrownBy(() -> new Endpoint("cn-shanghai", URI.create("http://example.com")))
                .isInstanceOf(InvalidInputException.class).hasMessageStartingWith("endpoint must use https://");
        assertThatThrownBy(() -> new Endpoint("cn-shanghai", URI.create("https://example.com/")))
                .hasMessage("endpoint must be written as https://example.com");
    }

    @Test
    void clientSettingsRejectBadTimeouts() {
        Endpoint e = Endpoint.region("cn-shanghai");
        assertThatThrownBy(() -> ClientSettings.of(e).withTimeouts(java.time.Duration.ZERO, java.time.Duration.ofSeconds(1)))
                .hasMessage("connectTimeout must be between 1ms and 10m, got 0s");
        assertThatThrownBy(() -> ClientSettings.of(null)).hasMessage("endpoint is missing: set region or endpoint");
    }

    @Test
    void proxyNonProxyHostsUseGlobs() {
        ProxySettings p = new ProxySettings("proxy.corp", 3128, "*.internal|localhost|127.*");
        assertThat(p.appliesTo("dataworks.cn-shanghai.aliyuncs.com")).isTrue();
        assertThat(p.appliesTo("dataworks.corp.internal")).isFalse();
        assertThat(p.appliesTo("127.0.0.1")).isFalse();
        assertThat(new ProxySettings("proxy", 1, null).appliesTo("x")).isTrue();
        assertThatThrownBy(() -> new ProxySettings("http://proxy", 80, null)).hasMessage(
                "proxy host must be a host name or IP address, without scheme, user or path");
        assertThatThrownBy(() -> new ProxySettings("proxy", 0, null)).hasMessage("proxy port must be between 1 and 65535, got 0");
    }

    @Test
    void migrationRefRejectsNonPositiveIds() {
        assertThatThrownBy(() -> new MigrationRef(0, 1))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("projectId must be a positive DataWorks workspace ID, got 0");
        assertThatThrownBy(() -> new MigrationRef(1, -5))
                .hasMessage("migrationId must be a positive migration task ID, got -5");
        assertThat(new MigrationRef(10001, 20001)).hasToString("migration 20001 in workspace 10001");
    }

    @Test
    void loopbackIsDecidedWithoutDns() {
        assertThat(EndpointUrls.isLoopback("127.0.0.1")).isTrue();
        assertThat(EndpointUrls.isLoopback("127.1.2.3")).isTrue();
        assertThat(EndpointUrls.isLoopback("[::1]")).isTrue();
        assertThat(EndpointUrls.isLoopback("::1")).isTrue();
        assertThat(EndpointUrls.isLoopback("localhost")).isTrue();
        assertThat(EndpointUrls.isLoopback("LocalHost")).isTrue();
        assertThat(EndpointUrls.isLoopback("10.0.0.1")).isFalse();
        assertThat(EndpointUrls.isLoopback("localhost.example.com")).isFalse();
        assertThat(EndpointUrls.isLoopback("loopback.invalid")).isFalse();
    }
}
