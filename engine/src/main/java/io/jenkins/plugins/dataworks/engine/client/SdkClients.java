package io.jenkins.plugins.dataworks.engine.client;

import com.aliyuncs.AcsRequest;
import com.aliyuncs.DefaultAcsClient;
import com.aliyuncs.auth.AlibabaCloudCredentialsProvider;
import com.aliyuncs.endpoint.EndpointResolver;
import com.aliyuncs.exceptions.ClientException;
import com.aliyuncs.http.HttpClientConfig;
import com.aliyuncs.http.ProtocolType;
import com.aliyuncs.profile.DefaultProfile;
import java.net.URI;
import java.time.Duration;

/**
 * Builds aliyun-java-sdk-core clients whose transport settings belong to them alone.
 *
 * <p>Why not the SDK's default transport: in 4.7.10 its Apache HTTP client is a JVM-wide
 * singleton ({@code ApacheHttpClient.getInstance()}) configured once by whichever client
 * initialises it first. Its proxy, non-proxy list and TLS settings would then silently apply to
 * every later client in the JVM (in Jenkins, to every build), whatever their own settings. The
 * SDK's "compatible" transport ({@code CompatibleUrlConnClient}, on HttpURLConnection) is created
 * per client and reads proxy and TLS settings from that client's config on every request, so each
 * {@link AliyunDataWorksClient} gets exactly its own settings, and {@code shutdown()} releases it.
 * The cost is one new connection (and TLS handshake) per call, negligible at polling rates; a known
 * side effect of that transport is that it sets the system property
 * {@code sun.net.http.allowRestrictedHeaders=true}.
 *
 * <p>Settings are also pinned against the SDK's environment overrides: HTTPS_PROXY / HTTP_PROXY
 * would replace an explicit proxy, NO_PROXY could bypass it, and ALIBABACLOUD_JAVA_CORE_INGNORE_SSL
 * would switch certificate verification off.
 */
final class SdkClients {

    /** A host name that never matches (RFC 2606): makes the SDK ignore NO_PROXY without excluding anything. */
    private static final String MATCHES_NOTHING = "no-proxy.invalid";

    /** Requests always carry their host: a request that does not is a bug, and must not go anywhere. */
    private static final EndpointResolver NO_RESOLVER = request -> {
        throw new ClientException("SDK.EndpointResolvingError", "no host set for " + request.productCode);
    };

    private SdkClients() {}

    /**
     * A client for calls to {@code target}, signed with {@code credentials}.
     *
     * @param proxy nullable: connect directly, whatever the environment says
     */
    static DefaultAcsClient create(String regionId, URI target, ProxySettings proxy, Duration connectTimeout,
            Duration readTimeout, AlibabaCloudCredentialsProvider credentials) {
        DefaultProfile profile = DefaultProfile.getProfile(regionId);
        profile.setHttpClientConfig(httpConfig(target, proxy, connectTimeout, readTimeout));
        PinnedAcsClient client = new PinnedAcsClient(profile, credentials);
        client.appendUserAgent("dataworks-migration", "engine");
        // Every request names its host (setSysDomain), so the SDK never asks its resolver; but the one
        // each client builds keeps its own tables of every product and region (some 100 KiB of maps and
        // strings), which a controller with a thousand waits would hold a thousand times.
        client.setEndpointResolver(NO_RESOLVER);
        return client;
    }

    static ProtocolType protocolOf(URI target) {
        return "https".equals(target.getScheme()) ? ProtocolType.HTTPS : ProtocolType.HTTP;
    }

    private static HttpClientConfig httpConfig(URI target, ProxySettings proxy, Duration connectTimeout, Duration readTimeout) {
        HttpClientConfig config = new VerifyingHttpClientConfig();
        config.setCompatibleMode(true);
        config.setIgnoreSSLCerts(false);
        config.setProtocolType(protocolOf(target));
        config.setConnectionTimeoutMillis(connectTimeout.toMillis());
        config.setReadTimeoutMillis(readTimeout.toMillis());
        String host = target.getHost();
        if (proxy != null && proxy.appliesTo(stripBrackets(host))) {
            String proxyUrl = "http://" + hostForUrl(proxy.host()) + ":" + proxy.port();
            config.setHttpsProxy(proxyUrl);
            config.setHttpProxy(proxyUrl);
            config.setNoProxy(MATCHES_NOTHING);
        } else {
            // The SDK matches no-proxy entries against the URL's host literally.
            config.setNoProxy(host);
        }
        return config;
    }

    private static String stripBrackets(String host) {
        return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    }

    private static String hostForUrl(String host) {
        return host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
    }

    /** Certificate verification cannot be switched off, not even by the SDK's environment variable. */
    private static final class VerifyingHttpClientConfig extends HttpClientConfig {
        @Override
        public boolean isIgnoreSSLCerts() {
            return false;
        }
    }

    /** Ignores the SDK's per-call environment overrides of proxy and certificate checks. */
    private static final class PinnedAcsClient extends DefaultAcsClient {

        PinnedAcsClient(DefaultProfile profile, AlibabaCloudCredentialsProvider credentials) {
            super(profile, credentials);
        }

        @Override
        public void doActionWithProxy(ProtocolType protocolType, String httpsProxy, String httpProxy) {
            // Deliberately empty: the SDK would copy HTTPS_PROXY / HTTP_PROXY over the configured proxy.
        }

        @Override
        @SuppressWarnings("rawtypes")
        public void doActionWithIgnoreSSL(AcsRequest request, boolean isIgnore) {
            // Deliberately empty: the SDK would honour a JVM-wide "trust all" switch.
        }
    }
}
