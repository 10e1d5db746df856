package io.jenkins.plugins.dataworks.engine.error;

import io.jenkins.plugins.dataworks.engine.text.UserText;

/** Bad, unknown or expired credentials, a signature mismatch, or no permission: fails at once. */
public final class AuthenticationException extends DataWorksException {

    private static final long serialVersionUID = 1L;

    public AuthenticationException(String message, String errorCode, String requestId, Throwable cause) {
        super(message, errorCode, requestId, cause);
    }

    public AuthenticationException(UserText text, String errorCode, String requestId, Throwable cause) {
        super(text, errorCode, requestId, cause);
    }
}
