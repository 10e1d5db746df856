package io.jenkins.plugins.dataworks.engine.wait;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.dataworks.engine.client.MigrationRef;
import io.jenkins.plugins.dataworks.engine.client.MigrationTask;
import io.jenkins.plugins.dataworks.engine.error.ApiException;
import io.jenkins.plugins.dataworks.engine.error.AuthenticationException;
import io.jenkins.plugins.dataworks.engine.error.MigrationNotFoundException;
import io.jenkins.plugins.dataworks.engine.error.TransientApiException;
import io.jenkins.plugins.dataworks.engine.text.Setting;
import io.jenkins.plugins.dataworks.engine.wait.WaitOutcome.Result;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The one GetMigrationProcess call of a wait that ends in EXPORT_ERROR, IMPORT_ERROR or
 * PARTIAL_SUCCESS: made once, counted, paced, persisted across a restart, and never allowed to
 * change the verdict the status gave.
 */
class FailureDetailTest {

    private static final MigrationRef REF = new MigrationRef(42, 7);
    private static final Executor DIRECT = Runnable::run;
    private static final MigrationTask[] TWO_FAILED = {new MigrationTask("UploadPackage", "SUCCESS"),
        new MigrationTask("ParsePackage", "FAILURE"), new MigrationTask("ImportObjects", "FAILURE")};

    private final TestClock clock = new TestClock();
    private final ManualScheduler scheduler = new ManualScheduler(clock);
    private final RecordingListener listener = new RecordingListener();
    private final Instant t0 = clock.instant();

    private WaitOutcome runToEnd(WaitHandle handle) {
        scheduler.runUntilIdle(10_000);
        assertThat(handle.outcome()).isDone();
        assertThat(listener.finished).hasSize(1);
        return handle.outcome().join();
    }

    private WaitHandle start(ScriptedClient client, WaitPolicy policy) {
        return new MigrationWaiter(client, scheduler, DIRECT, clock, FixedRandom.MIDDLE).start(REF, policy, listener);
    }

    private WaitHandle start(ScriptedClient client, WaitPolicy policy, CallPacer pacer) {
        return new MigrationWaiter(client, scheduler, DIRECT, clock, FixedRandom.MIDDLE, pacer)
                .start(REF, policy, listener);
    }

    private static void assertOneLine(String message) {
        assertThat(message).doesNotContain("\n", "\r", "Signature", "SeCrEt");
    }

    static Stream<Arguments> failingStatuses() {
        return Stream.of(
                Arguments.of("EXPORT_ERROR", PartialSuccessPolicy.SUCCEED, Result.FAILED),
                Arguments.of("IMPORT_ERROR", PartialSuccessPolicy.FAIL, Result.FAILED),
                Arguments.of("PARTIAL_SUCCESS", PartialSuccessPolicy.FAIL, Result.FAILED),
                Arguments.of("PARTIAL_SUCCESS", PartialSuccessPolicy.UNSTABLE, Result.UNSTABLE),
                Arguments.of("PARTIAL_SUCCESS", PartialSuccessPolicy.SUCCEED, Result.SUCCESS));
    }

    @ParameterizedTest(name = "{0} under {1} -> {2}, detail fetched once")
    @MethodSource("failingStatuses")
    void detailIsFetchedOnceAndNamed(String terminal, PartialSuccessPolicy partial, Result expected) {
        ScriptedClient client = ScriptedClient.statuses(clock, "IMPORTING", terminal).withProcess(TWO_FAILED);

        WaitOutcome outcome = runToEnd(start(client, WaitPolicy.builder().partialSuccess(partial).build()));

        assertThat(outcome.result()).isEqualTo(expected);
        assertThat(client.callCount()).isEqualTo(2);
        assertThat(client.processCallCount()).isEqualTo(1);
        assertThat(client.processCalls().get(0).at()).as("right after the terminal poll").isEqualTo(t0.plusSeconds(15));
        assertThat(outcome.failedTasks()).containsExactly(TWO_FAILED[1], TWO_FAILED[2]);
        assertThat(outcome.snapshot().apiCalls()).isEqualTo(3);
        assertThat(outcome.snapshot().failureDetailPending()).isFalse();
        assertThat(outcome.summary().rawStatus()).isEqualTo(terminal);
        assertThat(outcome.error()).isNull();
        assertThat(outcome.message()).contains(terminal, "3 API calls", "(RequestId RID-2)")
                .endsWith("; failed sub-tasks: ParsePackage FAILURE, ImportObjects FAILURE");
        assertOneLine(outcome.message());
        // The pending state is persisted before the call, the end after it.
        assertThat(listener.events).containsSubsequence("status " + terminal, "snapshot 2", "snapshot 3",
                "finished " + expected);
        assertThat(listener.snapshots.get(listener.snapshots.size() - 2).failureDetailPending()).isTrue();
    }

