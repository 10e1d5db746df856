package io.jenkins.plugins.dataworks.engine.wait;

import java.io.Serializable;
import java.time.Duration;

/**
 * How long and how often to poll. The defaults (first poll at once, then 15 s growing by 1.5 up to
 * 2.5 min, +-10 % jitter, 2 h deadline) keep a one-hour migration to about 30 calls (at most 32
 * whatever the jitter draws), since the Basic edition allows 100 calls a day per account and
 * region, while the end of any migration is noticed within the poll interval in force when it
 * ends (up to 2.5 min once the interval has grown; a 5-minute migration costs about 7 calls).
 * PollCostSimulationTest holds the numbers; docs/performance.md measures the delay over many end
 * times.
 *
 * <p>The interval is not reset when the status changes: the statuses form a short chain
 * (INIT, EXPORTING, EXPORT_SUCCESS) and a change says nothing about when the next comes, while a
 * reset would pay the whole ramp-up (about 5 calls) again after every change.
 *
 * @param timeout mandatory absolute deadline, measured from the start of the wait
 * @param initialInterval first delay between polls
 * @param maxInterval cap of the exponential backoff of the poll interval
 * @param multiplier growth of the poll interval after each poll that did not end the wait
 * @param jitter width (0..1), relative to the interval, of the band centred on it from which each
 *     poll delay is drawn, so parallel waits spread out; 0.2 means +-10 %
 * @param maxConsecutiveErrors transient errors in a row that end the wait; they are retried after
 *     a full-jitter exponential backoff from initialInterval, capped at maxInterval
 * @param maxApiCalls optional budget of API calls (the GetMigrationSummary polls and the one
 *     GetMigrationProcess of a failed wait); 0 means no budget
 * @param partialSuccess what PARTIAL_SUCCESS means
 * @param keepWaitingOnUnknownStatus whether an undocumented status keeps the wait going
 * @param idleHintAfter how long INIT/EDITING may last before the listener hears a hint; 0 disables it
 * @param heartbeatEvery how often the listener hears that the wait goes on without change
 */
public record WaitPolicy(
        Duration timeout,
        Duration initialInterval,
        Duration maxInterval,
        double multiplier,
        double jitter,
        int maxConsecutiveErrors,
        int maxApiCalls,
        PartialSuccessPolicy partialSuccess,
        boolean keepWaitingOnUnknownStatus,
        Duration idleHintAfter,
        Duration heartbeatEvery) implements Serializable {

    private static final long serialVersionUID = 1L;

    /** Validates every field; throws InvalidInputException naming the field and the fix. */
    public WaitPolicy {
        WaitPolicyValidation.validate(timeout, initialInterval, maxInterval, multiplier, jitter,
                maxConsecutiveErrors, maxApiCalls, partialSuccess, idleHintAfter, heartbeatEvery);
    }

    public static WaitPolicy defaults() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return new Builder(this);
    }

    /** Mutable builder, so callers set only what they change. */
    public static final class Builder {
        private Duration timeout = Duration.ofHours(2);
        private Duration initialInterval = Duration.ofSeconds(15);
        private Duration maxInterval = Duration.ofSeconds(150);
        private double multiplier = 1.5;
        private double jitter = 0.2;
        private int maxConsecutiveErrors = 8;
        private int maxApiCalls = 0;
        private PartialSuccessPolicy partialSuccess = PartialSuccessPolicy.FAIL;
        private boolean keepWaitingOnUnknownStatus = false;
        private Duration idleHintAfter = Duration.ofMinutes(10);
        private Duration heartbeatEvery = Duration.ofMinutes(5);

        private Builder() {}

        private Builder(WaitPolicy p) {
            timeout = p.timeout;
            initialInterval = p.initialInterval;
            maxInterval = p.maxInterval;
            multiplier = p.multiplier;
            jitter = p.jitter;
            maxConsecutiveErrors = p.maxConsecutiveErrors;
            maxApiCalls = p.maxApiCalls;
            partialSuccess = p.partialSuccess;
            keepWaitingOnUnknownStatus = p.keepWaitingOnUnknownStatus;
            idleHintAfter = p.idleHintAfter;
            heartbeatEvery = p.heartbeatEvery;
        }

        public Builder timeout(Duration v) { timeout = v; return this; }
        public Builder initialInterval(Duration v) { initialInterval = v; return this; }
        public Builder maxInterval(Duration v) { maxInterval = v; return this; }
        public Builder multiplier(double v) { multiplier = v; return this; }
        public Builder jitter(double v) { jitter = v; return this; }
        public Builder maxConsecutiveErrors(int v) { maxConsecutiveErrors = v; return this; }
        public Builder maxApiCalls(int v) { maxApiCalls = v; return this; }
        public Builder partialSuccess(PartialSuccessPolicy v) { partialSuccess = v; return this; }
        public Builder keepWaitingOnUnknownStatus(boolean v) { keepWaitingOnUnknownStatus = v; return this; }
        public Builder idleHintAfter(Duration v) { idleHintAfter = v; return this; }
        public Builder heartbeatEvery(Duration v) { heartbeatEvery = v; return this; }

        public WaitPolicy build() {
            return new WaitPolicy(timeout, initialInterval, maxInterval, multiplier, jitter, maxConsecutiveErrors,
                    maxApiCalls, partialSuccess, keepWaitingOnUnknownStatus, idleHintAfter, heartbeatEvery);
        }
    }
}
