package io.jenkins.plugins.dataworks.engine.client;

import io.jenkins.plugins.dataworks.engine.error.InvalidInputException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The non-proxy host language of {@link ProxySettings}: entries separated by '|' (as in the JVM's
 * http.nonProxyHosts), where '*' matches any run of characters and an entry with '/' is a CIDR
 * range such as 10.0.0.0/8 that matches IP-address targets. Matching never asks DNS: a host name
 * is compared as written, so the decision cannot change with the resolver.
 */
final class HostPatterns {

    /** Separators accepted on input: '|' (http.nonProxyHosts), ',' and white space (Jenkins' list, NO_PROXY). */
    private static final Pattern SEPARATORS = Pattern.compile("[\\s,|]+");
    private static final Pattern ENTRY = Pattern.compile("[a-z0-9.*:_%/-]+");
    private static final Pattern IPV4_LITERAL = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

    private HostPatterns() {}

    /**
     * The canonical form: lower case, brackets of IPv6 literals removed, '|'-separated.
     *
     * @return null when there is no entry
     */
    static String normalize(String field, String patterns) {
        if (patterns == null || patterns.isBlank()) {
            return null;
        }
        List<String> entries = new ArrayList<>();
        for (String raw : SEPARATORS.split(patterns.strip())) {
            String entry = stripBrackets(raw.toLowerCase(Locale.ROOT));
            if (entry.isEmpty()) {
                continue;
            }
            if (!ENTRY.matcher(entry).matches()) {
                throw new InvalidInputException(field, "entry '" + raw
                        + "' is not a host name, IP address, CIDR range or '*' pattern: write e.g. *.example.com or 10.0.0.0/8");
            }
            if (entry.contains("/")) {
                requireCidr(field, entry);
            }
            if (!entries.contains(entry)) {
                entries.add(entry);
            }
        }
        return entries.isEmpty() ? null : String.join("|", entries);
    }

    /** Whether {@code host} matches an entry of the canonical {@code patterns} (nullable: none). */
    static boolean matches(String patterns, String host) {
        if (patterns == null || host == null) {
            return false;
        }
        String target = stripBrackets(host.strip().toLowerCase(Locale.ROOT));
        if (target.endsWith(".")) {
            target = target.substring(0, target.length() - 1);
        }
        for (String entry : patterns.split("\\|")) {
            if (entry.contains("/") ? inRange(entry, target) : glob(entry).matcher(target).matches()) {
                return true;
            }
        }
        return false;
    }

    /** Joins two canonical lists (either may be null). */
    static String join(String a, String b) {
        if (a == null) {
            return b;
        }
        return b == null ? a : normalize("nonProxyHosts", a + "|" + b);
    }

    static String stripBrackets(String host) {
        return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
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

    private static void requireCidr(String field, String entry) {
        int slash = entry.indexOf('/');
        byte[] network = ipLiteral(entry.substring(0, slash));
        Integer bits = prefixLength(entry.substring(slash + 1));
        if (network == null || bits == null || bits > network.length * 8) {
            throw new InvalidInputException(field, "entry '" + entry
                    + "' is not a CIDR range: write an IP address and a prefix length, e.g. 10.0.0.0/8 or fd00::/8");
        }
    }

    private static boolean inRange(String cidr, String target) {
        int slash = cidr.indexOf('/');
        byte[] network = ipLiteral(cidr.substring(0, slash));
        byte[] address = ipLiteral(target);
        Integer bits = prefixLength(cidr.substring(slash + 1));
        if (network == null || address == null || bits == null || network.length != address.length) {
            return false;
        }
        for (int i = 0; i < bits; i++) {
            int mask = 0x80 >>> (i % 8);
            if ((network[i / 8] & mask) != (address[i / 8] & mask)) {
                return false;
            }
        }
        return true;
    }

    private static Integer prefixLength(String text) {
        if (!text.matches("\\d{1,3}")) {
            return null;
        }
        return Integer.parseInt(text);
    }

    /** The address bytes of an IPv4 or IPv6 literal, without a DNS lookup; null for a host name. */
    private static byte[] ipLiteral(String text) {
        if (IPV4_LITERAL.matcher(text).matches()) {
            String[] parts = text.split("\\.");
            byte[] address = new byte[4];
            for (int i = 0; i < 4; i++) {
                int part = Integer.parseInt(parts[i]);
                if (part > 255) {
                    return null;
                }
                address[i] = (byte) part;
            }
            return address;
        }
        if (!text.contains(":") || !text.matches("[0-9a-f:.]+")) {
            return null;
        }
        try {
            // With a ':' the JDK parses a literal and never asks DNS.
            return InetAddress.getByName(text).getAddress();
        } catch (UnknownHostException e) {
            return null;
        }
    }
}
