package io.jenkins.plugins.dataworks.engine.client;

import io.jenkins.plugins.dataworks.engine.error.InvalidInputException;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The one rule for every service URL the engine is given (DataWorks endpoint, STS endpoint):
 * {@code scheme://host[:port]} with nothing else, and https unless the host is loopback, so that
 * signed requests and credentials never cross a network in clear text.
 */
public final class EndpointUrls {

    private static final Pattern IPV4_LITERAL = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

    private EndpointUrls() {}

    /**
     * Validates {@code url} and returns it normalised to {@code scheme://host[:port]} (lower-case
     * scheme, no trailing slash).
     *
     * @param field the user-facing name of the option, used in the one-line error
     * @throws InvalidInputException naming {@code field} and the fix
     */
    public static URI parse(String field, String url) {
        if (url == null || url.isBlank()) {
            throw new InvalidInputException(field, "is missing: give a URL such as https://host[:port]");
        }
        String trimmed = url.trim();
        URI uri;
        try {
            uri = new URI(trimmed);
        } catch (URISyntaxException e) {
            throw new InvalidInputException(field, "is not a valid URL (" + e.getReason() + "): use https://host[:port]");
        }
        String scheme = uri.getScheme() == null ? null : uri.getScheme().toLowerCase(Locale.ROOT);
        if (scheme == null || uri.isOpaque() || uri.getHost() == null) {
            throw new InvalidInputException(field, "is not a valid URL: use https://host[:port]");
        }
        if (!scheme.equals("https") && !scheme.equals("http")) {
            throw new InvalidInputException(field, "must use https:// (got " + scheme + "://)");
        }
        if (uri.getRawUserInfo() != null) {
            // Never echo the value: user info is where people put passwords.
            throw new InvalidInputException(field, "must not contain user info (user@ or user:password@): use https://host[:port]");
        }
        String path = uri.getRawPath();
        if (path != null && !path.isEmpty() && !path.equals("/")) {
            throw new InvalidInputException(field, "must not have a path (got " + path + "): use " + scheme + "://" + uri.getRawAuthority());
        }
        if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw new InvalidInputException(field, "must not have a query or fragment: use " + scheme + "://" + uri.getRawAuthority());
        }
        if (scheme.equals("http") && !isLoopback(uri.getHost())) {
            throw new InvalidInputException(field,
                    "must use https:// (plain http is allowed only for loopback hosts: 127.0.0.1, ::1, localhost)");
        }
        try {
            return new URI(scheme, null, uri.getHost(), uri.getPort(), null, null, null);
        } catch (URISyntaxException e) {
            throw new InvalidInputException(field, "is not a valid URL (" + e.getReason() + "): use https://host[:port]");
        }
    }

    /**
     * Whether {@code host} is this machine, judged by its literal form only (localhost, an IPv4 or
     * IPv6 literal, with or without brackets): resolving a name here would let DNS decide whether
     * credentials or a package travel in clear text. The one loopback rule of the engine and CLI.
     */
    public static boolean isLoopback(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        if (h.startsWith("[") && h.endsWith("]")) {
            h = h.substring(1, h.length() - 1);
        }
        if (h.equals("localhost")) {
            return true;
        }
        if (IPV4_LITERAL.matcher(h).matches() || h.contains(":")) {
            try {
                return InetAddress.getByName(h).isLoopbackAddress();
            } catch (UnknownHostException e) {
                return false;
            }
        }
        return false;
    }

    /** host[:port] as the SDK's setSysDomain wants it; IPv6 literals keep their brackets. */
    static String domainOf(URI uri) {
        return uri.getRawAuthority();
    }
}