    @ParameterizedTest(name = "{0}: no detail")
    @ValueSource(strings = {"EXPORT_SUCCESS", "IMPORT_SUCCESS", "REVOKED", "SHINY_NEW_STATUS"})
    void otherTerminalStatusesCostNoExtraCall(String terminal) {
        ScriptedClient client = ScriptedClient.statuses(clock, "EXPORTING", terminal);

        WaitOutcome outcome = runToEnd(start(client, WaitPolicy.defaults()));

        assertThat(client.processCallCount()).isZero();
        assertThat(outcome.failedTasks()).isEmpty();
        assertThat(outcome.snapshot().apiCalls()).isEqualTo(2);
        assertThat(outcome.message()).doesNotContain("sub-task");
        assertThat(listener.snapshots).noneMatch(WaitSnapshot::failureDetailPending);
    }

    @Test
    void processWithoutFailedSubTaskSaysSo() {
        ScriptedClient client = ScriptedClient.statuses(clock, "IMPORT_ERROR")
                .withProcess(new MigrationTask("ParsePackage", "SUCCESS"));

        WaitOutcome outcome = runToEnd(start(client, WaitPolicy.defaults()));

        assertThat(outcome.result()).isEqualTo(Result.FAILED);
        assertThat(outcome.failedTasks()).isEmpty();
        assertThat(outcome.message()).endsWith("(RequestId RID-1); GetMigrationProcess reported no failed sub-task");
    }

    @Test
    void unknownTaskStatusCountsAsFailed() {
        ScriptedClient client = ScriptedClient.statuses(clock, "EXPORT_ERROR")
                .withProcess(new MigrationTask("ExportObjects", "STUCK"), new MigrationTask("Upload", "INIT"));

        WaitOutcome outcome = runToEnd(start(client, WaitPolicy.defaults()));

        assertThat(outcome.message()).endsWith("; failed sub-tasks: ExportObjects STUCK");
    }

    // ---- budget --------------------------------------------------------------------------------

    @Test
    void budgetSpentByTheTerminalPollMeansNoDetailAndTheVerdictStands() {
        ScriptedClient client = ScriptedClient.statuses(clock, "IMPORTING", "IMPORT_ERROR");
        WaitPolicy policy = WaitPolicy.builder().maxApiCalls(2).build();

        WaitOutcome outcome = runToEnd(start(client, policy));

        assertThat(outcome.result()).as("FAILED, not TIMED_OUT: the status is known").isEqualTo(Result.FAILED);
        assertThat(client.processCallCount()).isZero();
        assertThat(outcome.snapshot().apiCalls()).isEqualTo(2);
        assertThat(outcome.failedTasks()).isEmpty();
        assertThat(outcome.message()).contains("ended with IMPORT_ERROR").endsWith(
                "; the failed sub-tasks could not be fetched: the budget of 2 API calls (maxApiCalls) is spent");
        assertThat(outcome.message(s -> s == Setting.MAX_API_CALLS ? "--max-api-calls" : s.engineName()))
                .endsWith("the budget of 2 API calls (--max-api-calls) is spent");
        assertOneLine(outcome.message());
    }

    @Test
    void budgetWithOneCallLeftPaysForTheDetail() {
        ScriptedClient client = ScriptedClient.statuses(clock, "IMPORTING", "IMPORT_ERROR").withProcess(TWO_FAILED);

        WaitOutcome outcome = runToEnd(start(client, WaitPolicy.builder().maxApiCalls(3).build()));

        assertThat(client.processCallCount()).isEqualTo(1);
        assertThat(outcome.snapshot().apiCalls()).isEqualTo(3);
        assertThat(outcome.failedTasks()).hasSize(2);
    }

