package io.jenkins.plugins.dataworks.engine.wait;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.dataworks.engine.client.MigrationRef;
import io.jenkins.plugins.dataworks.engine.error.InvalidInputException;
import io.jenkins.plugins.dataworks.engine.wait.WaitOutcome.Result;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InvalidClassException;
import java.io.ObjectInputFilter;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** A wait survives a "controller restart": its snapshot is serialised mid-wait and resumed elsewhere. */
class SnapshotPersistenceTest {

    private static final MigrationRef REF = new MigrationRef(42, 7);

    /** Exactly the classes a snapshot may contain; anything else in the stream is rejected. */
    static final ObjectInputFilter SNAPSHOT_CLASSES = ObjectInputFilter.Config.createFilter(
            "io.jenkins.plugins.dataworks.engine.wait.WaitSnapshot;io.jenkins.plugins.dataworks.engine.wait.WaitPolicy;"
                    + "io.jenkins.plugins.dataworks.engine.wait.PartialSuccessPolicy;"
                    + "io.jenkins.plugins.dataworks.engine.client.MigrationRef;java.time.Ser;java.time.Duration;java.time.Instant;java.lang.Enum;"
                    + "java.lang.String;maxdepth=5;!*");

    static byte[] serialize(WaitSnapshot snapshot) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(snapshot);
        }
        return bytes.toByteArray();
    }

    static WaitSnapshot deserialize(byte[] bytes) throws IOException, ClassNotFoundException {
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes))) {
            in.setObjectInputFilter(SNAPSHOT_CLASSES);
            return (WaitSnapshot) in.readObject();
        }
    }

    @Test
    void serialisedMidWaitResumedOnAFreshWaiterFinishesWithTheRightCount() throws Exception {
        TestClock clock = new TestClock();
        ManualScheduler scheduler = new ManualScheduler(clock);
        // The service hands out the signed URL with every answer: the snapshot must still not hold it.
        ScriptedClient before = ScriptedClient.statuses(clock, "INIT", "EXPORTING").withUrlOnEveryAnswer();
        RecordingListener listener = new RecordingListener();
        WaitPolicy policy = WaitPolicy.builder().partialSuccess(PartialSuccessPolicy.UNSTABLE)
                .timeout(Duration.ofHours(3)).build();
        new MigrationWaiter(before, scheduler, Runnable::run, clock, FixedRandom.MIDDLE).start(REF, policy, listener);
        for (int i = 0; i < 4; i++) {
            scheduler.runNext();
        }
        WaitSnapshot persisted = listener.lastSnapshot();
        byte[] bytes = serialize(persisted);

        // The controller is down for ten minutes; everything in memory is gone.
        clock.advance(Duration.ofMinutes(10));
        WaitSnapshot restored = deserialize(bytes);
        assertThat(restored).isEqualTo(persisted);

        ManualScheduler freshScheduler = new ManualScheduler(clock);
        ScriptedClient after = ScriptedClient.statuses(clock, "EXPORTING", "EXPORTING", "PARTIAL_SUCCESS");
        RecordingListener resumedListener = new RecordingListener();
        WaitHandle resumed = new MigrationWaiter(after, freshScheduler, Runnable::run, clock, FixedRandom.MIDDLE)
                .resume(restored, resumedListener);
        freshScheduler.runUntilIdle(100);

        WaitOutcome outcome = resumed.outcome().join();
        assertThat(outcome.result()).isEqualTo(Result.UNSTABLE);
        assertThat(before.callCount()).isEqualTo(4);
        assertThat(after.callCount()).isEqualTo(3);
        // PARTIAL_SUCCESS is worth one GetMigrationProcess, which counts like any call.
        assertThat(after.processCallCount()).isEqualTo(1);
        assertThat(outcome.snapshot().apiCalls()).isEqualTo(4 + 3 + 1);
        assertThat(outcome.snapshot().deadline()).isEqualTo(persisted.deadline());
        assertThat(outcome.message()).contains("8 API calls");
        assertThat(resumedListener.finished).hasSize(1);
    }

    /**
     * A host that writes only the snapshots worth persisting (a Pipeline rewrites its whole program
     * for each) loses nothing that matters: a wait resumed from the last one written at any point
     * ends the same way, with the same deadline, repeating fewer than MAX_UNSAVED_CALLS calls.
     */
    @Test
    void onlyTheFirstAnswerAndEveryFewCallsAreWorthPersistingAndResumingFromThemEndsTheSame() throws Exception {
        TestClock clock = new TestClock();
        ManualScheduler scheduler = new ManualScheduler(clock);
        String[] statuses = {"INIT", "EXPORTING", "EXPORTING", "EXPORTING", "EXPORTING", "EXPORTING", "EXPORTING",
            "EXPORTING", "EXPORTING", "EXPORTING", "EXPORT_SUCCESS"};
        RecordingListener listener = new RecordingListener();
        WaitPolicy policy = WaitPolicy.builder().timeout(Duration.ofHours(3)).build();
        new MigrationWaiter(ScriptedClient.statuses(clock, statuses), scheduler, Runnable::run, clock,
                FixedRandom.MIDDLE).start(REF, policy, listener);
        scheduler.runUntilIdle(100);
        WaitOutcome uninterrupted = listener.finished.get(0);

        java.util.List<WaitSnapshot> written = new java.util.ArrayList<>();
        java.util.List<WaitSnapshot> lastWrittenAt = new java.util.ArrayList<>();
        WaitSnapshot saved = null;
        for (WaitSnapshot snapshot : listener.snapshots) {
            if (snapshot.worthPersisting(saved)) {
                saved = snapshot;
                written.add(snapshot);
            }
            lastWrittenAt.add(saved);
        }
        // The first answer (INIT) and every fourth call after it; not the snapshot before the first call,
        // not the new status EXPORTING, not EXPORT_SUCCESS, with which the wait ends.
        assertThat(listener.snapshots).hasSizeGreaterThan(10);
        assertThat(written).extracting(WaitSnapshot::apiCalls).containsExactly(1, 5, 9);
        assertThat(written.get(2).worthPersisting(written.get(2))).isFalse();
        assertThat(listener.snapshots.get(listener.snapshots.size() - 1).worthPersisting(written.get(2)))
                .as("the terminal snapshot, four calls after the one saved last").isFalse();

        // Up to the terminal answer (a stop after it resumes with one more poll, whatever was written).
        for (int i = 0; i < listener.snapshots.size() - 1; i++) {
            WaitSnapshot latest = listener.snapshots.get(i);
            if (lastWrittenAt.get(i) == null) {
                assertThat(latest.apiCalls()).isZero(); // a restart then starts the wait anew
                continue;
            }
            WaitSnapshot persisted = deserialize(serialize(lastWrittenAt.get(i)));
            assertThat(persisted.deadline()).isEqualTo(latest.deadline());
            assertThat(latest.apiCalls() - persisted.apiCalls()).isLessThan(WaitSnapshot.MAX_UNSAVED_CALLS);

            // The controller stops at this point; DataWorks answers on from where the wait really was.
            int answered = latest.apiCalls();
            ScriptedClient after = ScriptedClient.statuses(clock,
                    java.util.Arrays.copyOfRange(statuses, Math.min(answered, statuses.length - 1), statuses.length));
            RecordingListener resumed = new RecordingListener();
            ManualScheduler fresh = new ManualScheduler(clock);
            WaitHandle handle = new MigrationWaiter(after, fresh, Runnable::run, clock, FixedRandom.MIDDLE)
                    .resume(persisted, resumed);
            fresh.runUntilIdle(100);
            WaitOutcome outcome = handle.outcome().join();
            assertThat(outcome.result()).isEqualTo(uninterrupted.result());
            assertThat(outcome.summary().rawStatus()).isEqualTo("EXPORT_SUCCESS");
            assertThat(outcome.snapshot().deadline()).isEqualTo(uninterrupted.snapshot().deadline());
            // Only the count lags: the calls made since the snapshot written last are not counted again.
            assertThat(uninterrupted.snapshot().apiCalls() - outcome.snapshot().apiCalls())
                    .as("calls not counted when resumed after call %d", answered)
                    .isBetween(0, WaitSnapshot.MAX_UNSAVED_CALLS - 1);
        }
    }

    @Test
    void aPendingFailureDetailIsWorthPersistingAndTheEndAfterItIsNot() {
        TestClock clock = new TestClock();
        ManualScheduler scheduler = new ManualScheduler(clock);
        RecordingListener listener = new RecordingListener();
        new MigrationWaiter(ScriptedClient.statuses(clock, "EXPORTING", "EXPORT_ERROR"), scheduler, Runnable::run, clock,
                FixedRandom.MIDDLE).start(REF, WaitPolicy.defaults(), listener);
        scheduler.runUntilIdle(100);

        WaitSnapshot first = listener.snapshots.stream().filter(s -> s.apiCalls() == 1).findFirst().orElseThrow();
        WaitSnapshot pending = listener.snapshots.stream().filter(WaitSnapshot::failureDetailPending).findFirst()
                .orElseThrow();
        WaitSnapshot last = listener.snapshots.get(listener.snapshots.size() - 1);
        assertThat(first.worthPersisting(null)).isTrue();
        assertThat(pending.worthPersisting(first)).as("a restart must still fetch the failed sub-tasks").isTrue();
        assertThat(last.failureDetailPending()).isFalse();
        assertThat(last.lastStatus()).isEqualTo("EXPORT_ERROR");
        assertThat(last.worthPersisting(pending)).as("the wait ends with it").isFalse();
    }

    @Test
    void persistedSnapshotHoldsNoSecret() throws Exception {
        TestClock clock = new TestClock();
        ManualScheduler scheduler = new ManualScheduler(clock);
        ScriptedClient client = ScriptedClient.statuses(clock, "EXPORTING").withUrlOnEveryAnswer();
        RecordingListener listener = new RecordingListener();
        new MigrationWaiter(client, scheduler, Runnable::run, clock, FixedRandom.MIDDLE)
                .start(REF, WaitPolicy.defaults(), listener);
        scheduler.runNext();
        scheduler.runNext();

        for (WaitSnapshot snapshot : listener.snapshots) {
            String stream = new String(serialize(snapshot), StandardCharsets.ISO_8859_1);
            assertThat(stream).doesNotContain("Signature", "SeCrEt", "OSSAccessKeyId", "Expires", "aliyuncs.com",
                    "AccessKey", "SecurityToken", "https://");
            assertThat(snapshot.toString()).doesNotContain("Signature", "aliyuncs.com");
        }
        assertThat(listener.snapshots).hasSize(3);
    }

    @Test
    void streamWithOtherClassesIsRefused() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(new java.util.ArrayList<>(java.util.List.of("x")));
        }
        assertThatThrownBy(() -> deserialize(bytes.toByteArray())).isInstanceOf(InvalidClassException.class);
    }

    @Test
    void incompleteSnapshotNamesTheMissingField() {
        WaitSnapshot valid = WaitSnapshot.initial(REF, WaitPolicy.defaults(), new TestClock().instant());
        assertThatThrownBy(() -> new WaitSnapshot(valid.ref(), valid.policy(), valid.startedAt(), null,
                valid.nextPollAt(), valid.currentInterval(), 0, 0, null, null, null, valid.lastHeartbeatAt(), false))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("snapshot.deadline is missing; the snapshot is corrupt: start a new wait");
    }
}
