package io.jenkins.plugins.dataworks.engine.client;

import io.jenkins.plugins.dataworks.engine.error.InvalidInputException;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.SocketAddress;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * An HTTP proxy (https targets go through it with CONNECT). Proxy authentication is not supported:
 * text carrying a user name or password is refused, and the password is never repeated.
 *
 * <p>The same settings drive both transports: the SDK client of the DataWorks and STS calls
 * ({@link ClientSettings#proxy()}) and the Apache HttpClient of the package download
 * ({@code DownloadSettings.proxy()}, through {@link #selector()}). A loopback target is proxied
 * like any other unless nonProxyHosts lists it: unlike the JVM's default selector, nothing is
 * excluded implicitly (the environment default, {@link #fromEnvironment}, adds loopback itself).
 *
 * @param host proxy host name or IP address (IPv6 without brackets)
 * @param port proxy port
 * @param nonProxyHosts hosts reached directly; nullable. Entries separated by '|' (as in
 *     http.nonProxyHosts), ',' or white space (as in Jenkins' proxy settings), each a host name or
 *     IP address with '*' as wildcard (*.example.com), or a CIDR range (10.0.0.0/8). Stored in
 *     canonical form: lower case, '|'-separated, null when empty. For the NO_PROXY syntax
 *     ("example.com" meaning the domain and its subdomains) use {@link #noProxyList}.
 */
public record ProxySettings(String host, int port, String nonProxyHosts) {

    /** The field name of the proxy in messages. */
    public static final String FIELD = "proxy";
    /** The field name of the non-proxy hosts in messages. */
    public static final String NON_PROXY_FIELD = "nonProxyHosts";
    /** This machine, reached directly when the proxy comes from the environment. */
    public static final String LOOPBACK = "localhost|127.0.0.0/8|::1";

    public ProxySettings {
        host = ProxyText.requireHost(FIELD, host);
        ProxyText.requirePort(FIELD, port);
        nonProxyHosts = HostPatterns.normalize(NON_PROXY_FIELD, nonProxyHosts);
    }

    /**
     * Parses {@code HOST:PORT} (also {@code http://HOST:PORT}, {@code [IPv6]:PORT}) as a user typed it.
     *
     * @throws InvalidInputException naming the field {@code proxy}
     */
    public static ProxySettings parse(String text) {
        return ProxyText.parse(FIELD, text);
    }

    /**
     * The conventional environment: the proxy from HTTPS_PROXY (then https_proxy), the hosts
     * reached directly from NO_PROXY (then no_proxy), plus loopback, which tools that read these
     * variables (Go's, the JVM's defaults) never proxy. HTTP_PROXY is not read: every call of a
     * real installation is https.
     *
     * @param env the environment, e.g. {@code System.getenv()}
     * @return empty when no proxy variable is set (or set empty)
     * @throws InvalidInputException naming the variable, when one is malformed or carries credentials
     */
    public static Optional<ProxySettings> fromEnvironment(Map<String, String> env) {
        return ProxyEnvironment.proxy(env)
                .map(proxy -> proxy.bypassing(ProxyEnvironment.nonProxyHosts(env).orElse(null)));
    }

    /**
     * Converts a NO_PROXY-style list (comma- or space-separated) into nonProxyHosts, following
     * curl: {@code example.com} and {@code .example.com} both mean the domain and its subdomains,
     * {@code *} every host, {@code *.example.com} only subdomains; IP addresses and CIDR ranges
     * stand for themselves; a port after a host is ignored.
     *
     * @return null for an empty list
     * @throws InvalidInputException naming {@code field} for an entry that is none of these
     */
    public static String noProxyList(String field, String list) {
        return ProxyText.noProxyList(field, list);
    }

    /** A copy that also reaches these hosts directly (nonProxyHosts syntax; nullable: none). */
    public ProxySettings bypassing(String morePatterns) {
        return new ProxySettings(host, port, HostPatterns.join(nonProxyHosts, HostPatterns.normalize(NON_PROXY_FIELD, morePatterns)));
    }

    /** A copy with exactly these hosts reached directly (nonProxyHosts syntax; nullable: none). */
    public ProxySettings withNonProxyHosts(String patterns) {
        return new ProxySettings(host, port, patterns);
    }

    /** Whether calls to {@code targetHost} go through this proxy (not listed in nonProxyHosts). */
    public boolean appliesTo(String targetHost) {
        return !HostPatterns.matches(nonProxyHosts, targetHost);
    }

    /**
     * This proxy for http and https URIs whose host it {@link #appliesTo}, a direct connection for
     * the others, as the package downloader's HTTP client asks for it. The proxy's name is resolved
     * when a connection is made, so a DNS change is followed.
     */
    public ProxySelector selector() {
        return new Selector(this);
    }

    /** {@code host:port}, IPv6 in brackets: what a message may show. */
    public String address() {
        return (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
    }

    private static final class Selector extends ProxySelector {

        private final ProxySettings settings;
        private final List<Proxy> viaProxy;

        Selector(ProxySettings settings) {
            this.settings = settings;
            this.viaProxy = List.of(new Proxy(Proxy.Type.HTTP, InetSocketAddress.createUnresolved(settings.host(), settings.port())));
        }

        @Override
        public List<Proxy> select(URI uri) {
            if (uri == null) {
                throw new IllegalArgumentException("uri must not be null");
            }
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            boolean web = scheme.equals("http") || scheme.equals("https");
            return web && uri.getHost() != null && settings.appliesTo(uri.getHost()) ? viaProxy : List.of(Proxy.NO_PROXY);
        }

        @Override
        public void connectFailed(URI uri, SocketAddress address, IOException e) {
            // Nothing to fall back to: the caller reports the failed connection.
        }

        @Override
        public String toString() {
            return "ProxySelector[" + settings.address() + (settings.nonProxyHosts() == null ? "" : ", direct: " + settings.nonProxyHosts()) + "]";
        }
    }
}
