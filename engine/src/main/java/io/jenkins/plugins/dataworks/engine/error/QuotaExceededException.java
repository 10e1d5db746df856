package io.jenkins.plugins.dataworks.engine.error;

import io.jenkins.plugins.dataworks.engine.text.UserText;

/** A quota is exhausted (daily call limit, edition quota): retrying soon only burns more calls. */
public final class QuotaExceededException extends DataWorksException {

    private static final long serialVersionUID = 1L;

    public QuotaExceededException(String message, String errorCode, String requestId, Throwable cause) {
        super(message, errorCode, requestId, cause);
    }

    public QuotaExceededException(UserText text, String errorCode, String requestId, Throwable cause) {
        super(text, errorCode, requestId, cause);
    }
}
