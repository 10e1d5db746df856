package io.jenkins.plugins.dataworks.engine.wait;

import io.jenkins.plugins.dataworks.engine.client.DataWorksClient;
import io.jenkins.plugins.dataworks.engine.client.MigrationRef;
import io.jenkins.plugins.dataworks.engine.error.InvalidInputException;
import java.time.Clock;
import java.util.Objects;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.random.RandomGenerator;

/**
 * A {@link MigrationWaiter} with threads of its own, for the command line and benchmarks: one
 * scheduler thread plus a bounded pool of poll threads (4 by default), all daemons, whatever the
 * number of waits. Jenkins does not use it; it passes its own Timer and pool to MigrationWaiter.
 *
 * <p>{@link #close()} cancels the waits still running (their outcome becomes CANCELLED) and stops
 * the threads. The client stays open: whoever created it closes it.
 */
public final class WaitEngine implements AutoCloseable {

    public static final int DEFAULT_POLL_THREADS = 4;
    /** Poll threads above this would only hit the service's QPS limit sooner. */
    static final int MAX_POLL_THREADS = 64;

    private final ScheduledExecutorScheduler scheduler;
    private final ThreadPoolExecutor pollPool;
    private final MigrationWaiter waiter;
    private final Set<WaitHandle> running = ConcurrentHashMap.newKeySet();

    private WaitEngine(DataWorksClient client, int pollThreads, Clock clock, RandomGenerator random) {
        Objects.requireNonNull(client, "client");
        if (pollThreads < 1 || pollThreads > MAX_POLL_THREADS) {
            throw new InvalidInputException("pollThreads", "must be between 1 and " + MAX_POLL_THREADS + ", got " + pollThreads);
        }
        this.scheduler = ScheduledExecutorScheduler.singleDaemonThread("dataworks-wait-scheduler");
        this.pollPool = new ThreadPoolExecutor(pollThreads, pollThreads, 30, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), new DaemonThreadFactory("dataworks-wait-poll"));
        // Idle engines (a CLI waiting for a 2-minute interval) need no poll threads at all.
        pollPool.allowCoreThreadTimeOut(true);
        this.waiter = new MigrationWaiter(client, scheduler, pollPool, clock, random);
    }

    /** An engine with {@value #DEFAULT_POLL_THREADS} poll threads, the system clock and a fresh random. */
    public static WaitEngine create(DataWorksClient client) {
        return create(client, DEFAULT_POLL_THREADS, Clock.systemUTC(), new Random());
    }

    public static WaitEngine create(DataWorksClient client, int pollThreads, Clock clock, RandomGenerator random) {
        return new WaitEngine(client, pollThreads, Objects.requireNonNull(clock, "clock"),
                Objects.requireNonNull(random, "random"));
    }

    /** The waiter on this engine's threads; its waits are not cancelled by {@link #close()}. */
    public MigrationWaiter waiter() {
        return waiter;
    }

    /** Starts a wait that {@link #close()} cancels if it is still running. */
    public WaitHandle start(MigrationRef ref, WaitPolicy policy, WaitListener listener) {
        return track(waiter.start(ref, policy, listener));
    }

    /** Resumes a wait that {@link #close()} cancels if it is still running. */
    public WaitHandle resume(WaitSnapshot snapshot, WaitListener listener) {
        return track(waiter.resume(snapshot, listener));
    }

    /** Waits that have not finished yet. */
    public int runningWaits() {
        return running.size();
    }

    @Override
    public void close() {
        for (WaitHandle handle : running) {
            handle.cancel();
        }
        scheduler.close();
        pollPool.shutdownNow();
    }

    private WaitHandle track(WaitHandle handle) {
        running.add(handle);
        handle.outcome().whenComplete((o, e) -> running.remove(handle));
        return handle;
    }
}
