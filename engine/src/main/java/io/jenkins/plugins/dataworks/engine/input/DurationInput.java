package io.jenkins.plugins.dataworks.engine.input;

import io.jenkins.plugins.dataworks.engine.error.InvalidInputException;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Durations as people type them in a Jenkinsfile or on a command line: {@code 500ms}, {@code 90s},
 * {@code 15m}, {@code 2h}, {@code 1d}, combinations such as {@code 1h30m}, or ISO-8601 ({@code PT2H}).
 * The CLI and the plugin share this so that both accept exactly the same text.
 */
public final class DurationInput {

    private static final Pattern PART = Pattern.compile("(\\d+)(ms|s|m|h|d)");
    private static final Pattern WHOLE = Pattern.compile("(?:\\d+(?:ms|s|m|h|d))+");

    private DurationInput() {}

    /** @param field the user-facing name of the option, for the error message */
    public static Duration parse(String field, String text) {
        if (text == null || text.isBlank()) {
            throw new InvalidInputException(field, "is empty: give a duration such as 90s, 15m or 2h");
        }
        String t = text.trim().toLowerCase(Locale.ROOT);
        if (t.startsWith("p")) {
            try {
                return Duration.parse(t.toUpperCase(Locale.ROOT));
            } catch (DateTimeParseException e) {
                throw invalid(field, text);
            }
        }
        if (!WHOLE.matcher(t).matches()) {
            throw invalid(field, text);
        }
        Duration total = Duration.ZERO;
        Matcher m = PART.matcher(t);
        try {
            while (m.find()) {
                long n = Long.parseLong(m.group(1));
                total = total.plus(switch (m.group(2)) {
                    case "ms" -> Duration.ofMillis(n);
                    case "s" -> Duration.ofSeconds(n);
                    case "m" -> Duration.ofMinutes(n);
                    case "h" -> Duration.ofHours(n);
                    default -> Duration.ofDays(n);
                });
            }
        } catch (ArithmeticException | NumberFormatException e) {
            throw invalid(field, text);
        }
        return total;
    }

    /**
     * The shortest text that {@link #parse} reads back as the same duration, e.g. {@code 1h30m};
     * ISO-8601 for what the short form cannot say (a negative duration, or one finer than 1 ms).
     */
    public static String format(Duration d) {
        if (d.isZero()) {
            return "0s";
        }
        if (d.isNegative() || d.toNanosPart() % 1_000_000 != 0) {
            return d.toString();
        }
        StringBuilder b = new StringBuilder();
        long days = d.toDays();
        if (days > 0) {
            b.append(days).append('d');
        }
        appendUnit(b, d.toHoursPart(), "h");
        appendUnit(b, d.toMinutesPart(), "m");
        appendUnit(b, d.toSecondsPart(), "s");
        appendUnit(b, d.toMillisPart(), "ms");
        return b.toString();
    }

    /**
     * A duration as every front end's log and page shows it: milliseconds under ten seconds
     * ({@code 9.375s}), whole seconds above ({@code 1m30s}, {@code 2h5m}); a negative one as 0s.
     */
    public static String human(Duration d) {
        if (d.isNegative()) {
            d = Duration.ZERO;
        }
        Duration shown = d.compareTo(Duration.ofSeconds(10)) < 0
                ? d.truncatedTo(ChronoUnit.MILLIS)
                : d.truncatedTo(ChronoUnit.SECONDS);
        return shown.toString().substring(2).toLowerCase(Locale.ROOT);
    }

    private static void appendUnit(StringBuilder b, long value, String unit) {
        if (value > 0) {
            b.append(value).append(unit);
        }
    }

    private static InvalidInputException invalid(String field, String text) {
        return new InvalidInputException(field, "'" + text.trim() + "' is not a duration: use e.g. 90s, 15m, 2h or 1h30m");
    }
}
