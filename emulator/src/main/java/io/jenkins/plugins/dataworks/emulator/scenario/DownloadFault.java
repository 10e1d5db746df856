package io.jenkins.plugins.dataworks.emulator.scenario;

import java.time.Instant;
import java.util.Objects;

/**
 * A fault injected into presigned downloads, tried in order like {@link Fault}: the first one that
 * matches (migration, window) and has uses left is consumed by the download. TRUNCATE, STALL, CORRUPT
 * and IGNORE_RANGE apply to GET only; EXPIRED and ERROR apply to GET and HEAD.
 *
 * @param offset TRUNCATE and STALL: body bytes sent before the fault; CORRUPT: the object offset
 *     of the flipped byte (nothing changes if the served range does not cover it)
 */
public record DownloadFault(
        Kind kind,
        long offset,
        int httpStatus,
        String code,
        Long migrationId,
        int times,
        Instant from,
        Instant until) {

    public enum Kind {
        /** Sends {@code offset} body bytes, then closes the connection (Content-Length promised more). */
        TRUNCATE,
        /** Sends {@code offset} body bytes, then sends nothing more until the client gives up or the emulator closes. */
        STALL,
        /** Flips the byte at object offset {@code offset}; headers still advertise the original CRC. */
        CORRUPT,
        /** Ignores the Range header and answers 200 with the whole object. */
        IGNORE_RANGE,
        /** Answers 403 AccessDenied "Request has expired." even though the URL's Expires is in the future. */
        EXPIRED,
        /** Answers an OSS XML error with {@code httpStatus} and {@code code}. */
        ERROR
    }

    public DownloadFault {
        Objects.requireNonNull(kind, "kind");
        if (offset < 0) {
            throw new IllegalArgumentException("offset must be >= 0");
        }
        if (times == 0 || times < Fault.UNLIMITED) {
            throw new IllegalArgumentException("times must be positive or UNLIMITED: " + times);
        }
    }

    public static DownloadFault truncateAfter(long bytes) {
        return new DownloadFault(Kind.TRUNCATE, bytes, 0, null, null, 1, null, null);
    }

    public static DownloadFault stallAfter(long bytes) {
        return new DownloadFault(Kind.STALL, bytes, 0, null, null, 1, null, null);
    }

    public static DownloadFault corruptAt(long objectOffset) {
        return new DownloadFault(Kind.CORRUPT, objectOffset, 0, null, null, 1, null, null);
    }

    public static DownloadFault ignoreRange() {
        return new DownloadFault(Kind.IGNORE_RANGE, 0, 0, null, null, 1, null, null);
    }

    public static DownloadFault expired() {
        return new DownloadFault(Kind.EXPIRED, 0, 403, "AccessDenied", null, 1, null, null);
    }

    /** e.g. error(503, "ServiceUnavailable") or error(500, "InternalError"). */
    public static DownloadFault error(int httpStatus, String code) {
        return new DownloadFault(Kind.ERROR, 0, httpStatus, Objects.requireNonNull(code, "code"), null, 1, null, null);
    }

    public DownloadFault onMigration(long id) {
        return new DownloadFault(kind, offset, httpStatus, code, id, times, from, until);
    }

    public DownloadFault times(int n) {
        return new DownloadFault(kind, offset, httpStatus, code, migrationId, n, from, until);
    }

    public DownloadFault always() {
        return times(Fault.UNLIMITED);
    }

    /** Only while the scenario clock is in [start, end); unlimited inside the window unless {@link #times(int)} follows. */
    public DownloadFault during(Instant start, Instant end) {
        int n = times == 1 ? Fault.UNLIMITED : times;
        return new DownloadFault(kind, offset, httpStatus, code, migrationId, n, start, end);
    }

    public boolean matches(long callMigrationId, Instant now) {
        if (migrationId != null && migrationId != callMigrationId) {
            return false;
        }
        if (from != null && now.isBefore(from)) {
            return false;
        }
        return until == null || now.isBefore(until);
    }
}
