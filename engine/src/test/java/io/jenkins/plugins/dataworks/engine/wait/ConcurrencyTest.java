package io.jenkins.plugins.dataworks.engine.wait;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.dataworks.engine.client.DataWorksClient;
import io.jenkins.plugins.dataworks.engine.client.MigrationRef;
import io.jenkins.plugins.dataworks.engine.client.MigrationSummary;
import io.jenkins.plugins.dataworks.engine.ratelimit.RateLimiter;
import io.jenkins.plugins.dataworks.engine.wait.WaitOutcome.Result;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Real threads: cancel racing a poll, and many waits on few threads. Threads are coordinated with
 * latches; nothing sleeps to wait for something to happen.
 */
@Timeout(60)
class ConcurrencyTest {

    private static final MigrationRef REF = new MigrationRef(42, 7);

    @Test
    void cancelReturnsAtOnceWhileACallIsInFlightAndItsAnswerIsIgnored() throws Exception {
        TestClock clock = new TestClock();
        ManualScheduler scheduler = new ManualScheduler(clock);
        ScriptedClient client = ScriptedClient.statuses(clock, "EXPORT_SUCCESS");
        CountDownLatch callStarted = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        client.duringCall(() -> {
            callStarted.countDown();
            await(release);
        });
        ExecutorService pollThread = Executors.newSingleThreadExecutor();
        RecordingListener listener = new RecordingListener();
        WaitHandle handle = new MigrationWaiter(client, scheduler, pollThread, clock, FixedRandom.MIDDLE)
                .start(REF, WaitPolicy.defaults(), listener);

        scheduler.runDue(); // hands the first poll to the poll thread, which blocks inside the call
        assertThat(callStarted.await(30, TimeUnit.SECONDS)).isTrue();
        handle.cancel(); // must not wait for the call

        assertThat(handle.outcome()).isCompleted();
        assertThat(handle.outcome().join().result()).isEqualTo(Result.CANCELLED);
        release.countDown();
        pollThread.shutdown();
        assertThat(pollThread.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
        scheduler.advance(Duration.ofHours(3));

        assertThat(client.callCount()).isEqualTo(1);
        assertThat(listener.finished).hasSize(1);
        assertThat(listener.changes).as("the EXPORT_SUCCESS that arrived after cancel is ignored").isEmpty();
        assertThat(handle.outcome().join().summary()).isNull();
    }

    @Test
    void cancelRacingPollsFromAnotherThreadEndsExactlyOnceAndStopsCalls() throws Exception {
        ExecutorService pollThreads = Executors.newFixedThreadPool(2);
        ExecutorService canceller = Executors.newSingleThreadExecutor();
        Random random = new Random(3);
        int totalCalls = 0;
        try {
            for (int round = 0; round < 300; round++) {
                TestClock clock = new TestClock();
                ManualScheduler scheduler = new ManualScheduler(clock);
                ScriptedClient client = ScriptedClient.statuses(clock, "EXPORTING");
                RecordingListener listener = new RecordingListener();
                WaitPolicy policy = WaitPolicy.builder().initialInterval(Duration.ofSeconds(1))
                        .maxInterval(Duration.ofSeconds(1)).timeout(Duration.ofDays(365)).build();
                WaitHandle handle = new MigrationWaiter(client, scheduler, pollThreads, clock, FixedRandom.MIDDLE)
                        .start(REF, policy, listener);
                int cancelAfterSpins = random.nextInt(2_000);
                CompletableFuture<Integer> callsWhenCancelled = CompletableFuture.supplyAsync(() -> {
                    for (int i = 0; i < cancelAfterSpins; i++) {
                        Thread.onSpinWait();
                    }
                    handle.cancel();
                    return client.callCount();
                }, canceller);
                // Keep the clock moving so polls keep falling due while the canceller runs.
                while (!callsWhenCancelled.isDone()) {
                    scheduler.advance(Duration.ofSeconds(1));
                    Thread.onSpinWait();
                }
                int atCancel = callsWhenCancelled.get();
                for (int i = 0; i < 5; i++) {
                    scheduler.advance(Duration.ofSeconds(1));
                }
                drain(pollThreads);

                assertThat(handle.outcome().join().result()).isEqualTo(Result.CANCELLED);
                assertThat(listener.finished).hasSize(1);
                assertThat(listener.events).last().isEqualTo("finished CANCELLED");
                // A poll that passed its check just before cancel may still reach the client; no other may.
                assertThat(client.callCount()).isBetween(atCancel, atCancel + 1);
                assertThat(scheduler.pending()).isZero();
                totalCalls += client.callCount();
            }
            assertThat(totalCalls).as("polls really raced the cancels").isPositive();
        } finally {
            pollThreads.shutdownNow();
            canceller.shutdownNow();
        }
    }

    @Test
    void thousandWaitsShareFourPollThreads() throws Exception {
        int waits = 1_000;
        ConcurrencyProbe client = new ConcurrencyProbe();
        WaitPolicy policy = WaitPolicy.builder().initialInterval(Duration.ofMillis(100))
                .maxInterval(Duration.ofMillis(100)).timeout(Duration.ofMinutes(5)).build();
        List<CompletableFuture<WaitOutcome>> outcomes = new ArrayList<>();
        int threadsBefore = waitThreads();
        try (WaitEngine engine = WaitEngine.create(client)) {
            for (int i = 1; i <= waits; i++) {
                outcomes.add(engine.start(new MigrationRef(42, i), policy, WaitListener.NONE).outcome());
            }
            int threadsWhileWaiting = waitThreads();
            CompletableFuture.allOf(outcomes.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);

            assertThat(threadsWhileWaiting - threadsBefore).isLessThanOrEqualTo(1 + WaitEngine.DEFAULT_POLL_THREADS);
            assertThat(waitThreads() - threadsBefore).isLessThanOrEqualTo(1 + WaitEngine.DEFAULT_POLL_THREADS);
            assertThat(client.peakConcurrentCalls.get()).isBetween(1, WaitEngine.DEFAULT_POLL_THREADS);
            assertThat(outcomes).allSatisfy(o -> assertThat(o.join().result()).isEqualTo(Result.SUCCESS));
            assertThat(client.callsPerMigration.values()).allSatisfy(n -> assertThat(n.get()).isEqualTo(2));
            assertThat(client.callsPerMigration).hasSize(waits);
            assertThat(engine.runningWaits()).isZero();
        }
    }

    @Test
    void pacedPollsLeaveTheFourPollThreadsFreeForWaitsOfAnotherKey() throws Exception {
        TestClock clock = new TestClock();
        Instant t0 = clock.instant();
        ManualScheduler scheduler = new ManualScheduler(clock);
        ConcurrencyProbe client = new ConcurrencyProbe();
        ExecutorService pollThreads = Executors.newFixedThreadPool(4);
        RateLimiter keyA = new RateLimiter(5, clock);
        List<WaitHandle> handles = new ArrayList<>();
        try {
            MigrationWaiter waitsOfA = new MigrationWaiter(client, scheduler, pollThreads, clock, FixedRandom.MIDDLE, keyA);
            for (int i = 1; i <= 200; i++) {
                handles.add(waitsOfA.start(new MigrationRef(1, i), WaitPolicy.defaults(), WaitListener.NONE));
            }
            WaitHandle b = new MigrationWaiter(client, scheduler, pollThreads, clock, FixedRandom.MIDDLE,
                    new RateLimiter(5, clock)).start(new MigrationRef(2, 1000), WaitPolicy.defaults(), WaitListener.NONE);
            handles.add(b);

            scheduler.runDue(); // hands all 201 first polls to the 4 threads at t0
            drain(pollThreads, 4); // all 4 threads free at once: no poll is waiting for its slot on one

            assertThat(client.callsPerMigration).as("the first wait of key A and the wait of key B").hasSize(2);
            assertThat(b.snapshot().apiCalls()).as("key B called at t0, behind 200 polls of key A").isEqualTo(1);
            assertThat(b.snapshot().nextPollAt()).isEqualTo(t0.plusSeconds(15));
            // 199 paced polls of key A, at 200 ms slots, wait on the scheduler; plus the two next polls.
            assertThat(scheduler.pending()).isEqualTo(199 + 2);
            // Whichever poll of key A reserved first called at t0 and polls next at 15 s; the others, one slot each.
            List<Instant> expected = new ArrayList<>(List.of(t0.plusSeconds(15)));
            for (int i = 1; i < 200; i++) {
                expected.add(t0.plusMillis(200L * i));
            }
            assertThat(handles.subList(0, 200)).extracting(h -> h.snapshot().nextPollAt())
                    .containsExactlyInAnyOrderElementsOf(expected);
        } finally {
            handles.forEach(WaitHandle::cancel);
            pollThreads.shutdown();
            assertThat(pollThreads.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
        }
    }

    @Test
    void closingTheEngineCancelsRunningWaits() throws Exception {
        ScriptedClient client = ScriptedClient.statuses(Clock.systemUTC(), "EXPORTING");
        WaitHandle handle;
        try (WaitEngine engine = WaitEngine.create(client)) {
            handle = engine.start(REF, WaitPolicy.builder().initialInterval(Duration.ofHours(1))
                    .maxInterval(Duration.ofHours(1)).build(), WaitListener.NONE);
            assertThat(engine.runningWaits()).isEqualTo(1);
        }
        WaitOutcome outcome = handle.outcome().get(30, TimeUnit.SECONDS);
        assertThat(outcome.result()).isEqualTo(Result.CANCELLED);
        assertThat(client.callCount()).isBetween(0, 1);
    }

    @Test
    void scheduledExecutorSchedulerRunsOnADaemonThreadAndCancels() throws Exception {
        try (ScheduledExecutorScheduler scheduler = ScheduledExecutorScheduler.singleDaemonThread("test-scheduler")) {
            CompletableFuture<Thread> ranOn = new CompletableFuture<>();
            AtomicInteger cancelledRuns = new AtomicInteger();
            scheduler.schedule(() -> cancelledRuns.incrementAndGet(), Duration.ofMillis(200)).cancel();
            scheduler.schedule(() -> ranOn.complete(Thread.currentThread()), Duration.ZERO);
            Thread thread = ranOn.get(30, TimeUnit.SECONDS);
            assertThat(thread.isDaemon()).isTrue();
            assertThat(thread.getName()).isEqualTo("test-scheduler-1");
            // A task scheduled after the cancelled one and due later proves the cancelled one is gone.
            CountDownLatch later = new CountDownLatch(1);
            scheduler.schedule(later::countDown, Duration.ofMillis(400));
            assertThat(later.await(30, TimeUnit.SECONDS)).isTrue();
            assertThat(cancelledRuns).hasValue(0);
        }
    }

    /** First answer EXPORTING, second EXPORT_SUCCESS, per migration; records peak concurrency. */
    private static final class ConcurrencyProbe implements DataWorksClient {
        final Map<Long, AtomicInteger> callsPerMigration = new ConcurrentHashMap<>();
        final AtomicInteger inFlight = new AtomicInteger();
        final AtomicInteger peakConcurrentCalls = new AtomicInteger();

        @Override
        public MigrationSummary getMigrationSummary(MigrationRef ref) {
            int now = inFlight.incrementAndGet();
            peakConcurrentCalls.accumulateAndGet(now, Math::max);
            try {
                int n = callsPerMigration.computeIfAbsent(ref.migrationId(), k -> new AtomicInteger()).incrementAndGet();
                return new MigrationSummary(ref.projectId(), ref.migrationId(), "m", n == 1 ? "EXPORTING" : "EXPORT_SUCCESS",
                        null, null, null, null, null, "RID");
            } finally {
                inFlight.decrementAndGet();
            }
        }

        @Override
        public void close() {}
    }

    private static int waitThreads() {
        return (int) Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().startsWith("dataworks-wait-")).count();
    }

    private static void drain(ExecutorService executor) throws Exception {
        drain(executor, 2);
    }

    /**
     * Returns once every task queued so far has finished: the pool runs its queue in order, and
     * {@code threads} barrier tasks can only all run at once when every thread is free.
     */
    private static void drain(ExecutorService executor, int threads) throws Exception {
        CountDownLatch done = new CountDownLatch(threads);
        CountDownLatch both = new CountDownLatch(threads);
        for (int i = 0; i < threads; i++) {
            executor.execute(() -> {
                both.countDown();
                await(both);
                done.countDown();
            });
        }
        assertThat(done.await(30, TimeUnit.SECONDS)).isTrue();
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(30, TimeUnit.SECONDS)) {
                throw new AssertionError("latch not released");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
