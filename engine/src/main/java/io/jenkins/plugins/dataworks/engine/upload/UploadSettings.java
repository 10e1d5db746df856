package io.jenkins.plugins.dataworks.engine.upload;

import io.jenkins.plugins.dataworks.engine.client.ProxySettings;
import io.jenkins.plugins.dataworks.engine.error.InvalidInputException;
import io.jenkins.plugins.dataworks.engine.text.Setting;
import java.time.Duration;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Limits and trust of the package upload.
 *
 * @param allowedHosts hosts allowed besides the Alibaba Cloud OSS domains, as for downloads
 *     ({@code DownloadSettings#allowedHosts()}): a loopback host listed here may use plain http, for
 *     the emulator
 * @param maxUploadBytes size cap of a package, checked before any call
 * @param connectTimeout per connection
 * @param readTimeout longest silence while sending or waiting for the answer
 * @param proxy nullable: no proxy of our own, the JVM's default proxy selector decides
 * @param attempts whole uploads tried on transient failures (a reset, a timeout, a 5xx, a CRC
 *     mismatch) under one grant; 1 for no retry
 */
public record UploadSettings(Set<String> allowedHosts, long maxUploadBytes, Duration connectTimeout,
        Duration readTimeout, ProxySettings proxy, int attempts) {

    /** 2 GiB: well under OSS's 5 GB PostObject limit, and far above any workspace package seen. */
    public static final long DEFAULT_MAX_UPLOAD_BYTES = 2L * 1024 * 1024 * 1024;

    public UploadSettings {
        if (allowedHosts == null) {
            throw new InvalidInputException(Setting.ALLOWED_HOSTS.engineName(),
                    "must be a set of host names (empty for OSS only), got null");
        }
        for (String host : allowedHosts) {
            if (host == null || host.isBlank() || host.contains("/") || host.contains("?") || host.contains("@")) {
                throw new InvalidInputException(Setting.ALLOWED_HOSTS.engineName(),
                        "must hold bare host names such as 127.0.0.1 or uploads.example.com, got '" + host + "'");
            }
        }
        allowedHosts = allowedHosts.stream().map(h -> h.trim().toLowerCase(Locale.ROOT))
                .collect(Collectors.toUnmodifiableSet());
        if (maxUploadBytes <= 0) {
            throw new InvalidInputException(Setting.MAX_UPLOAD_BYTES.engineName(),
                    "must be a positive number of bytes, got " + maxUploadBytes);
        }
        requirePositive("connectTimeout", connectTimeout);
        requirePositive(Setting.READ_TIMEOUT.engineName(), readTimeout);
        if (attempts < 1) {
            throw new InvalidInputException("attempts", "must be 1 or more, got " + attempts);
        }
    }

    private static void requirePositive(String field, Duration value) {
        if (value == null || value.isNegative() || value.isZero()) {
            throw new InvalidInputException(field, "must be a positive duration, got " + value);
        }
    }

    public static UploadSettings defaults() {
        return new UploadSettings(Set.of(), DEFAULT_MAX_UPLOAD_BYTES, Duration.ofSeconds(10), Duration.ofSeconds(60),
                null, 3);
    }

    public UploadSettings withAllowedHosts(Set<String> hosts) {
        return new UploadSettings(hosts, maxUploadBytes, connectTimeout, readTimeout, proxy, attempts);
    }

    public UploadSettings withMaxUploadBytes(long cap) {
        return new UploadSettings(allowedHosts, cap, connectTimeout, readTimeout, proxy, attempts);
    }

    public UploadSettings withConnectTimeout(Duration timeout) {
        return new UploadSettings(allowedHosts, maxUploadBytes, timeout, readTimeout, proxy, attempts);
    }

    public UploadSettings withReadTimeout(Duration timeout) {
        return new UploadSettings(allowedHosts, maxUploadBytes, connectTimeout, timeout, proxy, attempts);
    }

    /** @param newProxy nullable: no proxy of our own */
    public UploadSettings withProxy(ProxySettings newProxy) {
        return new UploadSettings(allowedHosts, maxUploadBytes, connectTimeout, readTimeout, newProxy, attempts);
    }

    public UploadSettings withAttempts(int n) {
        return new UploadSettings(allowedHosts, maxUploadBytes, connectTimeout, readTimeout, proxy, n);
    }
}
