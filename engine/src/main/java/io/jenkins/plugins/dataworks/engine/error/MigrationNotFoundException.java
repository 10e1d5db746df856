package io.jenkins.plugins.dataworks.engine.error;

import io.jenkins.plugins.dataworks.engine.text.UserText;

/** The migration (or its workspace) does not exist: waiting cannot help. */
public final class MigrationNotFoundException extends DataWorksException {

    private static final long serialVersionUID = 1L;

    public MigrationNotFoundException(String message, String errorCode, String requestId, Throwable cause) {
        super(message, errorCode, requestId, cause);
    }

    public MigrationNotFoundException(UserText text, String errorCode, String requestId, Throwable cause) {
        super(text, errorCode, requestId, cause);
    }
}
