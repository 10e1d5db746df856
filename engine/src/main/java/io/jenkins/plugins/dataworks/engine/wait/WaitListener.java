package io.jenkins.plugins.dataworks.engine.wait;

import io.jenkins.plugins.dataworks.engine.client.MigrationSummary;
import io.jenkins.plugins.dataworks.engine.error.DataWorksException;
import java.time.Duration;

/**
 * What a wait tells the outside world. Every method has a no-op default; implementations must
 * return quickly and never throw. Texts given here are already free of secrets.
 */
public interface WaitListener {

    /** The status changed (including the first status seen). */
    default void onStatusChange(String previousStatus, MigrationSummary summary, Duration elapsed) {}

    /** Nothing changed for a while; the wait goes on. */
    default void onHeartbeat(MigrationSummary lastSummary, Duration elapsed, int apiCalls) {}

    /** Advice for people, e.g. a migration stuck in INIT was probably never started. */
    default void onHint(String hint) {}

    /** A transient error; the next poll is in {@code retryIn}. */
    default void onRetry(DataWorksException error, int consecutiveErrors, Duration retryIn) {}

    /** The progress changed and should be persisted if the caller survives restarts. */
    default void onSnapshot(WaitSnapshot snapshot) {}

    /** The wait ended; called exactly once. */
    default void onFinished(WaitOutcome outcome) {}

    WaitListener NONE = new WaitListener() {};
}
