package io.jenkins.plugins.dataworks.engine.wait;

import io.jenkins.plugins.dataworks.engine.text.Setting;
import io.jenkins.plugins.dataworks.engine.text.UserText;
import io.jenkins.plugins.dataworks.engine.error.InvalidInputException;
import io.jenkins.plugins.dataworks.engine.input.DurationInput;
import java.time.Duration;

/** The one place that says which wait settings are acceptable, and how to fix the others. */
final class WaitPolicyValidation {

    static final Duration MIN_INTERVAL = Duration.ofMillis(100);
    static final Duration MAX_INTERVAL = Duration.ofHours(1);

    private WaitPolicyValidation() {}

    static void validate(Duration timeout, Duration initialInterval, Duration maxInterval, double multiplier,
            double jitter, int maxConsecutiveErrors, int maxApiCalls, PartialSuccessPolicy partialSuccess,
            Duration idleHintAfter, Duration heartbeatEvery) {
        if (timeout == null || timeout.isNegative() || timeout.isZero()) {
            throw new InvalidInputException("timeout", "must be greater than zero, e.g. 2h");
        }
        requireInterval("initialInterval", initialInterval);
        requireInterval("maxInterval", maxInterval);
        if (maxInterval.compareTo(initialInterval) < 0) {
            throw new InvalidInputException("maxInterval", UserText.of("must be at least ", Setting.POLL_INTERVAL, " ("
                    + DurationInput.format(initialInterval) + "), got " + DurationInput.format(maxInterval)));
        }
        if (!(multiplier >= 1.0 && multiplier <= 10.0)) {
            throw new InvalidInputException("multiplier", "must be between 1.0 and 10.0, got " + multiplier);
        }
        if (!(jitter >= 0.0 && jitter <= 1.0)) {
            throw new InvalidInputException("jitter", "must be between 0.0 and 1.0, got " + jitter);
        }
        if (maxConsecutiveErrors < 1) {
            throw new InvalidInputException("maxConsecutiveErrors", "must be at least 1, got " + maxConsecutiveErrors);
        }
        if (maxApiCalls < 0) {
            throw new InvalidInputException("maxApiCalls", "must be 0 (no budget) or positive, got " + maxApiCalls);
        }
        if (partialSuccess == null) {
            Setting p = Setting.PARTIAL_SUCCESS;
            throw new InvalidInputException("partialSuccess", UserText.of("is missing: use ", UserText.value(p, "FAIL"),
                    ", ", UserText.value(p, "UNSTABLE"), " or ", UserText.value(p, "SUCCEED")));
        }
        if (idleHintAfter == null || idleHintAfter.isNegative()) {
            throw new InvalidInputException("idleHintAfter", "must be zero or positive");
        }
        if (heartbeatEvery == null || heartbeatEvery.isNegative() || heartbeatEvery.isZero()) {
            throw new InvalidInputException("heartbeatEvery", "must be greater than zero");
        }
    }

    private static void requireInterval(String field, Duration d) {
        if (d == null || d.compareTo(MIN_INTERVAL) < 0 || d.compareTo(MAX_INTERVAL) > 0) {
            throw new InvalidInputException(field, "must be between 100ms and 1h, got "
                    + (d == null ? "nothing" : DurationInput.format(d)));
        }
    }
}
