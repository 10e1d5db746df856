package io.jenkins.plugins.dataworks.engine.client;

import io.jenkins.plugins.dataworks.engine.redact.Redaction;
import java.time.Instant;

/**
 * The Data object of a GetMigrationSummary response, plus the RequestId of the call that returned it.
 *
 * <p>{@code downloadUrl} is a presigned OSS URL: whoever holds it can download the package, so it
 * is a secret. {@link #toString()} shows it without its query; so must every log line.
 * Nullable fields: name, created, modified, createUser, opUser, downloadUrl.
 */
public record MigrationSummary(
        long projectId,
        long migrationId,
        String name,
        String rawStatus,
        Instant created,
        Instant modified,
        String createUser,
        String opUser,
        String downloadUrl,
        String requestId) {

    public MigrationStatus status() {
        return MigrationStatus.parse(rawStatus);
    }

    public MigrationRef ref() {
        return new MigrationRef(projectId, migrationId);
    }

    public boolean hasDownloadUrl() {
        return downloadUrl != null && !downloadUrl.isBlank();
    }

    @Override
    public String toString() {
        return "MigrationSummary[projectId=" + projectId + ", migrationId=" + migrationId + ", name=" + name
                + ", status=" + rawStatus + ", created=" + created + ", modified=" + modified
                + ", downloadUrl=" + Redaction.url(downloadUrl) + ", requestId=" + requestId + "]";
    }
}
