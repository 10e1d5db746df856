package io.jenkins.plugins.dataworks.engine.client;

import com.google.gson.JsonObject;
import io.jenkins.plugins.dataworks.engine.error.ErrorClassifier;
import java.time.Instant;

/** Reads a GetMigrationSummary answer: the migration, or the classified error it reports. */
final class MigrationSummaryParser {

    private MigrationSummaryParser() {}

    /**
     * @param status HTTP status of the answer
     * @param body raw body; may be null
     * @param headerRequestId the x-acs-request-id header; may be null
     */
    static MigrationSummary parse(String operation, MigrationRef ref, int status, byte[] body, String headerRequestId) {
        Answer answer = Answer.read(operation, status, body, headerRequestId);
        return summary(operation, ref, answer.dataObject(), status, answer.requestId());
    }

    private static MigrationSummary summary(String operation, MigrationRef ref, JsonObject d, int status, String requestId) {
        try {
            return new MigrationSummary(
                    longOr(d, "ProjectId", ref.projectId()),
                    longOr(d, "MigrationId", ref.migrationId()),
                    ErrorClassifier.firstString(d, "Name"),
                    ErrorClassifier.firstString(d, "Status"),
                    epochMillis(d, "GmtCreate"),
                    epochMillis(d, "GmtModified"),
                    ErrorClassifier.firstString(d, "CreateUser"),
                    ErrorClassifier.firstString(d, "OpUser"),
                    ErrorClassifier.firstString(d, "DownloadUrl"),
                    requestId);
        } catch (NumberFormatException e) {
            throw ErrorClassifier.malformedResponse(operation, status, requestId, "a number field of Data is not a number");
        }
    }

    private static long longOr(JsonObject o, String name, long fallback) {
        String s = ErrorClassifier.firstString(o, name);
        return s == null ? fallback : Long.parseLong(s.trim());
    }

    private static Instant epochMillis(JsonObject o, String name) {
        String s = ErrorClassifier.firstString(o, name);
        return s == null ? null : Instant.ofEpochMilli(Long.parseLong(s.trim()));
    }

}
