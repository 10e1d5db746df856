package io.jenkins.plugins.dataworks.engine.wait;

import io.jenkins.plugins.dataworks.engine.client.MigrationRef;
import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;

/**
 * Everything needed to resume a wait exactly where it was, e.g. after a Jenkins controller
 * restart. Small, immutable and free of secrets (no credentials, no download URL).
 *
 * @param lastStatus raw status of the last successful poll; null before the first
 * @param lastStatusChangeAt when lastStatus was first seen; null before the first poll
 * @param lastRequestId RequestId of the last answered call; nullable
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
        String lastRequestId) implements Serializable {

    private static final long serialVersionUID = 1L;
}
