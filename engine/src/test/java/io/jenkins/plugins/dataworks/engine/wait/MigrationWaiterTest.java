package io.jenkins.plugins.dataworks.engine.wait;

import static io.jenkins.plugins.dataworks.engine.wait.ScriptedClient.Answer.error;
import static io.jenkins.plugins.dataworks.engine.wait.ScriptedClient.Answer.status;
import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.dataworks.engine.client.MigrationRef;
import io.jenkins.plugins.dataworks.engine.error.ApiException;
import io.jenkins.plugins.dataworks.engine.error.AuthenticationException;
import io.jenkins.plugins.dataworks.engine.error.DataWorksException;
import io.jenkins.plugins.dataworks.engine.error.MigrationNotFoundException;
import io.jenkins.plugins.dataworks.engine.error.QuotaExceededException;
import io.jenkins.plugins.dataworks.engine.error.TransientApiException;
import io.jenkins.plugins.dataworks.engine.wait.WaitOutcome.Result;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.random.RandomGenerator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The state machine, driven by a scripted client, a manual scheduler and a direct executor. */
class MigrationWaiterTest {

    private static final MigrationRef REF = new MigrationRef(42, 7);
    private static final Executor DIRECT = Runnable::run;

    private final TestClock clock = new TestClock();
    private final ManualScheduler scheduler = new ManualScheduler(clock);
    private final RecordingListener listener = new RecordingListener();
    private final Instant t0 = clock.instant();

    private MigrationWaiter waiter(ScriptedClient client) {
        return waiter(client, FixedRandom.MIDDLE);
    }

    private MigrationWaiter waiter(ScriptedClient client, RandomGenerator random) {
        return new MigrationWaiter(client, scheduler, DIRECT, clock, random);
    }

    /** Polls every {@code every} exactly (no growth; MIDDLE random means no jitter). */
    private static WaitPolicy.Builder every(Duration every) {
        return WaitPolicy.builder().initialInterval(every).maxInterval(every).multiplier(1.0);
    }

    private WaitOutcome runToEnd(WaitHandle handle) {
        scheduler.runUntilIdle(10_000);
        assertThat(handle.outcome()).isDone();
        assertThat(listener.finished).hasSize(1);
        assertThat(listener.events.get(listener.events.size() - 1)).startsWith("finished");
        return handle.outcome().join();
    }

    private static void assertOneLineWithoutSecrets(String message) {
        assertThat(message).doesNotContain("\n", "\r", "Signature", "OSSAccessKeyId", "SeCrEt", "?Expires");
    }

    // ---- statuses --------------------------------------------------------------------------------

    @Test
    void exportTimelineSucceedsAndReportsEachChangeOnce() {
        ScriptedClient client = ScriptedClient.statuses(clock, "INIT", "EXPORTING", "EXPORTING", "EXPORT_SUCCESS");
        WaitHandle handle = waiter(client).start(REF, WaitPolicy.defaults(), listener);

        WaitOutcome outcome = runToEnd(handle);

        assertThat(outcome.result()).isEqualTo(Result.SUCCESS);
        assertThat(client.callCount()).isEqualTo(4);
        // Default policy, no jitter: polls at 0, 15 s, 37.5 s, 71.25 s.
        assertThat(client.calls()).extracting(c -> Duration.between(t0, c.at()))
                .containsExactly(Duration.ZERO, Duration.ofSeconds(15), Duration.ofMillis(37_500),
                        Duration.ofMillis(71_250));
        assertThat(listener.changes).containsExactly(
                new RecordingListener.StatusChange(null, "INIT", Duration.ZERO),
                new RecordingListener.StatusChange("INIT", "EXPORTING", Duration.ofSeconds(15)),
                new RecordingListener.StatusChange("EXPORTING", "EXPORT_SUCCESS", Duration.ofMillis(71_250)));
        assertThat(outcome.message())
                .isEqualTo("migration 7 in workspace 42 reached EXPORT_SUCCESS after 1m11s and 4 API calls (RequestId RID-4)");
        assertThat(outcome.summary().downloadUrl()).as("the caller needs the URL to download").isEqualTo(ScriptedClient.SECRET_URL);
        assertThat(outcome.error()).isNull();
        assertThat(outcome.snapshot().apiCalls()).isEqualTo(4);
        assertThat(outcome.snapshot().lastStatus()).isEqualTo("EXPORT_SUCCESS");
        assertThat(scheduler.pending()).isZero();
    }

