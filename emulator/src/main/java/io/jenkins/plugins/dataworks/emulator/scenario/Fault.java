package io.jenkins.plugins.dataworks.emulator.scenario;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * A fault injected into RPC calls (DataWorks and STS actions) after the caller authenticated.
 * Faults are tried in the order they were added; the first one that matches a call and still has
 * uses left answers it (one use per call). A fault matches on action and migration (null = any) and,
 * when a window is set, only while the scenario clock is within [from, until).
 *
 * @param times uses left; {@link #UNLIMITED} for no limit (the default when a window is given)
 */
public record Fault(
        Kind kind,
        int httpStatus,
        String code,
        String message,
        Duration delay,
        String action,
        Long migrationId,
        int times,
        Instant from,
        Instant until) {

    public static final int UNLIMITED = -1;

    public enum Kind {
        /** An error body with {@code httpStatus} and {@code code}. */
        ERROR,
        /** HTTP 200 whose JSON body is cut off mid-document. */
        MALFORMED_JSON,
        /** HTTP 200 with an empty body. */
        EMPTY_BODY,
        /** Waits {@code delay} (real time), then answers normally. */
        DELAY,
        /** Never answers; the connection is dropped when the emulator closes. */
        STALL,
        /**
         * Performs the action (the migration is created or started), then closes the connection
         * without an answer: an ambiguous write, after which a client must look before it retries.
         */
        PERFORMED_NO_ANSWER,
        /**
         * Performs the action, then sends nothing until the client's read timeout (or the emulator
         * closes): the same ambiguity as {@link #PERFORMED_NO_ANSWER}, seen as a timeout.
         */
        PERFORMED_THEN_STALL
    }

    public Fault {
        Objects.requireNonNull(kind, "kind");
        if (kind == Kind.ERROR) {
            Objects.requireNonNull(code, "code");
            Objects.requireNonNull(message, "message");
        }
        if (kind == Kind.DELAY) {
            Objects.requireNonNull(delay, "delay");
        }
        if (times == 0 || times < UNLIMITED) {
            throw new IllegalArgumentException("times must be positive or UNLIMITED: " + times);
        }
    }

    public static Fault error(int httpStatus, String code, String message) {
        return new Fault(Kind.ERROR, httpStatus, code, message, null, null, null, 1, null, null);
    }

    /** HTTP 429 with a Throttling.* code: Throttling.User, .Api, .System, .Api.Risk or .Resource. */
    public static Fault throttling(String code) {
        return error(429, code, throttlingMessage(code));
    }

    public static Fault internalError() {
        return error(500, "InternalError.System", "An internal error occurred, please try again later.");
    }

    public static Fault forbiddenRam() {
        return error(403, "Forbidden.RAM",
                "User not authorized to operate on the specified resource, or this API doesn't support RAM.");
    }

    public static Fault forbiddenAccess() {
        return error(403, "Forbidden.Access", "Access is forbidden. Please first activate DataWorks service.");
    }

    public static Fault malformedJson() {
        return new Fault(Kind.MALFORMED_JSON, 200, null, null, null, null, null, 1, null, null);
    }

    public static Fault emptyBody() {
        return new Fault(Kind.EMPTY_BODY, 200, null, null, null, null, null, 1, null, null);
    }

    public static Fault delay(Duration delay) {
        return new Fault(Kind.DELAY, 200, null, null, delay, null, null, 1, null, null);
    }

    public static Fault stall() {
        return new Fault(Kind.STALL, 0, null, null, null, null, null, 1, null, null);
    }

    /** The action runs (its effect stays), then the connection is closed without any answer. */
    public static Fault performedNoAnswer() {
        return new Fault(Kind.PERFORMED_NO_ANSWER, 0, null, null, null, null, null, 1, null, null);
    }

    /** The action runs (its effect stays), then nothing is sent until the client times out or the emulator closes. */
    public static Fault performedThenStall() {
        return new Fault(Kind.PERFORMED_THEN_STALL, 0, null, null, null, null, null, 1, null, null);
    }

    /** Only calls of this action (e.g. "GetMigrationSummary"). */
    public Fault onAction(String newAction) {
        return new Fault(kind, httpStatus, code, message, delay, newAction, migrationId, times, from, until);
    }

    /** Only calls whose MigrationId parameter is this id. */
    public Fault onMigration(long id) {
        return new Fault(kind, httpStatus, code, message, delay, action, id, times, from, until);
    }

    /** Answers the next {@code n} matching calls. */
    public Fault times(int n) {
        return new Fault(kind, httpStatus, code, message, delay, action, migrationId, n, from, until);
    }

    /** Answers every matching call (within the window, if any). */
    public Fault always() {
        return times(UNLIMITED);
    }

    /**
     * Only while the scenario clock is in [start, end). A fault still at its default single use becomes
     * unlimited inside the window; call {@link #times(int)} after this to limit it.
     */
    public Fault during(Instant start, Instant end) {
        int n = times == 1 ? UNLIMITED : times;
        return new Fault(kind, httpStatus, code, message, delay, action, migrationId, n, start, end);
    }

    public boolean matches(String callAction, Long callMigrationId, Instant now) {
        if (action != null && !action.equals(callAction)) {
            return false;
        }
        if (migrationId != null && !migrationId.equals(callMigrationId)) {
            return false;
        }
        if (from != null && now.isBefore(from)) {
            return false;
        }
        return until == null || now.isBefore(until);
    }

    static String throttlingMessage(String code) {
        switch (code) {
            case "Throttling.User":
                return "Request was denied due to user flow control.";
            case "Throttling.Api":
                return "Request was denied due to api flow control.";
            case "Throttling.System":
                return "The request was denied due to system flow control; the system is busy.";
            case "Throttling.Api.Risk":
                return "The number of API calls today has exceeded the daily limit of your DataWorks edition.";
            case "Throttling.Resource":
                return "The API call quota of your DataWorks edition has been used up.";
            default:
                return "Request was denied due to flow control.";
        }
    }
}
