package io.jenkins.plugins.dataworks.engine.wait;

import io.jenkins.plugins.dataworks.engine.client.MigrationSummary;
import io.jenkins.plugins.dataworks.engine.error.DataWorksException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Records every callback, in order, as readable lines plus the raw values tests need. */
final class RecordingListener implements WaitListener {

    record StatusChange(String previous, String current, Duration elapsed) {}

    record Retry(Class<?> error, int consecutiveErrors, Duration retryIn) {}

    final List<String> events = new ArrayList<>();
    final List<StatusChange> changes = new ArrayList<>();
    final List<Duration> heartbeats = new ArrayList<>();
    final List<String> hints = new ArrayList<>();
    final List<Retry> retries = new ArrayList<>();
    final List<WaitSnapshot> snapshots = new ArrayList<>();
    final List<WaitOutcome> finished = new ArrayList<>();

    @Override
    public synchronized void onStatusChange(String previousStatus, MigrationSummary summary, Duration elapsed) {
        changes.add(new StatusChange(previousStatus, summary.rawStatus(), elapsed));
        events.add("status " + summary.rawStatus());
    }

    @Override
    public synchronized void onHeartbeat(MigrationSummary lastSummary, Duration elapsed, int apiCalls) {
        heartbeats.add(elapsed);
        events.add("heartbeat " + lastSummary.rawStatus());
    }

    @Override
    public synchronized void onHint(String hint) {
        hints.add(hint);
        events.add("hint");
    }

    @Override
    public synchronized void onRetry(DataWorksException error, int consecutiveErrors, Duration retryIn) {
        retries.add(new Retry(error.getClass(), consecutiveErrors, retryIn));
        events.add("retry " + consecutiveErrors);
    }

    @Override
    public synchronized void onSnapshot(WaitSnapshot snapshot) {
        snapshots.add(snapshot);
        events.add("snapshot " + snapshot.apiCalls());
    }

    @Override
    public synchronized void onFinished(WaitOutcome outcome) {
        finished.add(outcome);
        events.add("finished " + outcome.result());
    }

    synchronized WaitSnapshot lastSnapshot() {
        return snapshots.get(snapshots.size() - 1);
    }
}