    static Stream<Arguments> terminalStatuses() {
        return Stream.of(
                Arguments.of("EXPORT_SUCCESS", PartialSuccessPolicy.FAIL, Result.SUCCESS, "reached EXPORT_SUCCESS"),
                Arguments.of("IMPORT_SUCCESS", PartialSuccessPolicy.FAIL, Result.SUCCESS, "reached IMPORT_SUCCESS"),
                Arguments.of("EXPORT_ERROR", PartialSuccessPolicy.SUCCEED, Result.FAILED, "ended with EXPORT_ERROR"),
                Arguments.of("IMPORT_ERROR", PartialSuccessPolicy.SUCCEED, Result.FAILED, "ended with IMPORT_ERROR"),
                Arguments.of("REVOKED", PartialSuccessPolicy.SUCCEED, Result.FAILED, "ended with REVOKED"),
                Arguments.of("PARTIAL_SUCCESS", PartialSuccessPolicy.FAIL, Result.FAILED,
                        "ended with PARTIAL_SUCCESS after 15s and 3 API calls, which fails under partialSuccess=FAIL"),
                Arguments.of("PARTIAL_SUCCESS", PartialSuccessPolicy.UNSTABLE, Result.UNSTABLE,
                        "reached PARTIAL_SUCCESS (accepted as unstable)"),
                Arguments.of("PARTIAL_SUCCESS", PartialSuccessPolicy.SUCCEED, Result.SUCCESS, "reached PARTIAL_SUCCESS"),
                Arguments.of("SHINY_NEW_STATUS", PartialSuccessPolicy.FAIL, Result.FAILED,
                        "reported the undocumented status 'SHINY_NEW_STATUS'"));
    }

    @ParameterizedTest(name = "{0} under {1} -> {2}")
    @MethodSource("terminalStatuses")
    void terminalStatusEndsTheWait(String terminal, PartialSuccessPolicy partial, Result expected, String text) {
        ScriptedClient client = ScriptedClient.statuses(clock, "IMPORTING", terminal);
        WaitPolicy policy = WaitPolicy.builder().partialSuccess(partial).build();

        WaitOutcome outcome = runToEnd(waiter(client).start(REF, policy, listener));

        assertThat(outcome.result()).isEqualTo(expected);
        assertThat(outcome.message()).contains(text).contains("migration 7", "workspace 42", "RequestId RID-2");
        assertOneLineWithoutSecrets(outcome.message());
        assertThat(client.callCount()).isEqualTo(2);
        // Failure detail (FailureDetailTest has the rest): only these three statuses, whatever the verdict.
        boolean detail = List.of("EXPORT_ERROR", "IMPORT_ERROR", "PARTIAL_SUCCESS").contains(terminal);
        assertThat(client.processCallCount()).isEqualTo(detail ? 1 : 0);
        assertThat(outcome.snapshot().apiCalls()).isEqualTo(detail ? 3 : 2);
        assertThat(outcome.failedTasks()).hasSize(detail ? 1 : 0);
    }

    @Test
    void unknownStatusNamesTheSwitchThatKeepsWaiting() {
        ScriptedClient client = ScriptedClient.statuses(clock, "ARCHIVING");

        WaitOutcome outcome = runToEnd(waiter(client).start(REF, WaitPolicy.defaults(), listener));

        assertThat(outcome.result()).isEqualTo(Result.FAILED);
        assertThat(outcome.message()).contains("'ARCHIVING'", "keepWaitingOnUnknownStatus");
        assertThat(client.callCount()).isEqualTo(1);
    }

    @Test
    void unknownStatusIsWaitedThroughWhenAsked() {
        ScriptedClient client = ScriptedClient.statuses(clock, "EXPORTING", "ARCHIVING", "ARCHIVING", "EXPORT_SUCCESS");
        WaitPolicy policy = WaitPolicy.builder().keepWaitingOnUnknownStatus(true).build();

        WaitOutcome outcome = runToEnd(waiter(client).start(REF, policy, listener));

        assertThat(outcome.result()).isEqualTo(Result.SUCCESS);
        assertThat(listener.changes).extracting(RecordingListener.StatusChange::current)
                .containsExactly("EXPORTING", "ARCHIVING", "EXPORT_SUCCESS");
    }

    // ---- errors ----------------------------------------------------------------------------------

