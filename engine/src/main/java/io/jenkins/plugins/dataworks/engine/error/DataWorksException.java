package io.jenkins.plugins.dataworks.engine.error;

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

    protected DataWorksException(String message, String errorCode, String requestId, Throwable cause) {
        super(message, cause);
        this.errorCode = errorCode;
        this.requestId = requestId;
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
