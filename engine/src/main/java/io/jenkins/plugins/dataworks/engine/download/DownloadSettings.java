package io.jenkins.plugins.dataworks.engine.download;

import io.jenkins.plugins.dataworks.engine.client.ProxySettings;
import io.jenkins.plugins.dataworks.engine.error.InvalidInputException;
import java.time.Duration;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Limits and trust of the downloader.
 *
 * @param allowedHosts hosts allowed besides the Alibaba Cloud OSS domains (https only there);
 *     a loopback host listed here may use plain http, for the emulator. Host names only, no port;
 *     compared case-insensitively
 * @param maxBytes size cap of a package
 * @param connectTimeout per connection
 * @param readTimeout longest silence while waiting for response headers or body bytes
 * @param maxResumes recoveries from a broken transfer (early close, read error, silence, HTTP 5xx)
 *     in one download; each resumes with a Range request when bytes had already arrived
 * @param maxUrlRefreshes fresh URLs asked for after 403 AccessDenied (expired)
 * @param proxy nullable: no proxy of our own, the JVM's default proxy selector decides. When set,
 *     https downloads go through it with CONNECT (so the proxy sees the host, never the signed
 *     query); plain http ones (loopback only) with an absolute URL. The URL policy and the refusal
 *     to follow redirects apply either way.
 */
public record DownloadSettings(Set<String> allowedHosts, long maxBytes, Duration connectTimeout, Duration readTimeout,
        int maxResumes, int maxUrlRefreshes, ProxySettings proxy) {

    public static final long DEFAULT_MAX_BYTES = 10L * 1024 * 1024 * 1024;

    public DownloadSettings {
        if (allowedHosts == null) {
            throw new InvalidInputException("allowedHosts", "must be a set of host names (empty for OSS only), got null");
        }
        for (String host : allowedHosts) {
            if (host == null || host.isBlank() || host.contains("/") || host.contains("?") || host.contains("@")) {
                throw new InvalidInputException("allowedHosts",
                        "must hold bare host names such as 127.0.0.1 or downloads.example.com, got '" + host + "'");
            }
        }
        allowedHosts = allowedHosts.stream().map(h -> h.trim().toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
        if (maxBytes <= 0) {
            throw new InvalidInputException("maxBytes", "must be a positive number of bytes, got " + maxBytes);
        }
        requirePositive("connectTimeout", connectTimeout);
        requirePositive("readTimeout", readTimeout);
        if (maxResumes < 0) {
            throw new InvalidInputException("maxResumes", "must be 0 or more, got " + maxResumes);
        }
        if (maxUrlRefreshes < 0) {
            throw new InvalidInputException("maxUrlRefreshes", "must be 0 or more, got " + maxUrlRefreshes);
        }
    }

    /** Settings without a proxy of their own (the JVM's default proxy selector applies). */
    public DownloadSettings(Set<String> allowedHosts, long maxBytes, Duration connectTimeout, Duration readTimeout,
            int maxResumes, int maxUrlRefreshes) {
        this(allowedHosts, maxBytes, connectTimeout, readTimeout, maxResumes, maxUrlRefreshes, null);
    }

    private static void requirePositive(String field, Duration value) {
        if (value == null || value.isNegative() || value.isZero()) {
            throw new InvalidInputException(field, "must be a positive duration, got " + value);
        }
    }

    public static DownloadSettings defaults() {
        return new DownloadSettings(Set.of(), DEFAULT_MAX_BYTES, Duration.ofSeconds(10), Duration.ofSeconds(60), 5, 2);
    }

    public DownloadSettings withAllowedHosts(Set<String> hosts) {
        return new DownloadSettings(hosts, maxBytes, connectTimeout, readTimeout, maxResumes, maxUrlRefreshes, proxy);
    }

    public DownloadSettings withMaxBytes(long cap) {
        return new DownloadSettings(allowedHosts, cap, connectTimeout, readTimeout, maxResumes, maxUrlRefreshes, proxy);
    }

    public DownloadSettings withConnectTimeout(Duration timeout) {
        return new DownloadSettings(allowedHosts, maxBytes, timeout, readTimeout, maxResumes, maxUrlRefreshes, proxy);
    }

    public DownloadSettings withReadTimeout(Duration timeout) {
        return new DownloadSettings(allowedHosts, maxBytes, connectTimeout, timeout, maxResumes, maxUrlRefreshes, proxy);
    }

    public DownloadSettings withMaxResumes(int resumes) {
        return new DownloadSettings(allowedHosts, maxBytes, connectTimeout, readTimeout, resumes, maxUrlRefreshes, proxy);
    }

    public DownloadSettings withMaxUrlRefreshes(int refreshes) {
        return new DownloadSettings(allowedHosts, maxBytes, connectTimeout, readTimeout, maxResumes, refreshes, proxy);
    }

    /** @param newProxy nullable: no proxy of our own */
    public DownloadSettings withProxy(ProxySettings newProxy) {
        return new DownloadSettings(allowedHosts, maxBytes, connectTimeout, readTimeout, maxResumes, maxUrlRefreshes, newProxy);
    }
}
