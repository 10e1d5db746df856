package io.jenkins.plugins.dataworks.benchmarks;

import io.jenkins.plugins.dataworks.engine.client.DataWorksClient;
import io.jenkins.plugins.dataworks.engine.client.MigrationRef;
import io.jenkins.plugins.dataworks.engine.client.MigrationSummary;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * A client whose one migration is EXPORTING until {@code finishesAt}, then EXPORT_SUCCESS; it
 * counts the calls and remembers when a call first saw the terminal status and the gap since the
 * call before it (the interval in effect).
 */
final class SimulatedMigration implements DataWorksClient {

    private final Clock clock;
    private final Instant finishesAt;
    private int calls;
    private Instant lastCall;
    private Instant detectedAt;
    private Duration gapAtDetection;

    SimulatedMigration(Clock clock, Instant finishesAt) {
        this.clock = clock;
        this.finishesAt = finishesAt;
    }

    @Override
    public MigrationSummary getMigrationSummary(MigrationRef ref) {
        Instant now = clock.instant();
        calls++;
        boolean done = !now.isBefore(finishesAt);
        if (done && detectedAt == null) {
            detectedAt = now;
            gapAtDetection = lastCall == null ? Duration.ZERO : Duration.between(lastCall, now);
        }
        lastCall = now;
        return new MigrationSummary(ref.projectId(), ref.migrationId(), "sim", done ? "EXPORT_SUCCESS" : "EXPORTING",
                null, null, null, null, null, "sim-" + calls);
    }

    int calls() {
        return calls;
    }

    /** Delay between the terminal status appearing and a call seeing it; null if never seen. */
    Duration detectionDelay() {
        return detectedAt == null ? null : Duration.between(finishesAt, detectedAt);
    }

    Duration gapAtDetection() {
        return gapAtDetection;
    }

    @Override
    public void close() {}
}
