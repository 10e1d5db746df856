package io.jenkins.plugins.dataworks.emulator.oss;

/**
 * How OSS answers a Range header. By default an invalid or out-of-range Range is ignored (200, whole
 * object); with {@code x-oss-range-behavior: standard} an end past the object is clamped and a start
 * past it is 416. OSS serves only the first range of a multi-range header.
 *
 * @param start first byte served; {@code end} last byte served (inclusive)
 */
record ByteRange(Kind kind, long start, long end) {

    enum Kind { WHOLE, PARTIAL, UNSATISFIABLE }

    static ByteRange whole(long size) {
        return new ByteRange(Kind.WHOLE, 0, size - 1);
    }

    long length() {
        return end - start + 1;
    }

    static ByteRange parse(String header, long size, boolean standard) {
        if (header == null) {
            return whole(size);
        }
        String value = header.trim();
        if (!value.startsWith("bytes=")) {
            return whole(size);
        }
        String spec = value.substring("bytes=".length());
        int comma = spec.indexOf(',');
        if (comma >= 0) {
            spec = spec.substring(0, comma);
        }
        spec = spec.trim();
        int dash = spec.indexOf('-');
        if (dash < 0) {
            return whole(size);
        }
        String first = spec.substring(0, dash).trim();
        String last = spec.substring(dash + 1).trim();
        try {
            if (first.isEmpty()) {
                if (last.isEmpty()) {
                    return whole(size);
                }
                long suffix = Long.parseLong(last);
                if (suffix <= 0 || size == 0) {
                    return standard ? unsatisfiable(size) : whole(size);
                }
                if (suffix > size) {
                    return standard ? new ByteRange(Kind.PARTIAL, 0, size - 1) : whole(size);
                }
                return new ByteRange(Kind.PARTIAL, size - suffix, size - 1);
            }
            long start = Long.parseLong(first);
            long end = last.isEmpty() ? Long.MAX_VALUE : Long.parseLong(last);
            if (start < 0 || end < start) {
                return whole(size);
            }
            if (start >= size) {
                return standard ? unsatisfiable(size) : whole(size);
            }
            if (last.isEmpty()) {
                return new ByteRange(Kind.PARTIAL, start, size - 1);
            }
            if (end >= size) {
                return standard ? new ByteRange(Kind.PARTIAL, start, size - 1) : whole(size);
            }
            return new ByteRange(Kind.PARTIAL, start, end);
        } catch (NumberFormatException e) {
            return whole(size);
        }
    }

    private static ByteRange unsatisfiable(long size) {
        return new ByteRange(Kind.UNSATISFIABLE, 0, size - 1);
    }
}
