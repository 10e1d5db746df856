package io.jenkins.plugins.dataworks.engine.download;

import java.time.Duration;
import java.util.Set;

/**
 * Limits and trust of the downloader.
 *
 * @param allowedHosts hosts allowed besides the Alibaba Cloud OSS domains (https only there);
 *     a loopback host listed here may use plain http, for the emulator
 * @param maxBytes size cap of a package
 * @param connectTimeout per connection
 * @param readTimeout longest silence while reading
 * @param maxResumes Range resumes of one download
 * @param maxUrlRefreshes fresh URLs asked for after 403 AccessDenied (expired)
 */
public record DownloadSettings(Set<String> allowedHosts, long maxBytes, Duration connectTimeout, Duration readTimeout,
        int maxResumes, int maxUrlRefreshes) {

    public static final long DEFAULT_MAX_BYTES = 10L * 1024 * 1024 * 1024;

    public DownloadSettings {
        allowedHosts = Set.copyOf(allowedHosts);
    }

    public static DownloadSettings defaults() {
        return new DownloadSettings(Set.of(), DEFAULT_MAX_BYTES, Duration.ofSeconds(10), Duration.ofSeconds(60), 5, 2);
    }

    public DownloadSettings withAllowedHosts(Set<String> hosts) {
        return new DownloadSettings(hosts, maxBytes, connectTimeout, readTimeout, maxResumes, maxUrlRefreshes);
    }

    public DownloadSettings withMaxBytes(long cap) {
        return new DownloadSettings(allowedHosts, cap, connectTimeout, readTimeout, maxResumes, maxUrlRefreshes);
    }
}