    // ---- the call fails ------------------------------------------------------------------------

    static Stream<Arguments> processErrors() {
        return Stream.of(
                Arguments.of(new TransientApiException("GetMigrationProcess for migration 7 in workspace 42 failed:"
                        + " Throttling.User: Request was denied due to user flow control.", "Throttling.User", "RID-T",
                        null), "GetMigrationProcess failed: Throttling.User: Request was denied due to user flow"
                        + " control. (RequestId RID-T)"),
                Arguments.of(new AuthenticationException("GetMigrationProcess for migration 7 in workspace 42 failed:"
                        + " Forbidden.RAM: no permission\nfor dataworks:GetMigrationProcess", "Forbidden.RAM", "RID-A",
                        null), "GetMigrationProcess failed: Forbidden.RAM: no permission"),
                Arguments.of(new MigrationNotFoundException("gone", "Invalid.Migration", null, null),
                        "GetMigrationProcess failed: Invalid.Migration: gone"),
                Arguments.of(new ApiException("see https://x.aliyuncs.com/p?Signature=SeCrEt", "InternalError", null,
                        null), "GetMigrationProcess failed: InternalError: see https://x.aliyuncs.com/p"),
                Arguments.of(new UnsupportedOperationException("GetMigrationProcess is not supported by this client"),
                        "GetMigrationProcess failed: ClientFailure: unexpected java.lang.UnsupportedOperationException"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("processErrors")
    void failingCallLeavesTheVerdictAndSaysWhyInOneLine(RuntimeException error, String why) {
        ScriptedClient client = ScriptedClient.statuses(clock, "EXPORTING", "EXPORT_ERROR").withProcessError(error);

        WaitOutcome outcome = runToEnd(start(client, WaitPolicy.defaults()));

        assertThat(outcome.result()).as("never ERROR because the detail was unavailable").isEqualTo(Result.FAILED);
        assertThat(outcome.error()).isNull();
        assertThat(outcome.failedTasks()).isEmpty();
        assertThat(client.processCallCount()).as("not retried").isEqualTo(1);
        assertThat(outcome.snapshot().apiCalls()).as("a failed call counts too").isEqualTo(3);
        assertThat(outcome.message()).contains("ended with EXPORT_ERROR after 15s and 3 API calls (RequestId RID-2)"
                + "; the failed sub-tasks could not be fetched: " + why);
        assertOneLine(outcome.message());
    }

    @Test
    void failingCallUnderUnstableStaysUnstable() {
        ScriptedClient client = ScriptedClient.statuses(clock, "PARTIAL_SUCCESS")
                .withProcessError(new TransientApiException("timeout", "SDK.Timeout", null, null));

        WaitOutcome outcome = runToEnd(start(client,
                WaitPolicy.builder().partialSuccess(PartialSuccessPolicy.UNSTABLE).build()));

        assertThat(outcome.result()).isEqualTo(Result.UNSTABLE);
        assertThat(outcome.message()).contains("accepted as unstable", "could not be fetched: GetMigrationProcess"
                + " failed: SDK.Timeout: timeout");
    }

    // ---- pacing --------------------------------------------------------------------------------

    @Test
    void detailCallTakesASlotFromThePacer() {
        ScriptedClient client = ScriptedClient.statuses(clock, "IMPORTING", "IMPORT_ERROR").withProcess(TWO_FAILED);
        AtomicInteger reserved = new AtomicInteger();
        List<Duration> answers = new ArrayList<>(List.of(Duration.ZERO, Duration.ZERO, Duration.ofSeconds(4)));
        CallPacer pacer = () -> {
            reserved.incrementAndGet();
            return answers.isEmpty() ? Duration.ZERO : answers.remove(0);
        };

        WaitOutcome outcome = runToEnd(start(client, WaitPolicy.defaults(), pacer));

        assertThat(reserved).as("two polls and the detail, each asked once").hasValue(3);
        assertThat(client.processCalls()).singleElement().extracting(ScriptedClient.Call::at)
                .as("moved to its slot on the scheduler").isEqualTo(t0.plusSeconds(15 + 4));
        assertThat(outcome.result()).isEqualTo(Result.FAILED);
        assertThat(outcome.failedTasks()).hasSize(2);
        // The move to the slot was persisted before it, with the detail still pending.
        WaitSnapshot moved = listener.snapshots.get(listener.snapshots.size() - 2);
        assertThat(moved.failureDetailPending()).isTrue();
        assertThat(moved.nextPollAt()).isEqualTo(t0.plusSeconds(19));
    }

    @Test
    void slotAfterTheDeadlineMeansNoDetailAndTheVerdictStands() {
        ScriptedClient client = ScriptedClient.statuses(clock, "IMPORTING", "IMPORT_ERROR");
        AtomicInteger n = new AtomicInteger();
        CallPacer pacer = () -> n.incrementAndGet() <= 2 ? Duration.ZERO : Duration.ofMinutes(5);
        WaitPolicy policy = WaitPolicy.builder().timeout(Duration.ofMinutes(1)).build();

        WaitOutcome outcome = runToEnd(start(client, policy, pacer));

        assertThat(outcome.result()).isEqualTo(Result.FAILED);
        assertThat(client.processCallCount()).isZero();
        assertThat(outcome.snapshot().apiCalls()).isEqualTo(2);
        assertThat(outcome.message()).endsWith("; the failed sub-tasks could not be fetched: the rate limit shared by"
                + " the waits of its AccessKey allows the next call only 4m15s after the deadline");
    }

    @Test
    void failingPacerMeansNoDetailAndTheVerdictStands() {
        ScriptedClient client = ScriptedClient.statuses(clock, "EXPORT_ERROR");
        AtomicInteger n = new AtomicInteger();
        CallPacer pacer = () -> {
            if (n.incrementAndGet() > 1) {
                throw new IllegalStateException("limiter closed");
            }
            return Duration.ZERO;
        };

        WaitOutcome outcome = runToEnd(start(client, WaitPolicy.defaults(), pacer));

        assertThat(outcome.result()).isEqualTo(Result.FAILED);
        assertThat(outcome.error()).isNull();
        assertThat(client.processCallCount()).isZero();
        assertThat(outcome.message()).contains("; the failed sub-tasks could not be fetched: the call pacer failed: ",
                "limiter closed");
    }

    @Test
    void cancelWhileTheDetailWaitsForItsSlotCancels() {
        ScriptedClient client = ScriptedClient.statuses(clock, "EXPORT_ERROR");
        AtomicInteger n = new AtomicInteger();
        CallPacer pacer = () -> n.incrementAndGet() == 1 ? Duration.ZERO : Duration.ofSeconds(30);
        WaitHandle handle = start(client, WaitPolicy.defaults(), pacer);
        scheduler.runNext(); // the poll that sees EXPORT_ERROR
        scheduler.runNext(); // the detail, moved to its slot

        handle.cancel();
        scheduler.runUntilIdle(100);

        assertThat(handle.outcome().join().result()).isEqualTo(Result.CANCELLED);
        assertThat(handle.outcome().join().message()).contains("last status EXPORT_ERROR");
        assertThat(client.processCallCount()).isZero();
    }

    // ---- restart -------------------------------------------------------------------------------

    /** Runs a wait until it has seen IMPORT_ERROR and persisted the pending detail, then drops it. */
    private WaitSnapshot pendingSnapshot(WaitPolicy policy) throws Exception {
        ScriptedClient before = ScriptedClient.statuses(clock, "IMPORTING", "IMPORT_ERROR");
        start(before, policy);
        scheduler.runNext();
        scheduler.runNext();
        WaitSnapshot pending = listener.lastSnapshot();
        assertThat(pending.failureDetailPending()).isTrue();
        assertThat(pending.lastStatus()).isEqualTo("IMPORT_ERROR");
        assertThat(before.processCallCount()).as("the controller went down before the call").isZero();
        return SnapshotPersistenceTest.deserialize(SnapshotPersistenceTest.serialize(pending));
    }

    @Test
    void resumedWithTheDetailPendingFetchesItOnceWithoutPollingAgain() throws Exception {
        WaitSnapshot restored = pendingSnapshot(WaitPolicy.defaults());
        clock.advance(Duration.ofMinutes(10));
        ManualScheduler fresh = new ManualScheduler(clock);
        ScriptedClient after = ScriptedClient.statuses(clock, "IMPORT_ERROR").withProcess(TWO_FAILED);
        RecordingListener resumedListener = new RecordingListener();

        WaitHandle resumed = new MigrationWaiter(after, fresh, DIRECT, clock, FixedRandom.MIDDLE)
                .resume(restored, resumedListener);
        fresh.runUntilIdle(100);

        WaitOutcome outcome = resumed.outcome().join();
        assertThat(outcome.result()).isEqualTo(Result.FAILED);
        assertThat(after.callCount()).as("the terminal status is known: no poll").isZero();
        assertThat(after.processCallCount()).isEqualTo(1);
        assertThat(outcome.failedTasks()).containsExactly(TWO_FAILED[1], TWO_FAILED[2]);
        assertThat(outcome.snapshot().apiCalls()).isEqualTo(3);
        assertThat(outcome.summary()).as("no poll, so no summary").isNull();
        assertThat(outcome.message()).contains("ended with IMPORT_ERROR", "3 API calls")
                .endsWith("; failed sub-tasks: ParsePackage FAILURE, ImportObjects FAILURE");
        assertThat(resumedListener.finished).hasSize(1);
    }

    @Test
    void resumedAfterTheDeadlineStillFetchesTheDetail() throws Exception {
        WaitSnapshot restored = pendingSnapshot(WaitPolicy.builder().timeout(Duration.ofMinutes(1)).build());
        clock.advance(Duration.ofHours(1));
        ManualScheduler fresh = new ManualScheduler(clock);
        ScriptedClient after = ScriptedClient.statuses(clock, "IMPORT_ERROR");

        WaitHandle resumed = new MigrationWaiter(after, fresh, DIRECT, clock, FixedRandom.MIDDLE)
                .resume(restored, WaitListener.NONE);
        fresh.runUntilIdle(100);

        assertThat(resumed.outcome().join().result()).isEqualTo(Result.FAILED);
        assertThat(after.processCallCount()).isEqualTo(1);
        assertThat(after.callCount()).isZero();
    }

    @Test
    void resumedWithTheDetailPendingAndNoBudgetLeftFailsWithoutACall() throws Exception {
        // Budget 3: the pending snapshot has 2 calls; the snapshot is then resumed under a policy
        // whose budget the two calls spend (as a corrupted or hand-edited one might be).
        WaitSnapshot pending = pendingSnapshot(WaitPolicy.builder().maxApiCalls(3).build());
        WaitSnapshot spent = new WaitSnapshot(pending.ref(), pending.policy().toBuilder().maxApiCalls(2).build(),
                pending.startedAt(), pending.deadline(), pending.nextPollAt(), pending.currentInterval(),
                pending.apiCalls(), 0, pending.lastStatus(), pending.lastStatusChangeAt(), pending.lastRequestId(),
                pending.lastHeartbeatAt(), false, true);
        ManualScheduler fresh = new ManualScheduler(clock);
        ScriptedClient after = ScriptedClient.statuses(clock, "IMPORT_ERROR");

        WaitHandle resumed = new MigrationWaiter(after, fresh, DIRECT, clock, FixedRandom.MIDDLE)
                .resume(spent, WaitListener.NONE);
        fresh.runUntilIdle(100);

        WaitOutcome outcome = resumed.outcome().join();
        assertThat(outcome.result()).as("FAILED, not TIMED_OUT").isEqualTo(Result.FAILED);
        assertThat(after.callCount() + after.processCallCount()).isZero();
        assertThat(outcome.message()).endsWith("could not be fetched: the budget of 2 API calls (maxApiCalls) is spent");
    }

    @Test
    void pendingSnapshotWithoutStatusIsRefused() {
        WaitSnapshot s = WaitSnapshot.initial(REF, WaitPolicy.defaults(), t0);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new WaitSnapshot(s.ref(), s.policy(), s.startedAt(),
                s.deadline(), s.nextPollAt(), s.currentInterval(), 1, 0, null, null, null, s.lastHeartbeatAt(), false,
                true)).hasMessageStartingWith("snapshot.lastStatus is missing");
    }
}
