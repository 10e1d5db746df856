package io.jenkins.plugins.dataworks.engine.wait;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.jenkins.plugins.dataworks.emulator.MutableClock;
import io.jenkins.plugins.dataworks.emulator.junit.DataWorksEmulatorExtension;
import io.jenkins.plugins.dataworks.emulator.scenario.Fault;
import io.jenkins.plugins.dataworks.emulator.scenario.MigrationSpec;
import io.jenkins.plugins.dataworks.emulator.scenario.Scenario;
import io.jenkins.plugins.dataworks.emulator.scenario.Timeline;
import io.jenkins.plugins.dataworks.engine.auth.AccessKeyCredentials;
import io.jenkins.plugins.dataworks.engine.client.AliyunDataWorksClient;
import io.jenkins.plugins.dataworks.engine.client.ClientSettings;
import io.jenkins.plugins.dataworks.engine.client.DataWorksClient;
import io.jenkins.plugins.dataworks.engine.client.Endpoint;
import io.jenkins.plugins.dataworks.engine.client.MigrationRef;
import io.jenkins.plugins.dataworks.engine.client.MigrationSummary;
import io.jenkins.plugins.dataworks.engine.client.MigrationTask;
import io.jenkins.plugins.dataworks.engine.error.AuthenticationException;
import io.jenkins.plugins.dataworks.engine.error.QuotaExceededException;
import io.jenkins.plugins.dataworks.engine.error.TransientApiException;
import io.jenkins.plugins.dataworks.engine.ratelimit.RateLimiter;
import io.jenkins.plugins.dataworks.engine.wait.WaitOutcome.Result;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The waiter end to end: the real SDK-backed client over real HTTP to the emulator. Time is the
 * emulator's MutableClock, moved by the manual scheduler; polls run on the test thread (direct
 * executor), so every run takes the same path.
 */
class WaiterEmulatorE2ETest {

    private static final String KEY_ID = "waiter-e2e-key";
    private static final String KEY_SECRET = "waiter-e2e-secret-value";
    private static final long PROJECT = 10001;
    private static final long TIMELINE = 20001;
    private static final long FAILING = 20002;
    private static final long THROTTLED = 20003;
    private static final long ENDLESS = 20004;
    private static final Executor DIRECT = Runnable::run;

    @RegisterExtension
    final DataWorksEmulatorExtension emulator = DataWorksEmulatorExtension.withScenario(Scenario.builder()
            .accessKey(KEY_ID, KEY_SECRET)
            .project(PROJECT)
            .migration(MigrationSpec.export(TIMELINE, PROJECT, "timeline").timeline(Timeline.startingAt("INIT")
                    .thenAfter(Duration.ofMinutes(1), "EXPORTING").thenAfter(Duration.ofMinutes(6), "EXPORT_SUCCESS")))
            .migration(MigrationSpec.export(FAILING, PROJECT, "failing").timeline(Timeline.startingAt("EXPORTING")
                    .thenAfter(Duration.ofMinutes(2), "EXPORT_ERROR")))
            .migration(MigrationSpec.export(THROTTLED, PROJECT, "throttled").timeline(Timeline.export(1, 2)))
            .migration(MigrationSpec.export(ENDLESS, PROJECT, "endless").timeline(Timeline.fixed("EXPORTING")))
            .build());

    private MutableClock clock;
    private ManualScheduler scheduler;
    private DataWorksClient client;
    private final RecordingListener listener = new RecordingListener();

    @BeforeEach
    void connect() {
        clock = emulator.clock();
        scheduler = new ManualScheduler(clock, clock::set);
        client = clientWith(KEY_SECRET);
    }

    @AfterEach
    void disconnect() {
        client.close();
    }

    private DataWorksClient clientWith(String secret) {
        return AliyunDataWorksClient.create(
                ClientSettings.of(Endpoint.override("cn-shanghai", emulator.endpoint().toString())),
                AccessKeyCredentials.of(KEY_ID, secret));
    }

    private WaitHandle start(DataWorksClient c, long migrationId, WaitPolicy policy) {
        return new MigrationWaiter(c, scheduler, DIRECT, clock, FixedRandom.MIDDLE)
                .start(new MigrationRef(PROJECT, migrationId), policy, listener);
    }

    private long summaryCalls(long migrationId) {
        return emulator.emulator().callCount("GetMigrationSummary", migrationId);
    }

