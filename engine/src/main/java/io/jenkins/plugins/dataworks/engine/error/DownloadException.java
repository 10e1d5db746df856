package io.jenkins.plugins.dataworks.engine.error;

import io.jenkins.plugins.dataworks.engine.text.UserText;

/** The export package could not be downloaded or failed verification; nothing partial is left. */
public final class DownloadException extends DataWorksException {

    private static final long serialVersionUID = 1L;

    public DownloadException(String message, String errorCode, String requestId, Throwable cause) {
        super(message, errorCode, requestId, cause);
    }

    public DownloadException(UserText text, String errorCode, String requestId, Throwable cause) {
        super(text, errorCode, requestId, cause);
    }
}
