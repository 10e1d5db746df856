package io.jenkins.plugins.dataworks.engine.error;

import io.jenkins.plugins.dataworks.engine.text.UserText;

/** A failure worth retrying with backoff: throttling, HTTP 5xx, timeouts, connection resets. */
public final class TransientApiException extends DataWorksException {

    private static final long serialVersionUID = 1L;

    public TransientApiException(String message, String errorCode, String requestId, Throwable cause) {
        super(message, errorCode, requestId, cause);
    }

    public TransientApiException(UserText text, String errorCode, String requestId, Throwable cause) {
        super(text, errorCode, requestId, cause);
    }
}
