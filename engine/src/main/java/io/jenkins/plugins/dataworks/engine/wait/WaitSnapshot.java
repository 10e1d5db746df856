package io.jenkins.plugins.dataworks.engine.wait;

import io.jenkins.plugins.dataworks.engine.client.MigrationRef;
import io.jenkins.plugins.dataworks.engine.error.InvalidInputException;
import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;

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
 * @param apiCalls GetMigrationSummary calls made so far, failed ones included
 * @param consecutiveErrors transient errors in a row since the last successful poll
 * @param lastStatus raw status of the last successful poll; null before the first
 * @param lastStatusChangeAt when lastStatus was first seen; null before the first poll
 * @param lastRequestId RequestId of the last answered call; nullable
 * @param lastHeartbeatAt last time the listener heard news (status change or heartbeat)
 * @param idleHintGiven whether the "never started?" hint was given for the current INIT/EDITING run
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
        boolean idleHintGiven) implements Serializable {

    private static final long serialVersionUID = 2L;

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
    }

    /** The snapshot of a wait that has not polled yet: the first poll is due at once. */
    static WaitSnapshot initial(MigrationRef ref, WaitPolicy policy, Instant now) {
        return new WaitSnapshot(ref, policy, now, now.plus(policy.timeout()), now, policy.initialInterval(),
                0, 0, null, null, null, now, false);
    }

    /** The same wait with its next poll moved, e.g. to the slot a {@link CallPacer} reserved. */
    WaitSnapshot withNextPollAt(Instant at) {
        return new WaitSnapshot(ref, policy, startedAt, deadline, at, currentInterval, apiCalls, consecutiveErrors,
                lastStatus, lastStatusChangeAt, lastRequestId, lastHeartbeatAt, idleHintGiven);
    }

    private static void require(String field, Object value) {
        if (value == null) {
            throw new InvalidInputException("snapshot." + field, "is missing; the snapshot is corrupt: start a new wait");
        }
    }
}
