package io.jenkins.plugins.dataworks.gate;

import hudson.model.TaskListener;
import io.jenkins.plugins.dataworks.DataWorksMigrationAction;
import io.jenkins.plugins.dataworks.Messages;
import io.jenkins.plugins.dataworks.engine.client.MigrationSummary;
import io.jenkins.plugins.dataworks.engine.error.DataWorksException;
import io.jenkins.plugins.dataworks.engine.input.DurationInput;
import io.jenkins.plugins.dataworks.engine.text.Vocabulary;
import io.jenkins.plugins.dataworks.engine.wait.WaitListener;
import io.jenkins.plugins.dataworks.engine.wait.WaitSnapshot;
import java.time.Clock;
import java.time.Duration;
import java.util.function.Consumer;

/**
 * Turns what the engine's wait reports into build log lines and build page updates, and passes
 * snapshots on for persistence. The engine calls one wait's listener methods one at a time and its
 * texts are already free of secrets; what is printed here adds only ids, statuses and durations.
 * {@code quiet} keeps only the final line, which the caller prints.
 */
final class GateLog implements WaitListener {

    private final TaskListener listener;
    private final DataWorksMigrationAction action;
    private final boolean quiet;
    private final Clock clock;
    private final Consumer<WaitSnapshot> persist;
    private final Vocabulary vocabulary;

    GateLog(
            TaskListener listener,
            DataWorksMigrationAction action,
            boolean quiet,
            Clock clock,
            Consumer<WaitSnapshot> persist,
            Vocabulary vocabulary) {
        this.vocabulary = vocabulary;
        this.listener = listener;
        this.action = action;
        this.quiet = quiet;
        this.clock = clock;
        this.persist = persist;
    }

    @Override
    public void onStatusChange(String previousStatus, MigrationSummary summary, Duration elapsed) {
        action.statusChanged(
                summary.rawStatus(), summary.name(), clock.millis(), elapsed.toMillis(), summary.requestId());
        print(Messages.Log_statusChange(
                summary.migrationId(), summary.projectId(), summary.rawStatus(), span(elapsed), summary.requestId()));
    }

    @Override
    public void onHeartbeat(MigrationSummary lastSummary, Duration elapsed, int apiCalls) {
        print(Messages.Log_heartbeat(lastSummary == null ? "?" : lastSummary.rawStatus(), span(elapsed), apiCalls));
    }

    @Override
    public void onHint(String hint) {
        print(Messages.Log_hint(hint));
    }

    @Override
    public void onRetry(DataWorksException error, int consecutiveErrors, Duration retryIn) {
        print(Messages.Log_retry(vocabulary.message(error), consecutiveErrors, span(retryIn)));
    }

    @Override
    public void onSnapshot(WaitSnapshot snapshot) {
        persist.accept(snapshot);
    }

    void info(String line) {
        print(line);
    }

    private void print(String line) {
        if (!quiet) {
            listener.getLogger().println(line);
        }
    }

    /** The engine's format, which its own lines (the verdict) use too: one format in one log. */
    static String span(Duration d) {
        return DurationInput.human(d);
    }
}
