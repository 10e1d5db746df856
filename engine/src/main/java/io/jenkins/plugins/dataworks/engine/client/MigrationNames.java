package io.jenkins.plugins.dataworks.engine.client;

import io.jenkins.plugins.dataworks.engine.error.InvalidInputException;
import io.jenkins.plugins.dataworks.engine.text.Setting;

/** The one check of a migration name, shared by exports and imports. */
final class MigrationNames {

    private MigrationNames() {}

    static String check(String name) {
        String field = Setting.NAME.engineName();
        if (name == null || name.isBlank()) {
            throw new InvalidInputException(field, "is missing: give the migration a name that is unique in the workspace");
        }
        String trimmed = name.strip();
        if (trimmed.length() > ExportSpec.MAX_NAME_LENGTH) {
            throw new InvalidInputException(field, "is " + trimmed.length() + " characters long: use at most "
                    + ExportSpec.MAX_NAME_LENGTH);
        }
        if (trimmed.chars().anyMatch(Character::isISOControl)) {
            throw new InvalidInputException(field, "contains a control character: use printable characters only");
        }
        return trimmed;
    }
}
