package io.jenkins.plugins.dataworks.cli;

import io.jenkins.plugins.dataworks.engine.input.DurationInput;
import io.jenkins.plugins.dataworks.engine.wait.PartialSuccessPolicy;
import io.jenkins.plugins.dataworks.engine.wait.WaitPolicy;
import java.time.Duration;
import picocli.CommandLine.Option;

/** How long and how often to poll, and what a final status means: shared by wait and promote. */
final class WaitOptions {

    /** Demo pace: the emulator's export finishes after 5 polls, so the demo takes about 4 seconds. */
    static final Duration EMULATOR_POLL = Duration.ofSeconds(1);

    @Option(names = "--timeout", paramLabel = "DURATION",
            description = "Give up after this long (exit 4), e.g. 90s, 15m, 2h, PT2H. Default: 2h.")
    String timeout;

    @Option(names = "--poll-interval", paramLabel = "DURATION",
            description = "First delay between two polls, 100ms to 1h; it then grows by 1.5x per poll. Default: 15s (1s with --emulator).")
    String pollInterval;

    @Option(names = "--max-poll-interval", paramLabel = "DURATION",
            description = "Longest delay between two polls, 100ms to 1h. Default: 2m30s, or --poll-interval if larger (1s with --emulator).")
    String maxPollInterval;

    @Option(names = "--partial-success", paramLabel = "fail|unstable|succeed", defaultValue = "fail",
            description = "What PARTIAL_SUCCESS means: fail (default, exit 1), unstable (exit 3, package still downloaded), succeed (exit 0).")
    PartialSuccessPolicy partialSuccess = PartialSuccessPolicy.FAIL;

    @Option(names = "--max-api-calls", paramLabel = "N", defaultValue = "0",
            description = "Stop after N GetMigrationSummary calls (exit 4); 0 (default) means no budget. The Basic edition allows 100 calls a day.")
    int maxApiCalls;

    @Option(names = "--keep-waiting-on-unknown-status",
            description = "Keep polling when the service reports an undocumented status, instead of failing (exit 1).")
    boolean keepWaitingOnUnknownStatus;

    /** The checked policy; the engine words a bad value in these options. */
    WaitPolicy policy(boolean emulator) {
        WaitPolicy.Builder b = WaitPolicy.builder()
                .partialSuccess(partialSuccess)
                .maxApiCalls(maxApiCalls)
                .keepWaitingOnUnknownStatus(keepWaitingOnUnknownStatus);
        if (emulator) {
            b.initialInterval(EMULATOR_POLL).maxInterval(EMULATOR_POLL).multiplier(1.0).jitter(0.0);
        }
        if (timeout != null) {
            b.timeout(DurationInput.parse("--timeout", timeout));
        }
        Duration initial = pollInterval == null ? null : DurationInput.parse("--poll-interval", pollInterval);
        if (initial != null) {
            b.initialInterval(initial);
        }
        if (maxPollInterval != null) {
            b.maxInterval(DurationInput.parse("--max-poll-interval", maxPollInterval));
        } else if (initial != null) {
            // A longer first interval alone should not trip over the default cap.
            Duration defaultMax = emulator ? EMULATOR_POLL : WaitPolicy.defaults().maxInterval();
            if (initial.compareTo(defaultMax) > 0) {
                b.maxInterval(initial);
            }
        }
        return b.build();
    }
}