    static Stream<DataWorksException> fatalErrors() {
        return Stream.of(
                new QuotaExceededException("daily call limit exceeded", "Throttling.Api.Risk", "RID-Q", null),
                new AuthenticationException("signature does not match", "SignatureDoesNotMatch", "RID-A", null),
                new MigrationNotFoundException("migration 7 not found", "Invalid.Migration.NotFound", "RID-N", null),
                new ApiException("bad request", "InvalidParameter", "RID-X", null));
    }

    @ParameterizedTest
    @MethodSource("fatalErrors")
    void nonRetryableErrorEndsTheWaitAtOnce(DataWorksException fatal) {
        ScriptedClient client = ScriptedClient.sequence(clock, status("EXPORTING"), error(fatal));

        WaitOutcome outcome = runToEnd(waiter(client).start(REF, WaitPolicy.defaults(), listener));

        assertThat(outcome.result()).isEqualTo(Result.ERROR);
        assertThat(outcome.error()).isSameAs(fatal);
        assertThat(client.callCount()).isEqualTo(2);
        assertThat(listener.retries).isEmpty();
        assertThat(outcome.message()).contains("migration 7 in workspace 42", "last status EXPORTING",
                fatal.errorCode(), fatal.getMessage(), fatal.requestId());
        assertThat(outcome.snapshot().lastRequestId()).isEqualTo(fatal.requestId());
    }

    @Test
    void transientErrorsAreRetriedAndTheCounterResetsOnSuccess() {
        TransientApiException throttled = new TransientApiException("Throttling.User", "Throttling.User", "RID-T", null);
        ScriptedClient client = ScriptedClient.sequence(clock, error(throttled), error(throttled), status("EXPORTING"),
                error(throttled), error(throttled), status("EXPORT_SUCCESS"));
        WaitPolicy policy = WaitPolicy.builder().maxConsecutiveErrors(3).build();

        WaitOutcome outcome = runToEnd(waiter(client, FixedRandom.HIGHEST).start(REF, policy, listener));

        assertThat(outcome.result()).isEqualTo(Result.SUCCESS);
        assertThat(client.callCount()).isEqualTo(6);
        assertThat(listener.retries).extracting(RecordingListener.Retry::consecutiveErrors).containsExactly(1, 2, 1, 2);
        // Full jitter at its top: the ceiling, 15 s then 30 s, each time the counter starts over.
        assertThat(listener.retries).extracting(RecordingListener.Retry::retryIn).containsExactly(
                Duration.ofSeconds(15), Duration.ofSeconds(30), Duration.ofSeconds(15), Duration.ofSeconds(30));
        assertThat(listener.snapshots).extracting(WaitSnapshot::consecutiveErrors).containsExactly(0, 1, 2, 0, 1, 2, 0);
    }

    @Test
    void tooManyTransientErrorsInARowEndTheWait() {
        TransientApiException busy = new TransientApiException("ServiceUnavailable", "InternalError.System", "RID-5", null);
        ScriptedClient client = ScriptedClient.sequence(clock, status("EXPORTING"), error(busy));
        WaitPolicy policy = WaitPolicy.builder().maxConsecutiveErrors(3).build();

        WaitOutcome outcome = runToEnd(waiter(client).start(REF, policy, listener));

        assertThat(outcome.result()).isEqualTo(Result.ERROR);
        assertThat(outcome.error()).isSameAs(busy);
        assertThat(client.callCount()).isEqualTo(4);
        assertThat(listener.retries).hasSize(2);
        assertThat(outcome.message()).contains("gave up after 3 transient errors in a row", "last status EXPORTING",
                "RID-5");
    }

    @Test
    void unexpectedClientFailureEndsTheWaitAsAnError() {
        ScriptedClient client = new ScriptedClient(clock, c -> {
            throw new IllegalStateException("bug in the client");
        });

        WaitOutcome outcome = runToEnd(waiter(client).start(REF, WaitPolicy.defaults(), listener));

        assertThat(outcome.result()).isEqualTo(Result.ERROR);
        assertThat(outcome.error()).isInstanceOf(ApiException.class).hasCauseInstanceOf(IllegalStateException.class);
        assertThat(outcome.message()).contains("IllegalStateException", "bug in the client");
    }

    // ---- deadline and budget ---------------------------------------------------------------------

