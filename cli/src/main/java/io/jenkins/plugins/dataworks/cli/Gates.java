package io.jenkins.plugins.dataworks.cli;

import io.jenkins.plugins.dataworks.engine.client.MigrationSummary;
import io.jenkins.plugins.dataworks.engine.gate.GateResult;
import io.jenkins.plugins.dataworks.engine.wait.WaitOutcome;

/** Derived gate results for what happens after the wait (download failed, cancelled, a lone call). */
final class Gates {

    private Gates() {}

    /** The same migration facts with another verdict and message; any package is dropped. */
    static GateResult withVerdict(GateResult g, WaitOutcome.Result result, String message) {
        return new GateResult(result, g.status(), g.name(), g.projectId(), g.migrationId(), g.created(), g.modified(),
                g.requestId(), g.apiCalls(), null, null, -1, message);
    }

    static GateResult withApiCalls(GateResult g, int apiCalls) {
        return new GateResult(g.result(), g.status(), g.name(), g.projectId(), g.migrationId(), g.created(),
                g.modified(), g.requestId(), apiCalls, g.packageFile(), g.packageSha256(), g.packageSize(), g.message());
    }

    /** A result built from one summary, for the download command (no wait ran). */
    static GateResult ofSummary(MigrationSummary s, WaitOutcome.Result result, int apiCalls, String message) {
        return new GateResult(result, s.rawStatus(), s.name(), s.projectId(), s.migrationId(), s.created(),
                s.modified(), s.requestId(), apiCalls, null, null, -1, message);
    }
}
