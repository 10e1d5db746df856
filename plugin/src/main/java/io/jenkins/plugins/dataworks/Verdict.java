package io.jenkins.plugins.dataworks;

import hudson.Functions;
import hudson.model.TaskListener;
import io.jenkins.plugins.dataworks.engine.gate.GateResult;

/** The final log lines of a gate, printed even when quiet. */
final class Verdict {

    private Verdict() {}

    /**
     * @param failsTheBuild the step fails with the result's message next, which Jenkins prints as
     *     its ERROR line: the verdict line would say the same a second time, so it is left out
     */
    static void log(TaskListener listener, GateResult result, boolean failsTheBuild) {
        if (!failsTheBuild) {
            listener.getLogger().println(Messages.Log_final(result.result().name(), result.message()));
        }
        if (result.packageFile() != null) {
            listener.getLogger()
                    .println(Messages.Log_artifact(
                            result.packageFile(),
                            Functions.humanReadableByteSize(result.packageSize()),
                            result.packageSha256()));
        }
    }

    /** Whether a step with {@code failOnError} fails the build for this result. */
    static boolean failsTheBuild(GateResult result, boolean failOnError) {
        return failOnError && !result.successful();
    }
}