    @Test
    void neverPollsPastTheDeadlineAndPollsOnceExactlyAtIt() {
        ScriptedClient client = ScriptedClient.statuses(clock, "EXPORTING");
        WaitPolicy policy = WaitPolicy.builder().timeout(Duration.ofMinutes(10)).build();

        WaitOutcome outcome = runToEnd(waiter(client, FixedRandom.HIGHEST).start(REF, policy, listener));

        Instant deadline = t0.plus(Duration.ofMinutes(10));
        assertThat(outcome.result()).isEqualTo(Result.TIMED_OUT);
        assertThat(client.calls()).allSatisfy(c -> assertThat(c.at()).isBeforeOrEqualTo(deadline));
        assertThat(client.calls().get(client.callCount() - 1).at()).isEqualTo(deadline);
        assertThat(outcome.message()).isEqualTo("migration 7 in workspace 42 last status EXPORTING when the 10m deadline"
                + " passed, after " + client.callCount() + " API calls (RequestId RID-" + client.callCount() + ")");
        assertThat(outcome.snapshot().deadline()).isEqualTo(deadline);
    }

    @Test
    void deadlineAlsoStopsRetries() {
        TransientApiException throttled = new TransientApiException("throttled", "Throttling.User", null, null);
        ScriptedClient client = ScriptedClient.sequence(clock, status("EXPORTING"), error(throttled));
        WaitPolicy policy = WaitPolicy.builder().timeout(Duration.ofMinutes(3)).maxConsecutiveErrors(100).build();

        WaitOutcome outcome = runToEnd(waiter(client, FixedRandom.HIGHEST).start(REF, policy, listener));

        assertThat(outcome.result()).isEqualTo(Result.TIMED_OUT);
        assertThat(client.calls().get(client.callCount() - 1).at()).isEqualTo(t0.plus(Duration.ofMinutes(3)));
        assertThat(outcome.message()).contains("last status EXPORTING", "3m deadline");
    }

    @Test
    void apiCallBudgetEndsTheWaitRightAfterTheLastAllowedCall() {
        ScriptedClient client = ScriptedClient.statuses(clock, "EXPORTING");
        WaitPolicy policy = WaitPolicy.builder().maxApiCalls(5).build();

        WaitOutcome outcome = runToEnd(waiter(client).start(REF, policy, listener));

        assertThat(outcome.result()).isEqualTo(Result.TIMED_OUT);
        assertThat(client.callCount()).isEqualTo(5);
        assertThat(outcome.message()).contains("last status EXPORTING", "budget of 5 API calls ran out");
        assertThat(scheduler.pending()).isZero();
    }

    // ---- cancel ----------------------------------------------------------------------------------

    @Test
    void cancelBeforeTheFirstPollMakesNoCall() {
        ScriptedClient client = ScriptedClient.statuses(clock, "EXPORTING");
        WaitHandle handle = waiter(client).start(REF, WaitPolicy.defaults(), listener);

        handle.cancel();
        handle.cancel();
        scheduler.advance(Duration.ofHours(3));

        assertThat(client.callCount()).isZero();
        assertThat(scheduler.pending()).as("the scheduled poll was withdrawn").isZero();
        WaitOutcome outcome = handle.outcome().join();
        assertThat(outcome.result()).isEqualTo(Result.CANCELLED);
        assertThat(outcome.message()).isEqualTo("wait for migration 7 in workspace 42 cancelled after 0s and 0 API calls,"
                + " no status seen yet; the migration itself goes on in DataWorks");
        assertThat(listener.finished).hasSize(1);
    }

    @Test
    void cancelDuringAPollIgnoresItsResultAndStopsPolling() {
        ScriptedClient client = ScriptedClient.statuses(clock, "EXPORTING", "EXPORTING", "EXPORT_SUCCESS");
        AtomicReference<WaitHandle> handle = new AtomicReference<>();
        client.duringCall(() -> {
            if (client.callCount() == 2) {
                handle.get().cancel();
            }
        });
        handle.set(waiter(client).start(REF, WaitPolicy.defaults(), listener));

        scheduler.advance(Duration.ofHours(3));

        assertThat(client.callCount()).isEqualTo(2);
        WaitOutcome outcome = handle.get().outcome().join();
        assertThat(outcome.result()).isEqualTo(Result.CANCELLED);
        assertThat(outcome.snapshot().apiCalls()).as("the dropped answer is not counted in").isEqualTo(1);
        assertThat(listener.finished).hasSize(1);
        assertThat(listener.events).last().isEqualTo("finished CANCELLED");
        assertThat(scheduler.pending()).isZero();
    }

