package io.jenkins.plugins.dataworks.cli;

/** The user interrupted the command (Ctrl-C); whatever was in progress has been stopped and cleaned up. */
public final class CancelledException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public CancelledException(String message) {
        super(message);
    }
}
