package io.jenkins.plugins.dataworks.engine.migrate;

import io.jenkins.plugins.dataworks.engine.input.DurationInput;
import java.time.Duration;

/**
 * One call that {@link MigrationLauncher} is about to make again, for the person watching the log:
 * a paused run is explained, and a write that goes out a second time is never silent.
 *
 * @param call what is repeated, e.g. "CreateImportMigration of 'x' in workspace 10002"
 * @param reason why, e.g. "throttled (Throttling.User)"
 * @param delay the pause before the next attempt; zero when it follows at once
 * @param attempt the number of the attempt about to be made, from 2
 * @param attempts the most attempts of this kind
 */
public record RetryNotice(String call, String reason, Duration delay, int attempt, int attempts) {

    /** E.g. "CreateImportMigration of 'x' in workspace 10002 throttled (Throttling.User); retrying in 2s, attempt 2 of 4". */
    public String line() {
        String when = delay.isZero() ? "retrying at once" : "retrying in " + DurationInput.format(delay);
        return call + " " + reason + "; " + when + ", attempt " + attempt + " of " + attempts;
    }

    /** Where the launcher reports its retries; the front end prints each line. */
    @FunctionalInterface
    public interface Listener {

        Listener NONE = notice -> {};

        void retrying(RetryNotice notice);
    }
}
