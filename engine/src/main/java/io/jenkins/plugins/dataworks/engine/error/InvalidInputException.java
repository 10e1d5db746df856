package io.jenkins.plugins.dataworks.engine.error;

import io.jenkins.plugins.dataworks.engine.text.UserText;

/**
 * Bad input from the user. The message is one line that names the field and the fix, e.g.
 * {@code projectId must be a positive DataWorks workspace ID, got 0}.
 */
public final class InvalidInputException extends DataWorksException {

    private static final long serialVersionUID = 1L;

    private final String field;

    public InvalidInputException(String field, String problemAndFix) {
        this(field, UserText.of(problemAndFix));
    }

    /**
     * @param field the engine's name of the field, which front ends render as their own option,
     *     parameter or label (see {@code Setting#ofField})
     * @param problemAndFix may name other settings
     */
    public InvalidInputException(String field, UserText problemAndFix) {
        super(UserText.of(UserText.field(field), " ", problemAndFix), "InvalidInput", null, null);
        this.field = field;
    }

    /** The engine's name of the offending field or option. */
    public String field() {
        return field;
    }
}
