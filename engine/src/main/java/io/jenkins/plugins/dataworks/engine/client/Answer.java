package io.jenkins.plugins.dataworks.engine.client;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.jenkins.plugins.dataworks.engine.error.DataWorksException;
import io.jenkins.plugins.dataworks.engine.error.ErrorClassifier;

/**
 * The envelope every RPC answer shares: an HTTP status, a JSON object with RequestId, Success and
 * (for DataWorks) Data. Reading it turns every error form (non-2xx, Success=false in a 2xx,
 * a body that is not JSON) into the classified exception, so each call only reads its own Data.
 */
record Answer(String operation, int status, JsonObject json, String requestId) {

    static Answer read(String operation, int status, byte[] body, String headerRequestId) {
        if (status < 200 || status >= 300) {
            throw ErrorClassifier.fromErrorBody(operation, status, body, headerRequestId);
        }
        JsonObject json = ErrorClassifier.jsonObject(body);
        if (json == null) {
            throw ErrorClassifier.malformedResponse(operation, status, headerRequestId,
                    body == null || body.length == 0 ? "empty body" : "body is not a JSON object");
        }
        String requestId = ErrorClassifier.firstString(json, "RequestId");
        if (requestId == null) {
            requestId = headerRequestId;
        }
        JsonElement success = json.get("Success");
        if (success != null && success.isJsonPrimitive() && !success.getAsBoolean()) {
            throw reportedFailure(operation, status, json, requestId);
        }
        return new Answer(operation, status, json, requestId);
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

    JsonElement data() {
        JsonElement data = json.get("Data");
        if (data == null || data.isJsonNull()) {
            throw malformed("no Data in the answer");
        }
        return data;
    }

    JsonObject dataObject() {
        JsonElement data = data();
        if (!data.isJsonObject()) {
            throw malformed("no Data object in the answer");
        }
        return data.getAsJsonObject();
    }

    long dataLong() {
        JsonElement data = data();
        try {
            return data.getAsLong();
        } catch (RuntimeException e) {
            throw malformed("Data is not a number");
        }
    }

    boolean dataBoolean() {
        JsonElement data = data();
        if (!data.isJsonPrimitive()) {
            throw malformed("Data is not true or false");
        }
        return data.getAsBoolean();
    }

    /** A required top-level string (answers that carry no Data, such as AuthorizeFileUpload). */
    String requiredString(String name) {
        String value = ErrorClassifier.firstString(json, name);
        if (value == null || value.isBlank()) {
            throw malformed("no " + name + " in the answer");
        }
        return value;
    }

    DataWorksException malformed(String problem) {
        return ErrorClassifier.malformedResponse(operation, status, requestId, problem);
    }
}