    @Test
    void cancelAfterTheEndChangesNothing() {
        ScriptedClient client = ScriptedClient.statuses(clock, "EXPORT_SUCCESS");
        WaitHandle handle = waiter(client).start(REF, WaitPolicy.defaults(), listener);
        scheduler.runDue();

        handle.cancel();

        assertThat(handle.outcome().join().result()).isEqualTo(Result.SUCCESS);
        assertThat(listener.finished).hasSize(1);
    }

    // ---- listener timing -------------------------------------------------------------------------

    @Test
    void heartbeatComesEveryPeriodWithoutChange() {
        ScriptedClient client = new ScriptedClient(clock,
                c -> status(c.at().isBefore(t0.plus(Duration.ofSeconds(230))) ? "EXPORTING" : "EXPORT_SUCCESS"));
        WaitPolicy policy = every(Duration.ofSeconds(20)).heartbeatEvery(Duration.ofMinutes(1)).build();

        runToEnd(waiter(client).start(REF, policy, listener));

        assertThat(listener.heartbeats).containsExactly(Duration.ofSeconds(60), Duration.ofSeconds(120),
                Duration.ofSeconds(180));
    }

    @Test
    void statusChangeRestartsTheHeartbeatPeriod() {
        ScriptedClient client = new ScriptedClient(clock, c -> {
            long s = Duration.between(t0, c.at()).toSeconds();
            return status(s < 50 ? "INIT" : s < 170 ? "EXPORTING" : "EXPORT_SUCCESS");
        });
        WaitPolicy policy = every(Duration.ofSeconds(20)).heartbeatEvery(Duration.ofMinutes(1)).build();

        runToEnd(waiter(client).start(REF, policy, listener));

        // INIT seen at 0 (heartbeat due at 60 s, but EXPORTING arrives at 60 s and resets it), next at 120 s.
        assertThat(listener.heartbeats).containsExactly(Duration.ofSeconds(120));
    }

    @Test
    void idleHintComesOnceWhenTheMigrationStaysUnstarted() {
        ScriptedClient client = new ScriptedClient(clock,
                c -> status(c.at().isBefore(t0.plus(Duration.ofMinutes(5))) ? "INIT" : "EXPORT_SUCCESS"));
        WaitPolicy policy = every(Duration.ofSeconds(20)).idleHintAfter(Duration.ofMinutes(1)).build();

        runToEnd(waiter(client).start(REF, policy, listener));

        assertThat(listener.hints).containsExactly("migration 7 in workspace 42 is still INIT after 1m: a migration that"
                + " was never started never finishes; call StartMigration (or start it in the DataWorks console)");
        int hintAt = listener.events.indexOf("hint");
        assertThat(listener.events.subList(0, hintAt)).filteredOn(e -> e.startsWith("snapshot")).hasSize(4);
    }

    @Test
    void noIdleHintWhileRunningOrWhenDisabled() {
        ScriptedClient running = new ScriptedClient(clock,
                c -> status(c.at().isBefore(t0.plus(Duration.ofMinutes(30))) ? "EXPORTING" : "EXPORT_SUCCESS"));
        runToEnd(waiter(running).start(REF, WaitPolicy.builder().idleHintAfter(Duration.ofMinutes(1)).build(), listener));
        assertThat(listener.hints).isEmpty();

        RecordingListener other = new RecordingListener();
        ScriptedClient idle = ScriptedClient.statuses(clock, "EDITING");
        WaitHandle h = waiter(idle).start(REF, WaitPolicy.builder().idleHintAfter(Duration.ZERO).maxApiCalls(30).build(), other);
        scheduler.runUntilIdle(100);
        assertThat(h.outcome().join().result()).isEqualTo(Result.TIMED_OUT);
        assertThat(other.hints).isEmpty();
    }

