package io.jenkins.plugins.dataworks.engine.wait;

import io.jenkins.plugins.dataworks.engine.client.MigrationRef;
import io.jenkins.plugins.dataworks.engine.client.MigrationStatus;
import io.jenkins.plugins.dataworks.engine.error.InvalidInputException;
import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * Everything needed to resume a wait exactly where it was, e.g. after a Jenkins controller
 * restart. Small, immutable and free of secrets: no credentials and no download URL, only the
 * migration reference, the policy, times, counters, the raw status and a RequestId.
 *
 * <p>A wait passes a new snapshot to {@link WaitListener#onSnapshot} after every poll and before
 * it schedules the next one, so a persisted snapshot is never behind the schedule.
 *
 * @param ref the migration waited for
 * @param policy the policy of the wait; a resumed wait keeps it
 * @param startedAt when the wait started; elapsed times are measured from here
 * @param deadline absolute end of the wait ({@code startedAt + policy.timeout()})
 * @param nextPollAt when the next poll is due; never after {@code deadline}, except the one poll of
 *     a wait resumed after its deadline when a {@link CallPacer} moved it later
 * @param currentInterval un-jittered poll interval the next successful poll schedules after itself
 * @param apiCalls API calls made so far, failed ones included: the GetMigrationSummary polls and the one
 *     GetMigrationProcess call that fetches the failure detail; the budget counts them all
 * @param consecutiveErrors transient errors in a row since the last successful poll
 * @param lastStatus raw status of the last successful poll; null before the first
 * @param lastStatusChangeAt when lastStatus was first seen; null before the first poll
 * @param lastRequestId RequestId of the last answered poll (GetMigrationSummary); nullable
 * @param lastHeartbeatAt last time the listener heard news (status change or heartbeat)
 * @param idleHintGiven whether the "never started?" hint was given for the current INIT/EDITING run
 * @param failureDetailPending the terminal status {@code lastStatus} (EXPORT_ERROR, IMPORT_ERROR or
 *     PARTIAL_SUCCESS) has been seen and its failed sub-tasks are still to be fetched: the next call,
 *     at {@code nextPollAt}, is the one GetMigrationProcess. A wait resumed from such a snapshot does
 *     not poll the status again: it makes that one call (budget and pacing permitting) and ends with
 *     the verdict of {@code lastStatus}; its outcome then has no summary
 */
public record WaitSnapshot(
        MigrationRef ref,
        WaitPolicy policy,
        Instant startedAt,
        Instant deadline,
        Instant nextPollAt,
        Duration currentInterval,
        int apiCalls,
        int consecutiveErrors,
        String lastStatus,
        Instant lastStatusChangeAt,
        String lastRequestId,
        Instant lastHeartbeatAt,
        boolean idleHintGiven,
        boolean failureDetailPending) implements Serializable {

    // Records ignore it when reading; a snapshot persisted before failureDetailPending existed reads as false.
    private static final long serialVersionUID = 3L;

    /** Calls a persisted snapshot may lag behind the wait before a new one is worth writing. */
    public static final int MAX_UNSAVED_CALLS = 4;

    /**
     * Rejects incomplete snapshots, e.g. a corrupted persisted one, with a message naming the field;
     * records are deserialised through this constructor, so a bad stream is rejected too.
     */
    public WaitSnapshot {
        require("ref", ref);
        require("policy", policy);
        require("startedAt", startedAt);
        require("deadline", deadline);
        require("nextPollAt", nextPollAt);
        require("currentInterval", currentInterval);
        require("lastHeartbeatAt", lastHeartbeatAt);
        if (apiCalls < 0 || consecutiveErrors < 0) {
            throw new InvalidInputException("snapshot.apiCalls", "and consecutiveErrors must not be negative;"
                    + " the snapshot is corrupt: start a new wait");
        }
        if (failureDetailPending && lastStatus == null) {
            throw new InvalidInputException("snapshot.lastStatus", "is missing although the failure detail of a"
                    + " terminal status is pending; the snapshot is corrupt: start a new wait");
        }
    }

    /** A snapshot with no failure detail pending, as every snapshot was before failure detail existed. */
    public WaitSnapshot(MigrationRef ref, WaitPolicy policy, Instant startedAt, Instant deadline, Instant nextPollAt,
            Duration currentInterval, int apiCalls, int consecutiveErrors, String lastStatus,
            Instant lastStatusChangeAt, String lastRequestId, Instant lastHeartbeatAt, boolean idleHintGiven) {
        this(ref, policy, startedAt, deadline, nextPollAt, currentInterval, apiCalls, consecutiveErrors, lastStatus,
                lastStatusChangeAt, lastRequestId, lastHeartbeatAt, idleHintGiven, false);
    }

    /**
     * Whether this snapshot is worth persisting when {@code saved} (null if none) is the one persisted
     * last. A wait resumed from {@code saved} instead ends the same way: the deadline and the policy
     * are the same and it reacts to the status DataWorks gives then; it only polls again at once, with
     * an earlier interval, logs the current status once more, and repeats at most
     * {@link #MAX_UNSAVED_CALLS} calls (which its budget does not see twice). So neither a quiet poll,
     * nor a new status, nor a poll moved by the rate limit needs a write, and neither does the last
     * snapshot of a wait that ends with it (a terminal status with nothing pending: the outcome follows
     * at once, and a wait resumed before the host recorded it polls once more and gets the same
     * verdict). What does: the first answer (it fixes the deadline a resumed wait keeps), a pending
     * failure detail, the idle hint given, or that many calls. Nor does the snapshot of a wait that
     * has made no call yet: resumed without any, the wait starts anew. Hosts whose every write costs
     * (a Pipeline rewrites its whole program and its build record) persist only these; whatever else
     * they keep in memory is persisted with the next save.
     */
    public boolean worthPersisting(WaitSnapshot saved) {
        if (endsTheWait()) {
            return false;
        }
        if (saved == null) {
            return apiCalls > 0;
        }
        return !ref.equals(saved.ref)
                || !startedAt.equals(saved.startedAt)
                || failureDetailPending != saved.failureDetailPending
                || idleHintGiven != saved.idleHintGiven
                || apiCalls - saved.apiCalls >= MAX_UNSAVED_CALLS;
    }

    /** Whether the wait ends with this snapshot: a terminal status under its policy, no detail pending. */
    private boolean endsTheWait() {
        return lastStatus != null
                && !failureDetailPending
                && Acceptors.verdict(MigrationStatus.parse(lastStatus), policy).terminal();
    }

    /** The snapshot of a wait that has not polled yet: the first poll is due at once. */
    static WaitSnapshot initial(MigrationRef ref, WaitPolicy policy, Instant now) {
        return new WaitSnapshot(ref, policy, now, now.plus(policy.timeout()), now, policy.initialInterval(),
                0, 0, null, null, null, now, false);
    }

    /** The same wait with its next poll moved, e.g. to the slot a {@link CallPacer} reserved. */
    WaitSnapshot withNextPollAt(Instant at) {
        return new WaitSnapshot(ref, policy, startedAt, deadline, at, currentInterval, apiCalls, consecutiveErrors,
                lastStatus, lastStatusChangeAt, lastRequestId, lastHeartbeatAt, idleHintGiven, failureDetailPending);
    }

    /** The same wait after the failure-detail phase: {@code calls} made in all, nothing pending any more. */
    WaitSnapshot withFailureDetailDone(int calls) {
        return new WaitSnapshot(ref, policy, startedAt, deadline, nextPollAt, currentInterval, calls,
                consecutiveErrors, lastStatus, lastStatusChangeAt, lastRequestId, lastHeartbeatAt, idleHintGiven, false);
    }

    private static void require(String field, Object value) {
        if (value == null) {
            throw new InvalidInputException("snapshot." + field, "is missing; the snapshot is corrupt: start a new wait");
        }
    }
}
