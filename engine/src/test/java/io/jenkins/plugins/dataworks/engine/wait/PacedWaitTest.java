package io.jenkins.plugins.dataworks.engine.wait;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.dataworks.engine.client.DataWorksClient;
import io.jenkins.plugins.dataworks.engine.client.MigrationRef;
import io.jenkins.plugins.dataworks.engine.client.MigrationSummary;
import io.jenkins.plugins.dataworks.engine.error.ApiException;
import io.jenkins.plugins.dataworks.engine.ratelimit.RateLimiter;
import io.jenkins.plugins.dataworks.engine.wait.WaitOutcome.Result;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiFunction;
import org.junit.jupiter.api.Test;

/**
 * Waits paced by a shared {@link CallPacer} (the per-AccessKey {@link RateLimiter}): a poll whose
 * slot is later moves to it on the scheduler instead of waiting on a poll thread. Virtual time, a
 * manual scheduler and polls on the test thread, as in {@link MigrationWaiterTest}.
 */
class PacedWaitTest {

    private static final MigrationRef REF = new MigrationRef(42, 7);

    private final TestClock clock = new TestClock();
    private final ManualScheduler scheduler = new ManualScheduler(clock);
    private final Instant t0 = clock.instant();
    private final RecordingListener listener = new RecordingListener();
    private final TimedExecutor polls = new TimedExecutor();

    /**
     * Runs each poll on the calling thread and records whether virtual time passed during it. Only
     * the manual scheduler moves the clock, so a poll that waited for its slot in place (as the old
     * blocking client did, with a clock-advancing sleeper) shows up here as time spent in a task.
     */
    private final class TimedExecutor implements Executor {
        int tasks;
        final List<Duration> timeInTask = new ArrayList<>();

        @Override
        public void execute(Runnable task) {
            Instant before = clock.instant();
            tasks++;
            task.run();
            timeInTask.add(Duration.between(before, clock.instant()));
        }
    }

    /** A fake service that records which migration was asked when and answers by migration and time. */
    private final class ServiceLog implements DataWorksClient {
        record Call(MigrationRef ref, Instant at) {}

        final List<Call> calls = new ArrayList<>();
        private final BiFunction<MigrationRef, Instant, String> status;

        ServiceLog(BiFunction<MigrationRef, Instant, String> status) {
            this.status = status;
        }

        @Override
        public MigrationSummary getMigrationSummary(MigrationRef ref) {
            Instant now = clock.instant();
            calls.add(new Call(ref, now));
            return new MigrationSummary(ref.projectId(), ref.migrationId(), "m" + ref.migrationId(),
                    status.apply(ref, now), t0, now, "alice", "alice", null, "RID-" + calls.size());
        }

        List<Instant> times() {
            return calls.stream().map(Call::at).toList();
        }

        List<Instant> timesOf(MigrationRef ref) {
            return calls.stream().filter(c -> c.ref().equals(ref)).map(Call::at).toList();
        }

        @Override
        public void close() {}
    }

    private MigrationWaiter waiter(DataWorksClient client, CallPacer pacer) {
        return new MigrationWaiter(client, scheduler, polls, clock, FixedRandom.MIDDLE, pacer);
    }

    /** Polls every {@code every} exactly (no growth; MIDDLE random means no jitter). */
    private static WaitPolicy.Builder every(Duration every) {
        return WaitPolicy.builder().initialInterval(every).maxInterval(every).multiplier(1.0);
    }

    /** Takes {@code n} slots of {@code limiter}, as other waits of the same AccessKey would. */
    private static void takeSlots(RateLimiter limiter, int n) {
        for (int i = 0; i < n; i++) {
            limiter.reserve();
        }
    }

    private static void assertNoSecondHoldsMoreThan(List<Instant> callTimes, int rate) {
        List<Instant> sorted = new ArrayList<>(callTimes);
        sorted.sort(null);
        for (int i = 0; i + rate < sorted.size(); i++) {
            assertThat(Duration.between(sorted.get(i), sorted.get(i + rate)))
                    .as("calls %d..%d, from %s: %d calls must span at least a second", i, i + rate, sorted.get(i), rate + 1)
                    .isGreaterThanOrEqualTo(Duration.ofSeconds(1));
        }
    }

