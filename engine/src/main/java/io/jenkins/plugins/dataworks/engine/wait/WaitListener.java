package io.jenkins.plugins.dataworks.engine.wait;

import io.jenkins.plugins.dataworks.engine.client.MigrationSummary;
import io.jenkins.plugins.dataworks.engine.error.DataWorksException;
import java.time.Duration;

/**
 * What a wait tells the outside world. Every method has a no-op default; implementations must
 * return quickly and never block: they run under the wait's lock, mostly on a poll thread (the
 * first onSnapshot on the thread that starts the wait, onFinished of a cancel on the cancelling
 * thread), so a slow listener delays {@link WaitHandle#cancel()} of that wait. An exception thrown here is logged
 * and ignored, so it cannot stop the wait. Texts given here are already free of secrets.
 *
 * <p>Calls for one wait never overlap and come in this order per poll: onStatusChange,
 * onHeartbeat, onHint, onSnapshot, onRetry, then either the next poll or onFinished, which is
 * always the last call, exactly once. Heartbeats and hints are noticed at polls, so they come up
 * to one poll interval after they fall due; no extra timer or API call is spent on them.
 */
public interface WaitListener {

    /**
     * The status changed (including the first status seen; not a status already known from the
     * snapshot a wait resumed from). {@code elapsed} counts from the start of the wait.
     */
    default void onStatusChange(String previousStatus, MigrationSummary summary, Duration elapsed) {}

    /** Nothing changed for a while; the wait goes on. */
    default void onHeartbeat(MigrationSummary lastSummary, Duration elapsed, int apiCalls) {}

    /** Advice for people, e.g. a migration stuck in INIT was probably never started. */
    default void onHint(String hint) {}

    /** A transient error; the next poll is in {@code retryIn}. */
    default void onRetry(DataWorksException error, int consecutiveErrors, Duration retryIn) {}

    /**
     * The progress changed and should be persisted if the caller survives restarts: once when the
     * wait starts and once after every poll, always before the next poll is scheduled.
     */
    default void onSnapshot(WaitSnapshot snapshot) {}

    /** The wait ended; called exactly once. */
    default void onFinished(WaitOutcome outcome) {}

    WaitListener NONE = new WaitListener() {};
}