    @Test
    void timelineInitExportingExportSuccess() {
        WaitHandle handle = start(client, TIMELINE, WaitPolicy.defaults());

        scheduler.runUntilIdle(1_000);

        WaitOutcome outcome = handle.outcome().join();
        assertThat(outcome.result()).isEqualTo(Result.SUCCESS);
        assertThat(listener.changes).extracting(RecordingListener.StatusChange::current)
                .containsExactly("INIT", "EXPORTING", "EXPORT_SUCCESS");
        // Default schedule, no jitter: 0, 15, 37.5, 71.3, 121.9, 197.8, 311.7, 461.7 s -> EXPORTING at 71.3 s,
        // EXPORT_SUCCESS (due at 6 min) seen at 461.7 s.
        assertThat(listener.changes.get(1).elapsed()).isEqualTo(Duration.ofMillis(71_250));
        assertThat(outcome.snapshot().apiCalls()).isEqualTo(8);
        assertThat(summaryCalls(TIMELINE)).isEqualTo(8);
        assertThat(outcome.summary().downloadUrl()).as("the emulator hands out a signed URL").contains("Signature=");
        assertThat(outcome.message()).startsWith("migration 20001 in workspace 10001 reached EXPORT_SUCCESS after 7m41s")
                .contains("RequestId " + outcome.summary().requestId())
                .doesNotContain("Signature", "OSSAccessKeyId", KEY_SECRET);
        assertThat(outcome.summary().requestId()).isNotBlank();
    }

    @Test
    void exportErrorFailsTheWait() {
        WaitHandle handle = start(client, FAILING, WaitPolicy.defaults());

        scheduler.runUntilIdle(1_000);

        WaitOutcome outcome = handle.outcome().join();
        assertThat(outcome.result()).isEqualTo(Result.FAILED);
        // Polls at 0, 15, 37.5, 71.3, 121.9 s: the fifth is the first after EXPORT_ERROR (due at 2 min);
        // then one GetMigrationProcess names the failed sub-task, and counts as a call.
        assertThat(summaryCalls(FAILING)).isEqualTo(5);
        assertThat(emulator.emulator().callCount("GetMigrationProcess", FAILING)).isEqualTo(1);
        assertThat(outcome.snapshot().apiCalls()).isEqualTo(6);
        assertThat(outcome.failedTasks()).extracting(MigrationTask::name, MigrationTask::status)
                .containsExactly(tuple("ExportObjects", "FAILURE"));
        assertThat(outcome.message()).startsWith("migration 20002 in workspace 10001 ended with EXPORT_ERROR after 2m1s"
                + " and 6 API calls (RequestId ").endsWith("; failed sub-tasks: ExportObjects FAILURE");
    }

    @Test
    void failedProcessCallLeavesTheVerdictAndSaysWhy() {
        emulator.emulator().inject(Fault.throttling("Throttling.User").onAction("GetMigrationProcess")
                .onMigration(FAILING).always());
        WaitHandle handle = start(client, FAILING, WaitPolicy.defaults());

        scheduler.runUntilIdle(1_000);

        WaitOutcome outcome = handle.outcome().join();
        assertThat(outcome.result()).isEqualTo(Result.FAILED);
        assertThat(outcome.error()).isNull();
        assertThat(outcome.failedTasks()).isEmpty();
        assertThat(emulator.emulator().callCount("GetMigrationProcess", FAILING)).as("never retried").isEqualTo(1);
        assertThat(outcome.snapshot().apiCalls()).isEqualTo(6);
        assertThat(outcome.message()).contains("ended with EXPORT_ERROR",
                "; the failed sub-tasks could not be fetched: GetMigrationProcess failed: ", "Throttling.User")
                .doesNotContain("\n", KEY_SECRET);
    }

    @Test
    void throttlingBurstIsRetriedThenSucceeds() {
        emulator.emulator().inject(Fault.throttling("Throttling.User").onAction("GetMigrationSummary")
                .onMigration(THROTTLED).times(3));
        WaitHandle handle = start(client, THROTTLED, WaitPolicy.builder().maxConsecutiveErrors(4).build());

        scheduler.runUntilIdle(1_000);

        WaitOutcome outcome = handle.outcome().join();
        assertThat(outcome.result()).isEqualTo(Result.SUCCESS);
        assertThat(listener.retries).extracting(RecordingListener.Retry::consecutiveErrors).containsExactly(1, 2, 3);
        // Full jitter at its middle: half the ceiling of 15, 30 and 60 s.
        assertThat(listener.retries).extracting(RecordingListener.Retry::retryIn)
                .containsExactly(Duration.ofMillis(7_500), Duration.ofSeconds(15), Duration.ofSeconds(30));
        // 3 throttled calls, then INIT, EXPORTING, EXPORT_SUCCESS.
        assertThat(summaryCalls(THROTTLED)).isEqualTo(outcome.snapshot().apiCalls()).isEqualTo(6);
    }

