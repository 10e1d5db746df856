package io.jenkins.plugins.dataworks.engine.error;

import io.jenkins.plugins.dataworks.engine.redact.Redaction;

/**
 * Stands in for an SDK or IO exception as the cause of a {@link DataWorksException}. The SDK puts
 * the signed request URL (with SecurityToken and Signature) into its messages; a cause chain is
 * printed by Jenkins and logged, so it keeps the original class name and stack trace but only a
 * redacted message.
 */
public final class RedactedCause extends Exception {

    private static final long serialVersionUID = 1L;
    private static final int MAX_DEPTH = 8;

    private final String originalClass;

    private RedactedCause(String originalClass, String message) {
        super(message);
        this.originalClass = originalClass;
    }

    /** A redacted copy of {@code t} and its causes; null for null. */
    public static RedactedCause of(Throwable t) {
        return of(t, 0);
    }

    private static RedactedCause of(Throwable t, int depth) {
        if (t == null || depth >= MAX_DEPTH) {
            return null;
        }
        if (t instanceof RedactedCause already) {
            return already;
        }
        RedactedCause copy = new RedactedCause(t.getClass().getName(), Redaction.text(t.getMessage()));
        copy.setStackTrace(t.getStackTrace());
        RedactedCause cause = of(t.getCause(), depth + 1);
        if (cause != null) {
            copy.initCause(cause);
        }
        return copy;
    }

    /** The class of the exception this stands for, e.g. java.net.SocketTimeoutException. */
    public String originalClass() {
        return originalClass;
    }

    @Override
    public String toString() {
        String message = getMessage();
        return message == null ? originalClass : originalClass + ": " + message;
    }
}
