package io.jenkins.plugins.dataworks.engine.error;

/**
 * Bad input from the user. The message is one line that names the field and the fix, e.g.
 * {@code projectId must be a positive DataWorks workspace ID, got 0}.
 */
public final class InvalidInputException extends DataWorksException {

    private static final long serialVersionUID = 1L;

    private final String field;

    public InvalidInputException(String field, String problemAndFix) {
        super(field + " " + problemAndFix, "InvalidInput", null, null);
        this.field = field;
    }

    /** The user-facing name of the offending field or option. */
    public String field() {
        return field;
    }
}
