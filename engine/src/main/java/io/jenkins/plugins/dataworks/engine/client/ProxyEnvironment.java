package io.jenkins.plugins.dataworks.engine.client;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The conventional proxy variables, read from a map so that callers (and tests) decide which
 * environment counts. Upper case wins over lower case when both are set, as in Go's tools. The
 * SDK's own reading of these variables is switched off (see {@link SdkClients}): this class is
 * the only place the engine looks at them, and only when a caller asks.
 */
public final class ProxyEnvironment {

    /** Read in this order; the first one set (not blank) gives the proxy. */
    public static final List<String> PROXY_VARIABLES = List.of("HTTPS_PROXY", "https_proxy");
    /** Read in this order; the first one set (not blank) gives the hosts reached directly. */
    public static final List<String> NO_PROXY_VARIABLES = List.of("NO_PROXY", "no_proxy");

    private ProxyEnvironment() {}

    /**
     * The proxy named by HTTPS_PROXY (then https_proxy), with loopback ({@link ProxySettings#LOOPBACK})
     * as its only non-proxy hosts: NO_PROXY is {@link #nonProxyHosts} and left to the caller.
     *
     * @throws io.jenkins.plugins.dataworks.engine.error.InvalidInputException naming the variable
     */
    public static Optional<ProxySettings> proxy(Map<String, String> env) {
        return first(env, PROXY_VARIABLES)
                .map(name -> ProxyText.parse(name, env.get(name)).withNonProxyHosts(ProxySettings.LOOPBACK));
    }

    /**
     * NO_PROXY (then no_proxy) converted with {@link ProxySettings#noProxyList}.
     *
     * @throws io.jenkins.plugins.dataworks.engine.error.InvalidInputException naming the variable
     */
    public static Optional<String> nonProxyHosts(Map<String, String> env) {
        return first(env, NO_PROXY_VARIABLES).map(name -> ProxyText.noProxyList(name, env.get(name)));
    }

    private static Optional<String> first(Map<String, String> env, List<String> names) {
        return names.stream().filter(name -> {
            String value = env.get(name);
            return value != null && !value.isBlank();
        }).findFirst();
    }
}
