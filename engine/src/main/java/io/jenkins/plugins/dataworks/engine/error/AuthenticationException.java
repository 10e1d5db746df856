package io.jenkins.plugins.dataworks.engine.error;

/** Bad, unknown or expired credentials, a signature mismatch, or no permission: fails at once. */
public final class AuthenticationException extends DataWorksException {

    private static final long serialVersionUID = 1L;

    public AuthenticationException(String message, String errorCode, String requestId, Throwable cause) {
        super(message, errorCode, requestId, cause);
    }
}
