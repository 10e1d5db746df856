package io.jenkins.plugins.dataworks;

import hudson.Functions;
import hudson.model.TaskListener;
import io.jenkins.plugins.dataworks.engine.gate.GateResult;

/** The final log lines of a gate, printed even when quiet. */
final class Verdict {

    private Verdict() {}

    static void log(TaskListener listener, GateResult result) {
        listener.getLogger().println(Messages.Log_final(result.result().name(), result.message()));
        if (result.packageFile() != null) {
            listener.getLogger()
                    .println(Messages.Log_artifact(
                            result.packageFile(),
                            Functions.humanReadableByteSize(result.packageSize()),
                            result.packageSha256()));
        }
    }
}
