package io.jenkins.plugins.dataworks.engine.client;

import com.aliyuncs.AcsRequest;
import com.aliyuncs.DefaultAcsClient;
import com.aliyuncs.auth.AlibabaCloudCredentialsProvider;
import com.aliyuncs.endpoint.EndpointResolver;
import com.aliyuncs.exceptions.ClientException;
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
 * every later client in the JVM (in Jenkins, to every build), whatever their own settings. Each
 * client built here has its own {@link SdkTransport} instead (HttpURLConnection, created per client,
 * with that client's proxy and TLS on every request), which also decides whether a request may ever
 * be sent twice; {@code shutdown()} releases it. The cost is one new connection (and TLS handshake)
 * per call, negligible at polling rates.
 *
 * <p>Settings are also pinned against the SDK's environment overrides: HTTPS_PROXY / HTTP_PROXY
 * would replace an explicit proxy, NO_PROXY could bypass it, and ALIBABACLOUD_JAVA_CORE_INGNORE_SSL
 * would switch certificate verification off.
 */
final class SdkClients {

    /** Requests always carry their host: a request that does not is a bug, and must not go anywhere. */
    private static final EndpointResolver NO_RESOLVER = request -> {
        throw new ClientException("SDK.EndpointResolvingError", "no host set for " + request.productCode);
    };

    private SdkClients() {}

    /**
     * A client for calls to {@code target}, signed with {@code credentials}.
     *
     * @param proxy nullable: connect directly, whatever the environment says
     * @param sending whether the transport may send a request a second time (reads) or never (writes)
     */
    static DefaultAcsClient create(String regionId, URI target, ProxySettings proxy, Duration connectTimeout,
            Duration readTimeout, SdkTransport.Sending sending, AlibabaCloudCredentialsProvider credentials) {
        DefaultProfile profile = DefaultProfile.getProfile(regionId);
        SdkTransport.Config config = new SdkTransport.Config(proxy, sending);
        config.setProtocolType(protocolOf(target));
        config.setConnectionTimeoutMillis(connectTimeout.toMillis());
        config.setReadTimeoutMillis(readTimeout.toMillis());
        profile.setHttpClientConfig(config);
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