    // ---- many waits, one AccessKey ---------------------------------------------------------------

    @Test
    void twoHundredWaitsSharingOnePacerNeverCallMoreThanItsRateAndNeverHoldAPollThread() {
        RateLimiter limiter = new RateLimiter(5, clock);
        Instant doneAt = t0.plus(Duration.ofMinutes(10));
        ServiceLog service = new ServiceLog((ref, at) -> at.isBefore(doneAt) ? "EXPORTING" : "EXPORT_SUCCESS");
        MigrationWaiter waiter = waiter(service, limiter);
        List<WaitHandle> handles = new ArrayList<>();
        for (int i = 0; i < 200; i++) { // no jitter: every wait wants to poll at the same instants
            handles.add(waiter.start(new MigrationRef(42, i + 1), WaitPolicy.defaults(), WaitListener.NONE));
        }

        scheduler.runUntilIdle(100_000);

        assertThat(handles).allSatisfy(h -> assertThat(h.outcome().join().result()).isEqualTo(Result.SUCCESS));
        assertNoSecondHoldsMoreThan(service.times(), 5);
        // The first 200 polls, all due at t0, took 200 consecutive slots: the last one 39.8 s later.
        assertThat(service.times().subList(0, 200)).containsExactlyElementsOf(
                java.util.stream.IntStream.range(0, 200).mapToObj(i -> t0.plusMillis(200L * i)).toList());
        assertThat(polls.timeInTask).as("no poll task waited for its slot").containsOnly(Duration.ZERO);
        int calls = service.calls.size();
        assertThat(polls.tasks).as("the paced polls were extra tasks, handed back to the scheduler")
                .isGreaterThan(calls);
        // A paced poll is not an API call: each wait counts exactly the calls it made.
        for (int i = 0; i < 200; i++) {
            MigrationRef ref = new MigrationRef(42, i + 1);
            assertThat(handles.get(i).outcome().join().snapshot().apiCalls()).isEqualTo(service.timesOf(ref).size());
        }
    }

    @Test
    void aThrottledAccessKeyDoesNotDelayTheWaitsOfAnotherKey() {
        RateLimiter keyA = new RateLimiter(5, clock);
        RateLimiter keyB = new RateLimiter(5, clock);
        ServiceLog service = new ServiceLog((ref, at) -> "EXPORTING");
        WaitPolicy policy = every(Duration.ofSeconds(15)).timeout(Duration.ofMinutes(2)).build();
        for (int i = 0; i < 200; i++) {
            waiter(service, keyA).start(new MigrationRef(1, i + 1), policy, WaitListener.NONE);
        }
        MigrationRef other = new MigrationRef(2, 1);
        WaitHandle b = waiter(service, keyB).start(other, policy, WaitListener.NONE); // queued behind all of key A

        scheduler.runUntilIdle(100_000);

        assertThat(b.outcome().join().result()).isEqualTo(Result.TIMED_OUT);
        // Exactly its own schedule, 0, 15, 30, ... 120 s, although key A is booked 40 s ahead all along.
        assertThat(service.timesOf(other)).containsExactlyElementsOf(
                java.util.stream.IntStream.rangeClosed(0, 8).mapToObj(i -> t0.plusSeconds(15L * i)).toList());
        assertThat(service.timesOf(new MigrationRef(1, 200)).get(0)).isEqualTo(t0.plusMillis(199 * 200));
    }

    @Test
    void pollsThatReachTheirSlotsLateTogetherStillLeaveOneSpacingApart() {
        RateLimiter limiter = new RateLimiter(5, clock);
        ServiceLog service = new ServiceLog((ref, at) -> "EXPORT_SUCCESS");
        HoldingExecutor executor = new HoldingExecutor();
        MigrationWaiter waiter = new MigrationWaiter(service, scheduler, executor, clock, FixedRandom.MIDDLE, limiter);
        List<WaitHandle> handles = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            handles.add(waiter.start(new MigrationRef(42, i + 1), WaitPolicy.builder().maxApiCalls(1).build(), listener));
        }
        scheduler.runDue(); // the first calls at once; the other four get the slots t0+0.2s .. t0+0.8s

