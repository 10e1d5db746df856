package io.jenkins.plugins.dataworks.emulator.scenario;

import java.time.Instant;
import java.util.Objects;

/**
 * A fault injected into OSS PostObject uploads, tried in order like {@link Fault}: the first one
 * that matches (scenario-clock window) and has uses left is consumed by the upload, before its
 * form is read.
 *
 * @param afterBytes CLOSE_AFTER: request body bytes read before the connection is closed
 */
public record UploadFault(
        Kind kind,
        long afterBytes,
        int httpStatus,
        String code,
        int times,
        Instant from,
        Instant until) {

    public enum Kind {
        /** Answers an OSS XML error with {@code httpStatus} and {@code code}; nothing is stored. */
        ERROR,
        /** Reads {@code afterBytes} bytes of the request body, then closes the connection; nothing is stored. */
        CLOSE_AFTER,
        /** Stores the object as usual, then closes the connection without an answer (an ambiguous upload). */
        STORED_NO_ANSWER
    }

    public UploadFault {
        Objects.requireNonNull(kind, "kind");
        if (afterBytes < 0) {
            throw new IllegalArgumentException("afterBytes must be >= 0");
        }
        if (times == 0 || times < Fault.UNLIMITED) {
            throw new IllegalArgumentException("times must be positive or UNLIMITED: " + times);
        }
    }

    /** e.g. error(503, "ServiceUnavailable") or error(500, "InternalError"). */
    public static UploadFault error(int httpStatus, String code) {
        return new UploadFault(Kind.ERROR, 0, httpStatus, Objects.requireNonNull(code, "code"), 1, null, null);
    }

    /** The client sees its connection closed after {@code bytes} bytes of its form were read. */
    public static UploadFault closeAfter(long bytes) {
        return new UploadFault(Kind.CLOSE_AFTER, bytes, 0, null, 1, null, null);
    }

    public static UploadFault storedNoAnswer() {
        return new UploadFault(Kind.STORED_NO_ANSWER, 0, 0, null, 1, null, null);
    }

    public UploadFault times(int n) {
        return new UploadFault(kind, afterBytes, httpStatus, code, n, from, until);
    }

    public UploadFault always() {
        return times(Fault.UNLIMITED);
    }

    /** Only while the scenario clock is in [start, end); unlimited inside the window unless {@link #times(int)} follows. */
    public UploadFault during(Instant start, Instant end) {
        int n = times == 1 ? Fault.UNLIMITED : times;
        return new UploadFault(kind, afterBytes, httpStatus, code, n, start, end);
    }

    public boolean matches(Instant now) {
        if (from != null && now.isBefore(from)) {
            return false;
        }
        return until == null || now.isBefore(until);
    }
}
