package io.jenkins.plugins.dataworks.engine.error;

import io.jenkins.plugins.dataworks.engine.text.UserText;

/**
 * Base of every error the engine reports. The subtype is the classification; nothing else in the
 * project inspects error codes or message text. Messages are one line, name the RequestId when the
 * service gave one, and never contain a secret or a signed URL query.
 */
public abstract sealed class DataWorksException extends RuntimeException
        permits TransientApiException, QuotaExceededException, AuthenticationException,
                MigrationNotFoundException, ApiException, InvalidInputException, DownloadException {

    private static final long serialVersionUID = 1L;

    private final String errorCode;
    private final String requestId;
    private final UserText text;

    protected DataWorksException(String message, String errorCode, String requestId, Throwable cause) {
        this(UserText.of(message), errorCode, requestId, cause);
    }

    /** A message that names settings, which each front end renders in its own words; getMessage() is the engine's. */
    protected DataWorksException(UserText text, String errorCode, String requestId, Throwable cause) {
        super(text.toString(), cause);
        this.text = text;
        this.errorCode = errorCode;
        this.requestId = requestId;
    }

    /** The message with its settings as keys; render it with the front end's {@code Vocabulary}. */
    public UserText text() {
        return text;
    }

    /** The service's error code (e.g. Throttling.User) or an SDK/engine code; may be null. */
    public String errorCode() {
        return errorCode;
    }

    /** The RequestId of the failed call, when the service answered; may be null. */
    public String requestId() {
        return requestId;
    }
}
