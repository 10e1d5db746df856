package io.jenkins.plugins.dataworks.cli;

import io.jenkins.plugins.dataworks.engine.client.MigrationSummary;
import io.jenkins.plugins.dataworks.engine.error.DataWorksException;
import io.jenkins.plugins.dataworks.engine.input.DurationInput;
import io.jenkins.plugins.dataworks.engine.wait.WaitListener;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Tells the person watching a CI log what the wait is doing: one stderr line per event, each with
 * the time since the wait started. Every text that reaches it from the engine is already free of
 * secrets; the DownloadUrl is never printed.
 */
final class StatusReporter implements WaitListener {

    private final PrintWriter err;
    private final boolean quiet;
    private final Clock clock;
    private final Instant start;

    StatusReporter(PrintWriter err, boolean quiet, Clock clock) {
        this.err = err;
        this.quiet = quiet;
        this.clock = clock;
        this.start = clock.instant();
    }

    @Override
    public void onStatusChange(String previousStatus, MigrationSummary summary, Duration elapsed) {
        String change = previousStatus == null
                ? summary.ref() + (summary.name() == null ? "" : " \"" + summary.name() + "\"") + ": " + summary.rawStatus()
                : previousStatus + " -> " + summary.rawStatus();
        // The command's clock, not the wait's: promote runs two waits, and its lines must not jump back to 0s.
        line(elapsed(), change + requestId(summary.requestId()));
    }

    @Override
    public void onHeartbeat(MigrationSummary lastSummary, Duration elapsed, int apiCalls) {
        String status = lastSummary == null ? "no status yet" : "still " + lastSummary.rawStatus();
        line(elapsed(), status + " (" + apiCalls + " API call" + (apiCalls == 1 ? "" : "s") + " so far)");
    }

    @Override
    public void onHint(String hint) {
        line(elapsed(), "hint: " + hint);
    }

    @Override
    public void onRetry(DataWorksException error, int consecutiveErrors, Duration retryIn) {
        line(elapsed(), "transient error #" + consecutiveErrors + ", retrying in " + DurationInput.format(retryIn) + ": "
                + OptionNames.describe(error));
    }

    /** A line about the CLI's own steps (download, emulator), on the same clock as the wait. */
    void note(String text) {
        line(elapsed(), text);
    }

    /** How the command ended when that is not a success: shown even with --quiet, which hides only progress. */
    void outcome(String text) {
        print(elapsed(), text);
    }

    private Duration elapsed() {
        return Duration.between(start, clock.instant());
    }

    private void line(Duration elapsed, String text) {
        if (!quiet) {
            print(elapsed, text);
        }
    }

    private void print(Duration elapsed, String text) {
        err.println("[" + pad(DurationInput.format(truncateToSeconds(elapsed))) + "] " + text);
        err.flush();
    }

    private static Duration truncateToSeconds(Duration d) {
        return d.isNegative() ? Duration.ZERO : Duration.ofSeconds(d.getSeconds());
    }

    private static String pad(String s) {
        return s.length() >= 6 ? s : " ".repeat(6 - s.length()) + s;
    }

    private static String requestId(String requestId) {
        return requestId == null ? "" : " (RequestId " + requestId + ")";
    }
}
