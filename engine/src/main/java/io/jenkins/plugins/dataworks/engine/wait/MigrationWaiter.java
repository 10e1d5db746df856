package io.jenkins.plugins.dataworks.engine.wait;

import io.jenkins.plugins.dataworks.engine.client.DataWorksClient;
import io.jenkins.plugins.dataworks.engine.client.MigrationRef;
import java.time.Clock;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.function.DoubleSupplier;
import java.util.random.RandomGenerator;

/**
 * Waits for migrations to reach a terminal status. A wait is a state machine: each poll runs on
 * {@code pollExecutor} (small, bounded, shared by all waits); between polls no thread is held,
 * the next poll is merely scheduled on {@code scheduler}. So 1,000 waits need no more threads
 * than one. The scheduler's thread only hands polls over to {@code pollExecutor}, so it may be a
 * shared timer that must never block (jenkins.util.Timer).
 *
 * <p>Listener methods of one wait are called one at a time, never concurrently, and
 * {@link WaitListener#onFinished} is the last of them, exactly once.
 *
 * <p>An optional {@link CallPacer} (the rate limiter of the AccessKey the client signs with) spaces
 * the calls: a poll whose slot is later is moved to it on the scheduler rather than waiting on a
 * poll thread, so pacing holds no thread either, and waits of other keys are never queued behind
 * a throttled one. See {@link WaitRun} for how pacing meets the deadline and cancel.
 *
 * <p>The waiter itself keeps no state between waits; {@code random} may be any generator, thread
 * safe or not, because the waiter serialises access to it. For a standalone waiter with its own
 * threads see {@link WaitEngine}.
 */
public final class MigrationWaiter {

    private final DataWorksClient client;
    private final Scheduler scheduler;
    private final Executor pollExecutor;
    private final Clock clock;
    private final DoubleSupplier random;
    private final CallPacer pacer;

    /** A waiter whose calls are not paced: each happens when its poll is due. */
    public MigrationWaiter(DataWorksClient client, Scheduler scheduler, Executor pollExecutor, Clock clock,
            RandomGenerator random) {
        this(client, scheduler, pollExecutor, clock, random, CallPacer.NONE);
    }

    /**
     * A waiter whose every call first takes a slot from {@code pacer}; share one pacer between the
     * waiters (or waits) whose calls count against the same limit, e.g. one per AccessKey.
     */
    public MigrationWaiter(DataWorksClient client, Scheduler scheduler, Executor pollExecutor, Clock clock,
            RandomGenerator random, CallPacer pacer) {
        this.pacer = Objects.requireNonNull(pacer, "pacer");
        this.client = Objects.requireNonNull(client, "client");
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
        this.pollExecutor = Objects.requireNonNull(pollExecutor, "pollExecutor");
        this.clock = Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(random, "random");
        Object randomLock = new Object();
        this.random = () -> {
            synchronized (randomLock) {
                return random.nextDouble();
            }
        };
    }

    /**
     * Starts a new wait: the deadline is now plus {@code policy.timeout()}, the first poll is
     * scheduled at once, after the initial snapshot went to {@link WaitListener#onSnapshot}.
     */
    public WaitHandle start(MigrationRef ref, WaitPolicy policy, WaitListener listener) {
        Objects.requireNonNull(ref, "ref");
        Objects.requireNonNull(policy, "policy");
        WaitRun run = new WaitRun(client, scheduler, pollExecutor, clock, random, pacer, listener,
                WaitSnapshot.initial(ref, policy, clock.instant()));
        run.begin(true);
        return run;
    }

    /**
     * Resumes a wait from its snapshot, e.g. after a controller restart: same policy, deadline,
     * call count and error count; the next poll happens at the persisted time, or at once if that
     * is past. If even the deadline is past, the wait still polls once and only then times out:
     * the migration may well have finished while nobody watched, and one call to learn that is
     * cheaper than a false timeout. A spent call budget ends the wait without a call.
     */
    public WaitHandle resume(WaitSnapshot snapshot, WaitListener listener) {
        Objects.requireNonNull(snapshot, "snapshot");
        WaitRun run = new WaitRun(client, scheduler, pollExecutor, clock, random, pacer, listener, snapshot);
        run.begin(false);
        return run;
    }
}
