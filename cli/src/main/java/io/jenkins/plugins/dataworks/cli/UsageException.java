package io.jenkins.plugins.dataworks.cli;

/**
 * A bad option value found after parsing (e.g. a missing credential or an unwritable directory).
 * The message is one line that names the option or variable and the fix.
 */
public final class UsageException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public UsageException(String message) {
        super(message);
    }
}