    @Test
    void throttlingBeyondTheLimitEndsWithTheTransientError() {
        emulator.emulator().inject(Fault.throttling("Throttling.System").onAction("GetMigrationSummary")
                .onMigration(THROTTLED).always());
        WaitHandle handle = start(client, THROTTLED, WaitPolicy.builder().maxConsecutiveErrors(3).build());

        scheduler.runUntilIdle(1_000);

        WaitOutcome outcome = handle.outcome().join();
        assertThat(outcome.result()).isEqualTo(Result.ERROR);
        assertThat(outcome.message()).contains("gave up after 3 transient errors in a row", "Throttling.System");
        assertThat(summaryCalls(THROTTLED)).isEqualTo(3);
    }

    @Test
    void dailyLimitEndsTheWaitAtOnce() {
        emulator.emulator().inject(Fault.throttling("Throttling.Api.Risk").onAction("GetMigrationSummary").always());
        WaitHandle handle = start(client, TIMELINE, WaitPolicy.defaults());

        scheduler.runUntilIdle(1_000);

        WaitOutcome outcome = handle.outcome().join();
        assertThat(outcome.result()).isEqualTo(Result.ERROR);
        assertThat(outcome.error()).isInstanceOf(QuotaExceededException.class);
        assertThat(summaryCalls(TIMELINE)).isEqualTo(1);
    }

    @Test
    void wrongSecretEndsTheWaitAtOnceWithoutShowingIt() {
        try (DataWorksClient wrong = clientWith("not-the-right-secret-value")) {
            WaitHandle handle = start(wrong, TIMELINE, WaitPolicy.defaults());

            scheduler.runUntilIdle(1_000);

            WaitOutcome outcome = handle.outcome().join();
            assertThat(outcome.result()).isEqualTo(Result.ERROR);
            assertThat(outcome.error()).isInstanceOf(AuthenticationException.class);
            assertThat(outcome.message()).doesNotContain("not-the-right-secret-value").doesNotContain("\n");
            assertThat(outcome.snapshot().apiCalls()).isEqualTo(1);
        }
    }

    @Test
    void cancelStopsPollingTheService() {
        WaitHandle handle = start(client, ENDLESS, WaitPolicy.defaults());
        scheduler.runNext();
        scheduler.runNext();
        assertThat(summaryCalls(ENDLESS)).isEqualTo(2);

        handle.cancel();
        scheduler.advance(Duration.ofHours(3));

        assertThat(handle.outcome().join().result()).isEqualTo(Result.CANCELLED);
        assertThat(summaryCalls(ENDLESS)).isEqualTo(2);
        assertThat(listener.finished).hasSize(1);
    }

    @Test
    void waitsSharingTheRateLimitOfTheirAccessKeyStayWithinItOverHttp() {
        RateLimiter limiter = new RateLimiter(5, clock);
        MigrationWaiter waiter = new MigrationWaiter(client, scheduler, DIRECT, clock, FixedRandom.MIDDLE, limiter);
        Instant start = clock.instant();
        List<WaitHandle> handles = new ArrayList<>();
        for (int i = 0; i < 40; i++) { // no jitter: all 40 want to poll at the same instants
            handles.add(waiter.start(new MigrationRef(PROJECT, TIMELINE), WaitPolicy.defaults(), WaitListener.NONE));
        }

        scheduler.runUntilIdle(10_000);

        assertThat(handles).allSatisfy(h -> assertThat(h.outcome().join().result()).isEqualTo(Result.SUCCESS));
        // The emulator's call log, stamped with its scenario clock (the virtual time the waits ran on).
        List<Instant> answered = new ArrayList<>(emulator.emulator().calls().stream()
                .filter(c -> "GetMigrationSummary".equals(c.action())).map(c -> c.at()).toList());
        answered.sort(null);
        assertThat(answered).hasSize(handles.stream().mapToInt(h -> h.outcome().join().snapshot().apiCalls()).sum());
        for (int i = 0; i + 5 < answered.size(); i++) {
            assertThat(Duration.between(answered.get(i), answered.get(i + 5)))
                    .as("6 calls from %s must span a second", answered.get(i)).isGreaterThanOrEqualTo(Duration.ofSeconds(1));
        }
        assertThat(answered.get(39)).as("the first polls of all 40, one slot each").isEqualTo(start.plusMillis(39 * 200));
    }

