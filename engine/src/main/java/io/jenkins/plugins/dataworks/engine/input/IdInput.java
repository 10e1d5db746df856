package io.jenkins.plugins.dataworks.engine.input;

import io.jenkins.plugins.dataworks.engine.error.InvalidInputException;

/** Workspace and migration IDs as people type them: positive whole numbers. */
public final class IdInput {

    private IdInput() {}

    /**
     * @param field the user-facing name, e.g. projectId or --migration-id
     * @param what what the ID identifies, for the fix, e.g. "DataWorks workspace ID"
     */
    public static long parse(String field, String text, String what) {
        if (text == null || text.isBlank()) {
            throw new InvalidInputException(field, "is missing: give the " + what);
        }
        long value;
        try {
            value = Long.parseLong(text.trim());
        } catch (NumberFormatException e) {
            throw new InvalidInputException(field, "must be a number (the " + what + "), got '" + text.trim() + "'");
        }
        if (value <= 0) {
            throw new InvalidInputException(field, "must be a positive " + what + ", got " + value);
        }
        return value;
    }
}
