package io.jenkins.plugins.dataworks.engine.wait;

import io.jenkins.plugins.dataworks.engine.client.DataWorksClient;
import io.jenkins.plugins.dataworks.engine.client.MigrationRef;
import java.time.Clock;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.random.RandomGenerator;

/**
 * Waits for migrations to reach a terminal status. A wait is a state machine: each poll runs on
 * {@code pollExecutor} (small, bounded, shared by all waits); between polls no thread is held,
 * the next poll is merely scheduled on {@code scheduler}. So 1,000 waits need no more threads
 * than one.
 */
public final class MigrationWaiter {

    private final DataWorksClient client;
    private final Scheduler scheduler;
    private final Executor pollExecutor;
    private final Clock clock;
    private final RandomGenerator random;

    public MigrationWaiter(DataWorksClient client, Scheduler scheduler, Executor pollExecutor, Clock clock,
            RandomGenerator random) {
        this.client = Objects.requireNonNull(client, "client");
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
        this.pollExecutor = Objects.requireNonNull(pollExecutor, "pollExecutor");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.random = Objects.requireNonNull(random, "random");
    }

    /** Starts a new wait; the first poll is scheduled at once. */
    public WaitHandle start(MigrationRef ref, WaitPolicy policy, WaitListener listener) {
        throw new UnsupportedOperationException("not implemented yet");
    }

    /** Resumes a wait from its snapshot: same deadline, next poll at the persisted time (or now if past). */
    public WaitHandle resume(WaitSnapshot snapshot, WaitListener listener) {
        throw new UnsupportedOperationException("not implemented yet");
    }
}
