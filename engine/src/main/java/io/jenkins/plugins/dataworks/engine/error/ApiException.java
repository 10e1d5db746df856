package io.jenkins.plugins.dataworks.engine.error;

import io.jenkins.plugins.dataworks.engine.text.UserText;

/** Any other service or SDK error that is not safe to retry. */
public final class ApiException extends DataWorksException {

    private static final long serialVersionUID = 1L;

    public ApiException(String message, String errorCode, String requestId, Throwable cause) {
        super(message, errorCode, requestId, cause);
    }

    public ApiException(UserText text, String errorCode, String requestId, Throwable cause) {
        super(text, errorCode, requestId, cause);
    }
}
