package io.jenkins.plugins.dataworks.cli;

import io.jenkins.plugins.dataworks.engine.client.MigrationSummary;
import io.jenkins.plugins.dataworks.engine.gate.GateResult;
import io.jenkins.plugins.dataworks.engine.wait.WaitOutcome;

/** A gate result for a lone call, where no wait ran. */
final class Gates {

    private Gates() {}

    /** A result built from one summary, for the download command (no wait ran). */
    static GateResult ofSummary(MigrationSummary s, WaitOutcome.Result result, int apiCalls, String message) {
        return new GateResult(result, s.rawStatus(), s.name(), s.projectId(), s.migrationId(), s.created(),
                s.modified(), s.requestId(), apiCalls, null, null, -1, message);
    }
}
