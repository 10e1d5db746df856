package io.jenkins.plugins.dataworks.cli;

import io.jenkins.plugins.dataworks.engine.client.ProxyEnvironment;
import io.jenkins.plugins.dataworks.engine.client.ProxySettings;
import java.util.Map;

/**
 * Which proxy a command uses. Each option replaces its variable, as in curl:
 * <ul>
 * <li>the proxy: {@code --proxy}, else HTTPS_PROXY, else https_proxy, else none;</li>
 * <li>the hosts reached directly: {@code --non-proxy-hosts}, else NO_PROXY, else no_proxy;</li>
 * <li>a proxy taken from the environment never carries loopback traffic (the emulator, a local
 *     test double), as in Go's tools and the JVM's defaults; one given with {@code --proxy} carries
 *     whatever {@code --non-proxy-hosts} does not exclude.</li>
 * </ul>
 * HTTP_PROXY is not read: every call of a real installation is https.
 *
 * @param proxy nullable: direct connections
 * @param source where the proxy came from, for the status line; null without a proxy
 */
record ProxyChoice(ProxySettings proxy, String source) {

    static final ProxyChoice DIRECT = new ProxyChoice(null, null);

    /** Checks and combines; calls nothing. Errors name the option or the variable. */
    static ProxyChoice resolve(String proxyOption, String nonProxyOption, Map<String, String> env) {
        ProxySettings proxy;
        String source;
        if (proxyOption != null) {
            proxy = ProxySettings.parse(proxyOption);
            source = "--proxy";
        } else {
            proxy = ProxyEnvironment.proxy(env).orElse(null);
            source = ProxyEnvironment.PROXY_VARIABLES.stream().filter(v -> notBlank(env.get(v))).findFirst().orElse(null);
        }
        if (proxy == null) {
            if (nonProxyOption != null) {
                throw new UsageException("--non-proxy-hosts needs a proxy: add --proxy HOST:PORT (or set HTTPS_PROXY);"
                        + " without one every host is reached directly");
            }
            return DIRECT;
        }
        String direct = nonProxyOption != null
                ? ProxySettings.noProxyList(ProxySettings.NON_PROXY_FIELD, nonProxyOption)
                : ProxyEnvironment.nonProxyHosts(env).orElse(null);
        return new ProxyChoice(proxy.bypassing(direct), source);
    }

    /** One line for stderr, e.g. "calls go through proxy proxy.corp:3128 (HTTPS_PROXY); direct: localhost|...". */
    String describe() {
        return "calls go through proxy " + proxy.address() + " (" + source + ")"
                + (proxy.nonProxyHosts() == null ? "" : "; direct: " + proxy.nonProxyHosts().replace("|", ", "));
    }

    private static boolean notBlank(String s) {
        return s != null && !s.isBlank();
    }
}
