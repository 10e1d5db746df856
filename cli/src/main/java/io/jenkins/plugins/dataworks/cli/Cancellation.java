package io.jenkins.plugins.dataworks.cli;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The user's request to stop (Ctrl-C), decoupled from signals so tests can trigger it. The
 * running command registers what "stop" means at each stage: cancel the wait, or interrupt the
 * download and remove its partial file.
 */
public final class Cancellation {

    private final AtomicBoolean cancelled = new AtomicBoolean();
    private final AtomicReference<Runnable> action = new AtomicReference<>(() -> {});

    /** Stops whatever runs now; idempotent. */
    public void cancel() {
        if (cancelled.compareAndSet(false, true)) {
            action.get().run();
        }
    }

    public boolean isCancelled() {
        return cancelled.get();
    }

    /** Sets what a cancel does from now on; runs it at once if the cancel already happened. */
    void onCancel(Runnable stop) {
        action.set(stop);
        if (cancelled.get()) {
            stop.run();
        }
    }

    /** The current stage is over: a later cancel has nothing to stop. */
    void clear() {
        action.set(() -> {});
    }

    void throwIfCancelled() {
        if (isCancelled()) {
            throw new CancelledException("cancelled");
        }
    }
}
