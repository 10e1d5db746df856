package io.jenkins.plugins.dataworks.engine.client;

import io.jenkins.plugins.dataworks.engine.error.InvalidInputException;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * An HTTP(S) proxy. Credentials of the proxy, when any, are not kept here; pass them through the
 * JVM's standard mechanisms.
 *
 * @param host proxy host name
 * @param port proxy port
 * @param nonProxyHosts hosts reached directly, '|'-separated as in http.nonProxyHosts ('*' as a
 *     leading or trailing wildcard); nullable
 */
public record ProxySettings(String host, int port, String nonProxyHosts) {

    public ProxySettings {
        if (host == null || host.isBlank() || host.contains("/") || host.contains("@") || host.contains(" ")) {
            throw new InvalidInputException("proxy", "host must be a host name or IP address, without scheme, user or path");
        }
        if (port < 1 || port > 65535) {
            throw new InvalidInputException("proxy", "port must be between 1 and 65535, got " + port);
        }
        host = host.strip();
    }

    /** Whether calls to {@code targetHost} go through this proxy (not listed in nonProxyHosts). */
    public boolean appliesTo(String targetHost) {
        if (nonProxyHosts == null || nonProxyHosts.isBlank()) {
            return true;
        }
        String target = targetHost.toLowerCase(Locale.ROOT);
        for (String pattern : nonProxyHosts.split("\\|")) {
            String p = pattern.strip().toLowerCase(Locale.ROOT);
            if (!p.isEmpty() && glob(p).matcher(target).matches()) {
                return false;
            }
        }
        return true;
    }

    /** '*' matches any run of characters; everything else is literal. */
    private static Pattern glob(String pattern) {
        String[] parts = pattern.split("\\*", -1);
        StringBuilder regex = new StringBuilder();
        for (int i = 0; i < parts.length; i++) {
            if (i > 0) {
                regex.append(".*");
            }
            regex.append(Pattern.quote(parts[i]));
        }
        return Pattern.compile(regex.toString());
    }
}