    @Test
    void snapshotIsPersistedBeforeTheNextPollIsScheduledAndMatchesIt() {
        ScriptedClient client = ScriptedClient.statuses(clock, "INIT", "EXPORTING", "EXPORTING", "EXPORT_SUCCESS");
        List<Integer> pendingAtSnapshot = new ArrayList<>();
        List<WaitSnapshot> snapshots = new ArrayList<>();
        WaitListener probe = new WaitListener() {
            @Override
            public void onSnapshot(WaitSnapshot snapshot) {
                pendingAtSnapshot.add(scheduler.pending());
                snapshots.add(snapshot);
            }
        };
        WaitHandle handle = waiter(client, FixedRandom.HIGHEST).start(REF, WaitPolicy.defaults(), probe);

        List<Instant> scheduledAt = new ArrayList<>();
        while (scheduler.nextDue() != null) {
            scheduledAt.add(scheduler.nextDue());
            scheduler.runNext();
        }

        assertThat(handle.outcome().join().result()).isEqualTo(Result.SUCCESS);
        assertThat(pendingAtSnapshot).as("nothing scheduled yet when a snapshot is handed out").containsOnly(0);
        // The initial snapshot plus one per non-final poll name exactly the polls that followed.
        assertThat(snapshots.subList(0, 4)).extracting(WaitSnapshot::nextPollAt).containsExactlyElementsOf(scheduledAt);
        assertThat(snapshots).extracting(WaitSnapshot::apiCalls).containsExactly(0, 1, 2, 3, 4);
    }

    @Test
    void misbehavingListenerCannotStopTheWait() {
        WaitListener throwing = new WaitListener() {
            @Override
            public void onStatusChange(String previousStatus, io.jenkins.plugins.dataworks.engine.client.MigrationSummary s,
                    Duration elapsed) {
                throw new IllegalStateException("listener bug");
            }

            @Override
            public void onSnapshot(WaitSnapshot snapshot) {
                throw new IllegalStateException("listener bug");
            }

            @Override
            public void onFinished(WaitOutcome outcome) {
                throw new IllegalStateException("listener bug");
            }
        };
        ScriptedClient client = ScriptedClient.statuses(clock, "EXPORTING", "EXPORT_SUCCESS");
        WaitHandle handle = waiter(client).start(REF, WaitPolicy.defaults(), throwing);

        scheduler.runUntilIdle(100);

        assertThat(handle.outcome().join().result()).isEqualTo(Result.SUCCESS);
    }

    @Test
    void pollExecutorThatRefusesEndsTheWaitWithAnError() {
        ScriptedClient client = ScriptedClient.statuses(clock, "EXPORTING");
        Executor refusing = task -> {
            throw new RejectedExecutionException("shut down");
        };
        WaitHandle handle = new MigrationWaiter(client, scheduler, refusing, clock, FixedRandom.MIDDLE)
                .start(REF, WaitPolicy.defaults(), listener);

        scheduler.runUntilIdle(10);

        WaitOutcome outcome = handle.outcome().join();
        assertThat(outcome.result()).isEqualTo(Result.ERROR);
        assertThat(outcome.message()).contains("poll executor refused");
        assertThat(client.callCount()).isZero();
    }

    @Test
    void schedulerThatRefusesEndsTheWaitWithAnError() {
        ScriptedClient client = ScriptedClient.statuses(clock, "EXPORTING");
        Scheduler refusing = (task, delay) -> {
            throw new RejectedExecutionException("timer stopped");
        };
        WaitHandle handle = new MigrationWaiter(client, refusing, DIRECT, clock, FixedRandom.MIDDLE)
                .start(REF, WaitPolicy.defaults(), listener);

        WaitOutcome outcome = handle.outcome().join();
        assertThat(outcome.result()).isEqualTo(Result.ERROR);
        assertThat(outcome.message()).contains("scheduler refused");
        assertThat(listener.finished).hasSize(1);
        assertThat(client.callCount()).isZero();
    }

    // ---- resume ----------------------------------------------------------------------------------

