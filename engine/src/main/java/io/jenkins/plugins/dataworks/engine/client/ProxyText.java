package io.jenkins.plugins.dataworks.engine.client;

import io.jenkins.plugins.dataworks.engine.error.InvalidInputException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Proxy addresses and NO_PROXY lists as people write them. A value that could hold a password
 * (anything with '@') is never repeated in a message.
 */
final class ProxyText {

    private static final String FORM = "HOST:PORT or http://HOST:PORT, e.g. proxy.example.com:8080";
    private static final Pattern HOST_NAME = Pattern.compile("[A-Za-z0-9]([A-Za-z0-9_.-]*[A-Za-z0-9])?");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]+(%[A-Za-z0-9_.-]+)?");
    private static final Pattern NO_PROXY_SEPARATORS = Pattern.compile("[\\s,]+");

    private ProxyText() {}

    static ProxySettings parse(String field, String text) {
        if (text == null || text.isBlank()) {
            throw new InvalidInputException(field, "is empty: give the proxy as " + FORM);
        }
        String value = text.strip();
        if (value.contains("@")) {
            // Whatever else is wrong, the text may hold a password: say nothing of it.
            throw new InvalidInputException(field, "must not carry a user name or password (value not shown):"
                    + " proxy authentication is not supported; give " + FORM + " of a proxy that needs none");
        }
        String rest = value;
        int schemeEnd = value.indexOf("://");
        if (schemeEnd >= 0) {
            String scheme = value.substring(0, schemeEnd).toLowerCase(Locale.ROOT);
            if (!scheme.equals("http")) {
                throw new InvalidInputException(field, "must be an http:// proxy, got scheme '" + scheme
                        + "': https:// and socks proxies are not supported; give " + FORM);
            }
            rest = value.substring(schemeEnd + 3);
            if (rest.endsWith("/")) {
                rest = rest.substring(0, rest.length() - 1);
            }
        }
        if (rest.contains("/") || rest.contains("?") || rest.contains("#")) {
            throw new InvalidInputException(field, "must be " + FORM + " without a path, got '" + value + "'");
        }
        String host;
        String port;
        if (rest.startsWith("[")) {
            int close = rest.indexOf(']');
            if (close < 0 || !rest.startsWith(":", close + 1)) {
                throw new InvalidInputException(field, "must be [IPv6]:PORT for an IPv6 proxy, e.g. [fd00::1]:8080, got '" + value + "'");
            }
            host = rest.substring(1, close);
            port = rest.substring(close + 2);
        } else {
            int colon = rest.lastIndexOf(':');
            if (colon < 0) {
                throw new InvalidInputException(field, "must be " + FORM + ", got '" + value + "': add the port");
            }
            host = rest.substring(0, colon);
            port = rest.substring(colon + 1);
            if (host.contains(":")) {
                throw new InvalidInputException(field, "must put an IPv6 address in brackets, e.g. [fd00::1]:8080, got '" + value + "'");
            }
        }
        if (!port.matches("\\d{1,5}")) {
            throw new InvalidInputException(field, "port must be a number between 1 and 65535, got '" + port + "' in '" + value + "'");
        }
        int portNumber = Integer.parseInt(port);
        requirePort(field, portNumber);
        return new ProxySettings(requireHost(field, host), portNumber, null);
    }

    /** @return the host without brackets or surrounding blanks */
    static String requireHost(String field, String host) {
        String h = host == null ? "" : HostPatterns.stripBrackets(host.strip());
        boolean ok = !h.isEmpty() && (h.contains(":") ? IPV6.matcher(h).matches() : HOST_NAME.matcher(h).matches());
        if (!ok) {
            // The rejected text is not shown: it may be a "user:password@host" in the wrong field.
            throw new InvalidInputException(field, "host must be a host name or IP address, without scheme, user or path");
        }
        return h;
    }

    static void requirePort(String field, int port) {
        if (port < 1 || port > 65535) {
            throw new InvalidInputException(field, "port must be between 1 and 65535, got " + port);
        }
    }

    static String noProxyList(String field, String list) {
        if (list == null || list.isBlank()) {
            return null;
        }
        List<String> patterns = new ArrayList<>();
        for (String raw : NO_PROXY_SEPARATORS.split(list.strip())) {
            String entry = withoutPort(raw.toLowerCase(Locale.ROOT));
            if (entry.equals("*")) {
                return "*";
            }
            if (entry.startsWith("*.") || entry.contains("/") || entry.contains(":") || isIpv4(entry)) {
                patterns.add(entry); // a pattern of its own, a CIDR range or an address: stands for itself
                continue;
            }
            String domain = entry.startsWith(".") ? entry.substring(1) : entry;
            if (domain.isEmpty() || domain.contains("*")) {
                throw new InvalidInputException(field, "entry '" + raw
                        + "' is not a host name, domain, IP address, CIDR range or '*': write e.g. example.com,.internal.example.com,10.0.0.0/8");
            }
            patterns.add(domain);
            patterns.add("*." + domain);
        }
        return HostPatterns.normalize(field, String.join("|", patterns));
    }

    /** {@code host:port} and {@code [v6]:port} lose the port; a bare IPv6 address keeps its colons. */
    private static String withoutPort(String entry) {
        if (entry.startsWith("[")) {
            int close = entry.indexOf(']');
            return close < 0 ? entry : entry.substring(1, close);
        }
        int colon = entry.indexOf(':');
        if (colon >= 0 && colon == entry.lastIndexOf(':') && !entry.contains("/")) {
            return entry.substring(0, colon);
        }
        return entry;
    }

    private static boolean isIpv4(String entry) {
        return entry.matches("\\d{1,3}(\\.\\d{1,3}){3}");
    }
}