    @Test
    void engineWaitsOnItsOwnThreadsAgainstTheEmulator() throws Exception {
        // Real time here: EXPORT_SUCCESS comes after 2 answered polls, polled every 100 ms.
        WaitPolicy quick = WaitPolicy.builder().initialInterval(Duration.ofMillis(100))
                .maxInterval(Duration.ofMillis(100)).timeout(Duration.ofMinutes(1)).build();
        try (WaitEngine engine = WaitEngine.create(client)) {
            WaitOutcome outcome = engine.start(new MigrationRef(PROJECT, THROTTLED), quick, WaitListener.NONE)
                    .outcome().get(60, java.util.concurrent.TimeUnit.SECONDS);
            assertThat(outcome.result()).isEqualTo(Result.SUCCESS);
            assertThat(outcome.snapshot().apiCalls()).isEqualTo(3);
        }
    }

    /** A host under .invalid never resolves (RFC 6761): the SDK's real call fails with UnknownHostException. */
    private static final String UNRESOLVABLE = "https://dataworks.cn-shanghai.nowhere.invalid";

    private DataWorksClient unresolvableClient() {
        return AliyunDataWorksClient.create(ClientSettings.of(Endpoint.override("cn-shanghai", UNRESOLVABLE)),
                AccessKeyCredentials.of(KEY_ID, KEY_SECRET));
    }

    @Test
    void hostThatNeverResolvedFailsAtOnceNamingTheSettingsToCheck() {
        try (DataWorksClient nowhere = unresolvableClient()) {
            WaitHandle handle = start(nowhere, TIMELINE, WaitPolicy.defaults());

            scheduler.runUntilIdle(1_000);

            WaitOutcome outcome = handle.outcome().join();
            assertThat(outcome.result()).isEqualTo(Result.ERROR);
            assertThat(outcome.snapshot().apiCalls()).as("no retry").isEqualTo(1);
            assertThat(listener.retries).isEmpty();
            assertThat(outcome.error()).isNotInstanceOf(TransientApiException.class);
            assertThat(outcome.error().errorCode()).isEqualTo("SDK.ServerUnreachable");
            assertThat(outcome.message()).isEqualTo("migration 20001 in workspace 10001: GetMigrationSummary failed"
                    + " (no status seen yet): SDK.ServerUnreachable: unknown host dataworks.cn-shanghai.nowhere.invalid,"
                    + " and no call of this wait has reached DataWorks, so retrying will not help; check region,"
                    + " endpoint and vpc (the VPC endpoint resolves only inside an Alibaba Cloud VPC), and the proxy"
                    + " (proxy)");
            assertThat(summaryCalls(TIMELINE)).isZero();
        }
    }

    @Test
    void hostThatStopsResolvingAfterAnswersIsRetriedAsTransient() {
        // The endpoint answers the first two polls, fails to resolve for the next two, then answers again.
        try (DataWorksClient nowhere = unresolvableClient()) {
            int[] calls = {0};
            DataWorksClient flaky = new DataWorksClient() {
                @Override
                public MigrationSummary getMigrationSummary(MigrationRef ref) {
                    int n = ++calls[0];
                    return (n == 3 || n == 4 ? nowhere : client).getMigrationSummary(ref);
                }

                @Override
                public void close() {}
            };
            WaitHandle handle = start(flaky, TIMELINE, WaitPolicy.defaults());

            scheduler.runUntilIdle(1_000);

            WaitOutcome outcome = handle.outcome().join();
            assertThat(outcome.result()).isEqualTo(Result.SUCCESS);
            assertThat(listener.retries).extracting(RecordingListener.Retry::consecutiveErrors).containsExactly(1, 2);
            assertThat(outcome.snapshot().apiCalls()).isEqualTo(calls[0]);
            assertThat(summaryCalls(TIMELINE)).isEqualTo(calls[0] - 2);
        }
    }
}