    @Test
    void resumeKeepsDeadlineCountersAndNextPollTime() {
        ScriptedClient before = ScriptedClient.statuses(clock, "INIT", "EXPORTING");
        WaitHandle first = waiter(before).start(REF, WaitPolicy.defaults(), listener);
        scheduler.runNext();
        scheduler.runNext();
        scheduler.runNext();
        WaitSnapshot saved = listener.lastSnapshot();
        assertThat(saved.apiCalls()).isEqualTo(3);
        first.cancel(); // the controller goes down

        ManualScheduler afterRestart = new ManualScheduler(clock);
        ScriptedClient after = ScriptedClient.statuses(clock, "EXPORTING", "EXPORT_SUCCESS");
        RecordingListener resumed = new RecordingListener();
        WaitHandle second = new MigrationWaiter(after, afterRestart, DIRECT, clock, FixedRandom.MIDDLE)
                .resume(saved, resumed);

        assertThat(afterRestart.nextDue()).isEqualTo(saved.nextPollAt());
        afterRestart.runUntilIdle(100);

        WaitOutcome outcome = second.outcome().join();
        assertThat(outcome.result()).isEqualTo(Result.SUCCESS);
        assertThat(after.calls().get(0).at()).isEqualTo(saved.nextPollAt());
        assertThat(outcome.snapshot().apiCalls()).isEqualTo(3 + 2);
        assertThat(outcome.snapshot().deadline()).isEqualTo(saved.deadline());
        assertThat(outcome.snapshot().startedAt()).isEqualTo(t0);
        assertThat(resumed.changes).as("the first poll after a restart repeats the known status without a change")
                .extracting(RecordingListener.StatusChange::current).containsExactly("EXPORT_SUCCESS");
    }

    @Test
    void resumeAfterTheNextPollTimePollsAtOnce() {
        ScriptedClient before = ScriptedClient.statuses(clock, "EXPORTING");
        waiter(before).start(REF, WaitPolicy.defaults(), listener);
        scheduler.runNext();
        WaitSnapshot saved = listener.lastSnapshot();

        clock.advance(Duration.ofMinutes(30));
        ManualScheduler afterRestart = new ManualScheduler(clock);
        ScriptedClient after = ScriptedClient.statuses(clock, "EXPORT_SUCCESS");
        new MigrationWaiter(after, afterRestart, DIRECT, clock, FixedRandom.MIDDLE).resume(saved, WaitListener.NONE);

        assertThat(afterRestart.requestedDelays()).containsExactly(Duration.ZERO);
    }

    @Test
    void resumeAfterTheDeadlinePollsOnceThenTimesOut() {
        WaitPolicy policy = WaitPolicy.builder().timeout(Duration.ofMinutes(20)).build();
        waiter(ScriptedClient.statuses(clock, "EXPORTING")).start(REF, policy, listener);
        scheduler.runNext();
        WaitSnapshot saved = listener.lastSnapshot();
        clock.advance(Duration.ofHours(1));

        ScriptedClient stillRunning = ScriptedClient.statuses(clock, "EXPORTING");
        ManualScheduler s1 = new ManualScheduler(clock);
        WaitHandle late = new MigrationWaiter(stillRunning, s1, DIRECT, clock, FixedRandom.MIDDLE).resume(saved, WaitListener.NONE);
        s1.runUntilIdle(10);
        assertThat(stillRunning.callCount()).isEqualTo(1);
        assertThat(late.outcome().join().result()).isEqualTo(Result.TIMED_OUT);
        assertThat(late.outcome().join().message()).contains("20m deadline", "last status EXPORTING");

        ScriptedClient finished = ScriptedClient.statuses(clock, "EXPORT_SUCCESS");
        ManualScheduler s2 = new ManualScheduler(clock);
        WaitHandle lucky = new MigrationWaiter(finished, s2, DIRECT, clock, FixedRandom.MIDDLE).resume(saved, WaitListener.NONE);
        s2.runUntilIdle(10);
        assertThat(finished.callCount()).isEqualTo(1);
        assertThat(lucky.outcome().join().result()).as("finished while nobody watched").isEqualTo(Result.SUCCESS);
    }

    @Test
    void resumeWithTheBudgetSpentMakesNoCall() {
        WaitPolicy policy = WaitPolicy.builder().maxApiCalls(2).build();
        ScriptedClient before = ScriptedClient.statuses(clock, "EXPORTING");
        waiter(before).start(REF, policy, listener);
        scheduler.runNext();
        scheduler.runNext();
        WaitSnapshot spent = listener.snapshots.get(listener.snapshots.size() - 1);
        assertThat(spent.apiCalls()).isEqualTo(2);

        ScriptedClient after = ScriptedClient.statuses(clock, "EXPORT_SUCCESS");
        ManualScheduler s = new ManualScheduler(clock);
        WaitHandle h = new MigrationWaiter(after, s, DIRECT, clock, FixedRandom.MIDDLE).resume(spent, WaitListener.NONE);
        s.runUntilIdle(10);

        assertThat(after.callCount()).isZero();
        assertThat(h.outcome().join().result()).isEqualTo(Result.TIMED_OUT);
        assertThat(h.outcome().join().message()).contains("budget of 2 API calls ran out");
    }
}
