package io.jenkins.plugins.dataworks.engine.download;

import io.jenkins.plugins.dataworks.engine.text.Setting;
import io.jenkins.plugins.dataworks.engine.text.UserText;
import io.jenkins.plugins.dataworks.engine.client.EndpointUrls;
import io.jenkins.plugins.dataworks.engine.error.InvalidInputException;
import io.jenkins.plugins.dataworks.engine.redact.Redaction;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Which URLs the downloader fetches: https on an Alibaba Cloud OSS endpoint, or a host the user
 * trusts explicitly. A presigned URL is a bearer credential and the package goes into a build, so a
 * URL pointing anywhere else (a tampered response, a wrong endpoint) is refused before any request.
 * Messages name the host, never the query.
 */
public final class UrlPolicy {

    /** Words, not an engine name: no user typed this URL, DataWorks handed it out. */
    static final String FIELD = "download URL";

    /**
     * {@code [<bucket>.]oss-<region>[-internal].aliyuncs.com}, which also covers the accelerate
     * ({@code oss-accelerate}) and finance/government ({@code oss-cn-shanghai-finance-1}) endpoints.
     * Other {@code *.aliyuncs.com} services are not download hosts.
     */
    private static final Pattern OSS_HOST =
            Pattern.compile("([a-z0-9][a-z0-9-]{1,61}[a-z0-9]\\.)?oss-[a-z0-9-]+\\.aliyuncs\\.com");

    private final Set<String> allowedHosts;
    private final String field;

    UrlPolicy(Set<String> allowedHosts) {
        this(allowedHosts, FIELD);
    }

    /**
     * The same policy for another URL (the package upload's OSS endpoint uses it too).
     *
     * @param allowedHosts lower-case host names, as {@link DownloadSettings#allowedHosts()} holds them
     * @param field the name of the URL in messages
     */
    public UrlPolicy(Set<String> allowedHosts, String field) {
        this.allowedHosts = Set.copyOf(allowedHosts);
        this.field = field;
    }

    /** @return the parsed URI of an acceptable URL */
    public URI check(String url) {
        if (url == null || url.isBlank()) {
            throw new InvalidInputException(field, "is empty: the migration has no download URL yet");
        }
        URI uri;
        try {
            uri = new URI(url.trim());
        } catch (URISyntaxException e) {
            // The exception text quotes the whole input, query included: do not pass it on.
            throw new InvalidInputException(field, "is not a valid URL: " + Redaction.url(url.trim()));
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        String host = uri.getHost() == null ? null : uri.getHost().toLowerCase(Locale.ROOT);
        if (host == null || !uri.isAbsolute() || uri.isOpaque()) {
            throw new InvalidInputException(field, "must be an absolute http(s) URL with a host, got "
                    + Redaction.url(url.trim()));
        }
        if (uri.getRawUserInfo() != null) {
            throw new InvalidInputException(field, "must not carry user info before the host " + host);
        }
        boolean allowedExplicitly = allowedHosts.contains(host) || allowedHosts.contains(stripBrackets(host));
        boolean oss = OSS_HOST.matcher(host).matches();
        if (!allowedExplicitly && !oss) {
            throw new InvalidInputException(field, UserText.of("host " + host
                    + " is not an Alibaba Cloud OSS endpoint (<bucket>.oss-<region>.aliyuncs.com)",
                    UserText.hint(Setting.ALLOWED_HOSTS, ": add it to ", Setting.ALLOWED_HOSTS, " only if you trust it")));
        }
        if (scheme.equals("https")) {
            if (!allowedExplicitly && uri.getPort() != -1 && uri.getPort() != 443) {
                throw new InvalidInputException(field, "must use the standard https port on OSS host " + host
                        + ", got port " + uri.getPort());
            }
            return uri;
        }
        if (scheme.equals("http") && allowedExplicitly && EndpointUrls.isLoopback(host)) {
            return uri;
        }
        throw new InvalidInputException(field, UserText.of("must use https for host " + host + ", got " + scheme
                + ": plain http is allowed only for a loopback host",
                UserText.hint(Setting.ALLOWED_HOSTS, " listed in ", Setting.ALLOWED_HOSTS)));
    }

    private static String stripBrackets(String host) {
        return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    }
}
