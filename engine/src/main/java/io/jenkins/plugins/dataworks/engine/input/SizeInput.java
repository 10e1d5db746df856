package io.jenkins.plugins.dataworks.engine.input;

import io.jenkins.plugins.dataworks.engine.error.InvalidInputException;
import io.jenkins.plugins.dataworks.engine.text.Setting;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A size cap (maxUploadBytes) as people type it: a whole number of bytes with an optional unit. K, M and G
 * are binary (1024-based) with or without "B" or "iB", since a cap is about what fits, and 1 GiB
 * read as 10^9 bytes would refuse packages a user expects to pass.
 */
public final class SizeInput {

    private static final Pattern SIZE = Pattern.compile("(\\d{1,19})\\s*([kmg]?)(i?b)?");

    private SizeInput() {}

    public static long parse(String text) {
        String t = text.strip().toLowerCase(Locale.ROOT);
        Matcher m = SIZE.matcher(t);
        if (!m.matches() || (m.group(2).isEmpty() && "ib".equals(m.group(3)))) {
            throw invalid("'" + text.strip() + "' is not a size: use e.g. 500M, 2G or 1048576 (bytes)");
        }
        int shift = switch (m.group(2)) {
            case "k" -> 10;
            case "m" -> 20;
            case "g" -> 30;
            default -> 0;
        };
        long value;
        try {
            value = Long.parseLong(m.group(1));
        } catch (NumberFormatException e) {
            throw invalid("'" + text.strip() + "' is too large");
        }
        if (value <= 0) {
            throw invalid("must be positive, got '" + text.strip() + "'");
        }
        if (value > (Long.MAX_VALUE >> shift)) {
            throw invalid("'" + text.strip() + "' is too large");
        }
        return value << shift;
    }

    private static InvalidInputException invalid(String problemAndFix) {
        return new InvalidInputException(Setting.MAX_UPLOAD_BYTES.engineName(), problemAndFix);
    }
}
