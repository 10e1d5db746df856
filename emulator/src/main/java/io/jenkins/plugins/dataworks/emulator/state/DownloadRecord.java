package io.jenkins.plugins.dataworks.emulator.state;

import java.time.Instant;

/**
 * One request to the OSS side. {@code range} is the Range header as sent (null if none); never holds the URL signature.
 *
 * @param migrationId the migration whose package the key names, or null if none
 */
public record DownloadRecord(Instant at, String method, String bucket, String key, Long migrationId, String range,
        int httpStatus, String code, String fault) {
}
