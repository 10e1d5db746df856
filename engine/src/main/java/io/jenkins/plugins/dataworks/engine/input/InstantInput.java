package io.jenkins.plugins.dataworks.engine.input;

import io.jenkins.plugins.dataworks.engine.error.InvalidInputException;
import io.jenkins.plugins.dataworks.engine.text.Setting;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * The time an incremental export starts from (incrementalSince), as people type it: an ISO-8601 instant with a zone (Z or an offset), or the
 * epoch milliseconds the API itself takes. A date or time without a zone is refused: whose
 * midnight it means would be a guess, and a wrong guess silently drops changes from the package.
 */
public final class InstantInput {

    private InstantInput() {}

    public static Instant parse(String text) {
        String t = text.strip();
        if (!t.isEmpty() && t.chars().allMatch(Character::isDigit)) {
            try {
                return Instant.ofEpochMilli(Long.parseLong(t));
            } catch (NumberFormatException e) {
                throw invalid(t);
            }
        }
        try {
            return OffsetDateTime.parse(t, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
        } catch (DateTimeParseException e) {
            throw invalid(t);
        }
    }

    private static InvalidInputException invalid(String text) {
        return new InvalidInputException(Setting.INCREMENTAL_SINCE.engineName(), "'" + text + "' is not a time with a zone:"
                + " use an ISO-8601 instant such as 2024-05-01T00:00:00Z or 2024-05-01T08:00:00+08:00, or epoch milliseconds");
    }
}
