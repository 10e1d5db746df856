package io.jenkins.plugins.dataworks.engine.client;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.jenkins.plugins.dataworks.engine.error.DataWorksException;
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
        if (status < 200 || status >= 300) {
            throw ErrorClassifier.fromErrorBody(operation, status, body, headerRequestId);
        }
        JsonObject json = ErrorClassifier.jsonObject(body);
        if (json == null) {
            throw ErrorClassifier.malformedResponse(operation, status, headerRequestId,
                    body == null || body.length == 0 ? "empty body" : "body is not a JSON object");
        }
        String requestId = orElse(ErrorClassifier.firstString(json, "RequestId"), headerRequestId);
        JsonElement success = json.get("Success");
        if (success != null && success.isJsonPrimitive() && !success.getAsBoolean()) {
            throw reportedFailure(operation, status, json, requestId);
        }
        JsonElement data = json.get("Data");
        if (data == null || !data.isJsonObject()) {
            throw ErrorClassifier.malformedResponse(operation, status, requestId, "no Data object in the answer");
        }
        return summary(operation, ref, data.getAsJsonObject(), status, requestId);
    }

    /** Success=false in a 2xx answer: the body names the error (ErrorCode/Code, HttpStatusCode). */
    private static DataWorksException reportedFailure(String operation, int status, JsonObject json, String requestId) {
        int reportedStatus = status;
        String statusText = ErrorClassifier.firstString(json, "HttpStatusCode");
        if (statusText != null) {
            try {
                reportedStatus = Integer.parseInt(statusText.trim());
            } catch (NumberFormatException ignored) {
                // keep the transport status
            }
        }
        String message = ErrorClassifier.firstString(json, "ErrorMessage", "Message");
        return ErrorClassifier.fromResponse(operation, reportedStatus,
                ErrorClassifier.firstString(json, "ErrorCode", "Code"),
                message == null ? "the service answered Success=false" : message, requestId);
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

    private static String orElse(String a, String b) {
        return a != null ? a : b;
    }
}
