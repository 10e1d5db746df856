package io.jenkins.plugins.dataworks.engine.download;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** {@code Content-Range: bytes <first>-<last>/<total>} of a 206 answer. */
record ContentRange(long first, long last, long total) {

    private static final Pattern SHAPE = Pattern.compile("bytes (\\d{1,19})-(\\d{1,19})/(\\d{1,19})");

    /** Empty for anything but a complete, consistent byte range with a known total. */
    static Optional<ContentRange> parse(String header) {
        if (header == null) {
            return Optional.empty();
        }
        Matcher m = SHAPE.matcher(header.trim());
        if (!m.matches()) {
            return Optional.empty();
        }
        try {
            ContentRange range = new ContentRange(Long.parseLong(m.group(1)), Long.parseLong(m.group(2)),
                    Long.parseLong(m.group(3)));
            boolean consistent = range.first <= range.last && range.last < range.total;
            return consistent ? Optional.of(range) : Optional.empty();
        } catch (NumberFormatException tooLarge) {
            return Optional.empty();
        }
    }

    /** Whether this is exactly the rest of a {@code total}-byte object from {@code offset} on. */
    boolean isRestFrom(long offset, long expectedTotal) {
        return first == offset && total == expectedTotal && last == total - 1;
    }
}