        executor.holding = true; // the machine is busy: no poll thread runs until t0+1s
        scheduler.advance(Duration.ofSeconds(1));
        assertThat(executor.held).as("all four slots came due while no poll thread ran").hasSize(4);
        executor.releaseAll();
        scheduler.runUntilIdle(100);

        assertThat(handles).allSatisfy(h -> assertThat(h.outcome().join().result()).isEqualTo(Result.SUCCESS));
        // Not four calls at t0+1s: each late one waits until the one before it is one spacing away.
        assertThat(service.times()).containsExactly(t0, t0.plusMillis(1000), t0.plusMillis(1200), t0.plusMillis(1400),
                t0.plusMillis(1600));
        assertNoSecondHoldsMoreThan(service.times(), 5);
    }

    /** A poll executor that runs tasks at once, or, while holding, keeps them until released. */
    private static final class HoldingExecutor implements Executor {
        boolean holding;
        final List<Runnable> held = new ArrayList<>();

        @Override
        public void execute(Runnable task) {
            if (holding) {
                held.add(task);
            } else {
                task.run();
            }
        }

        void releaseAll() {
            holding = false;
            List<Runnable> tasks = new ArrayList<>(held);
            held.clear();
            tasks.forEach(Runnable::run);
        }
    }

    // ---- one paced poll --------------------------------------------------------------------------

    @Test
    void pacedPollMovesToItsSlotOnceWithoutCountingAsACall() {
        RateLimiter limiter = new RateLimiter(5, clock);
        takeSlots(limiter, 10); // other waits of the key hold t0 .. t0+1.8s
        ServiceLog service = new ServiceLog((ref, at) -> "EXPORT_SUCCESS");
        WaitHandle handle = waiter(service, limiter).start(REF, WaitPolicy.builder().maxApiCalls(1).build(), listener);

        scheduler.runDue();

        assertThat(service.calls).isEmpty();
        assertThat(scheduler.pending()).isEqualTo(1);
        assertThat(scheduler.nextDue()).isEqualTo(t0.plusSeconds(2));
        assertThat(handle.snapshot().apiCalls()).isZero();
        assertThat(handle.snapshot().nextPollAt()).isEqualTo(t0.plusSeconds(2));

        scheduler.runUntilIdle(10);

        // At its slot, not at t0+2.2s: it did not ask the limiter for a second slot.
        assertThat(service.times()).containsExactly(t0.plusSeconds(2));
        WaitOutcome outcome = handle.outcome().join();
        assertThat(outcome.result()).as("the budget of 1 call still had room for the call").isEqualTo(Result.SUCCESS);
        assertThat(outcome.snapshot().apiCalls()).isEqualTo(1);
        assertThat(limiter.reserve()).as("exactly 11 slots were taken").isEqualTo(Duration.ofMillis(200));
    }

    @Test
    void pacedSnapshotIsHandedOverBeforeThePollMovesAndResumesAtTheSlot() {
        RateLimiter limiter = new RateLimiter(5, clock);
        takeSlots(limiter, 10);
        List<Integer> pendingAtSnapshot = new ArrayList<>();
        List<WaitSnapshot> snapshots = new ArrayList<>();
        WaitListener probe = new WaitListener() {
            @Override
            public void onSnapshot(WaitSnapshot snapshot) {
                pendingAtSnapshot.add(scheduler.pending());
                snapshots.add(snapshot);
            }
        };
        ServiceLog service = new ServiceLog((ref, at) -> "EXPORTING");
        WaitHandle handle = waiter(service, limiter).start(REF, WaitPolicy.defaults(), probe);

        scheduler.runDue();

        assertThat(snapshots).extracting(WaitSnapshot::nextPollAt).containsExactly(t0, t0.plusSeconds(2));
        assertThat(snapshots).extracting(WaitSnapshot::apiCalls).containsExactly(0, 0);
        assertThat(pendingAtSnapshot).as("nothing scheduled yet when a snapshot is handed out").containsOnly(0);
        assertThat(scheduler.nextDue()).isEqualTo(snapshots.get(1).nextPollAt());

        handle.cancel(); // the controller goes down while the poll waits for its slot
        ManualScheduler afterRestart = new ManualScheduler(clock);
        ServiceLog after = new ServiceLog((ref, at) -> "EXPORT_SUCCESS");
        WaitHandle resumed = new MigrationWaiter(after, afterRestart, polls, clock, FixedRandom.MIDDLE,
                new RateLimiter(5, clock)).resume(snapshots.get(1), WaitListener.NONE);
        afterRestart.runUntilIdle(10);

        assertThat(after.times()).as("not before the slot it had").containsExactly(t0.plusSeconds(2));
        assertThat(resumed.outcome().join().result()).isEqualTo(Result.SUCCESS);
    }

    @Test
    void cancellingAPacedPollMakesNoCall() {
        RateLimiter limiter = new RateLimiter(5, clock);
        takeSlots(limiter, 10);
        ServiceLog service = new ServiceLog((ref, at) -> "EXPORTING");
        WaitHandle handle = waiter(service, limiter).start(REF, WaitPolicy.defaults(), listener);
        scheduler.runDue();
        assertThat(scheduler.pending()).as("the paced poll").isEqualTo(1);

        handle.cancel();
        scheduler.advance(Duration.ofHours(3));

        assertThat(service.calls).isEmpty();
        assertThat(scheduler.pending()).as("the paced poll was withdrawn").isZero();
        WaitOutcome outcome = handle.outcome().join();
        assertThat(outcome.result()).isEqualTo(Result.CANCELLED);
        assertThat(outcome.snapshot().apiCalls()).isZero();
        assertThat(listener.finished).hasSize(1);
    }

    @Test
    void cancellingAPacedPollThatWasAlreadyHandedOverMakesNoCall() {
        RateLimiter limiter = new RateLimiter(5, clock);
        takeSlots(limiter, 10);
        ServiceLog service = new ServiceLog((ref, at) -> "EXPORTING");
        List<Runnable> handedOver = new ArrayList<>();
        Executor queued = handedOver::add; // the scheduler handed the poll over; it has not run yet
        WaitHandle handle = new MigrationWaiter(service, scheduler, queued, clock, FixedRandom.MIDDLE, limiter)
                .start(REF, WaitPolicy.defaults(), listener);
        scheduler.runDue();
        handedOver.remove(0).run(); // first poll: moved to its slot
        scheduler.advance(Duration.ofSeconds(2));
        assertThat(handedOver).as("the paced poll, due and queued for a poll thread").hasSize(1);

        handle.cancel();
        handedOver.remove(0).run();

        assertThat(service.calls).isEmpty();
        assertThat(handle.outcome().join().result()).isEqualTo(Result.CANCELLED);
    }

    // ---- deadline --------------------------------------------------------------------------------

    @Test
    void aSlotAfterTheDeadlineEndsTheWaitAtOnceWithoutACall() {
        RateLimiter slow = new RateLimiter(0.01, clock); // one call per 100 s
        takeSlots(slow, 1);
        ServiceLog service = new ServiceLog((ref, at) -> "EXPORTING");
        WaitHandle handle = waiter(service, slow).start(REF, WaitPolicy.builder().timeout(Duration.ofMinutes(1)).build(),
                listener);

        scheduler.runDue();

        assertThat(service.calls).isEmpty();
        assertThat(scheduler.pending()).isZero();
        WaitOutcome outcome = handle.outcome().join();
        assertThat(outcome.result()).isEqualTo(Result.TIMED_OUT);
        assertThat(clock.instant()).as("decided at once, before the deadline").isEqualTo(t0);
        assertThat(outcome.message()).isEqualTo("migration 7 in workspace 42 no status seen yet when the wait timed out:"
                + " the rate limit shared by the waits of its AccessKey allows the next call only 40s after the 1m"
                + " deadline; 0 API calls made");
    }

    @Test
    void theLastPollAtTheDeadlineIsNotPacedPastIt() {
        RateLimiter limiter = new RateLimiter(1, clock);
        ServiceLog service = new ServiceLog((ref, at) -> "EXPORTING");
        WaitPolicy policy = every(Duration.ofSeconds(30)).timeout(Duration.ofMinutes(1)).build();
        WaitHandle handle = waiter(service, limiter).start(REF, policy, listener);
        scheduler.advance(Duration.ofMillis(59_500));
        takeSlots(limiter, 1); // another wait of the key calls at 59.5 s: the next slot is 60.5 s

        scheduler.runUntilIdle(10);

        Instant deadline = t0.plusSeconds(60);
        assertThat(service.times()).containsExactly(t0, t0.plusSeconds(30));
        WaitOutcome outcome = handle.outcome().join();
        assertThat(outcome.result()).isEqualTo(Result.TIMED_OUT);
        assertThat(clock.instant()).isEqualTo(deadline);
        assertThat(outcome.message()).contains("last status EXPORTING", "only 0.5s after the 1m deadline",
                "2 API calls made", "RequestId RID-2");
    }

    @Test
    void aSlotExactlyAtTheDeadlineStillGetsItsPoll() {
        RateLimiter slow = new RateLimiter(0.01, clock);
        takeSlots(slow, 1); // next slot: t0 + 100 s
        ServiceLog service = new ServiceLog((ref, at) -> "EXPORTING");
        WaitHandle handle = waiter(service, slow).start(REF,
                WaitPolicy.builder().timeout(Duration.ofSeconds(100)).build(), listener);

        scheduler.runUntilIdle(10);

        assertThat(service.times()).containsExactly(t0.plusSeconds(100));
        assertThat(handle.outcome().join().message()).contains("when the 1m40s deadline passed, after 1 API call");
    }

    @Test
    void aWaitResumedAfterItsDeadlineStillGetsItsOnePacedPoll() {
        WaitPolicy policy = WaitPolicy.builder().timeout(Duration.ofMinutes(20)).build();
        new MigrationWaiter(new ServiceLog((ref, at) -> "EXPORTING"), scheduler, polls, clock, FixedRandom.MIDDLE)
                .start(REF, policy, listener);
        scheduler.runNext();
        WaitSnapshot saved = listener.lastSnapshot();
        clock.advance(Duration.ofHours(1));

        RateLimiter limiter = new RateLimiter(5, clock);
        takeSlots(limiter, 5); // the other waits resumed after the restart took the next second
        ManualScheduler afterRestart = new ManualScheduler(clock);
        ServiceLog finished = new ServiceLog((ref, at) -> "EXPORT_SUCCESS");
        Instant resumedAt = clock.instant();
        WaitHandle late = new MigrationWaiter(finished, afterRestart, polls, clock, FixedRandom.MIDDLE, limiter)
                .resume(saved, WaitListener.NONE);
        afterRestart.runUntilIdle(10);

        assertThat(finished.times()).containsExactly(resumedAt.plusSeconds(1));
        assertThat(late.outcome().join().result()).as("finished while nobody watched").isEqualTo(Result.SUCCESS);
    }

    // ---- misbehaving pacer -----------------------------------------------------------------------

    @Test
    void aFailingPacerEndsTheWaitVisiblyWithoutACall() {
        ServiceLog service = new ServiceLog((ref, at) -> "EXPORTING");
        AtomicInteger asked = new AtomicInteger();
        CallPacer broken = () -> {
            asked.incrementAndGet();
            throw new IllegalStateException("bug in the pacer");
        };
        WaitHandle handle = waiter(service, broken).start(REF, WaitPolicy.defaults(), listener);

        scheduler.runUntilIdle(10);

        assertThat(service.calls).isEmpty();
        assertThat(asked).hasValue(1);
        WaitOutcome outcome = handle.outcome().join();
        assertThat(outcome.result()).isEqualTo(Result.ERROR);
        assertThat(outcome.error()).isInstanceOf(ApiException.class).hasCauseInstanceOf(IllegalStateException.class);
        assertThat(outcome.message()).contains("IllegalStateException", "call pacer", "bug in the pacer");
    }

    @Test
    void withoutAPacerPollsAreNeverMoved() {
        ServiceLog service = new ServiceLog((ref, at) -> "EXPORTING");
        WaitPolicy policy = every(Duration.ofSeconds(1)).timeout(Duration.ofSeconds(3)).build();
        for (int i = 0; i < 20; i++) {
            new MigrationWaiter(service, scheduler, polls, clock, FixedRandom.MIDDLE)
                    .start(new MigrationRef(42, i + 1), policy, WaitListener.NONE);
        }

        scheduler.runUntilIdle(1_000);

        assertThat(service.calls).hasSize(20 * 4);
        assertThat(polls.tasks).isEqualTo(20 * 4);
    }
}
