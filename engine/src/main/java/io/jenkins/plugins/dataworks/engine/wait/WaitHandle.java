package io.jenkins.plugins.dataworks.engine.wait;

import java.util.concurrent.CompletableFuture;

/** A running wait. */
public interface WaitHandle {

    /** Completes exactly once, with the outcome; never completes exceptionally. */
    CompletableFuture<WaitOutcome> outcome();

    /** The current progress, for persistence or display. */
    WaitSnapshot snapshot();

    /** Stops the wait promptly: no API call starts after this returns. Idempotent. */
    void cancel();
}
