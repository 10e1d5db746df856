package io.jenkins.plugins.dataworks;

import com.cloudbees.plugins.credentials.CredentialsScope;
import com.cloudbees.plugins.credentials.SystemCredentialsProvider;
import com.cloudbees.plugins.credentials.impl.UsernamePasswordCredentialsImpl;
import hudson.model.Run;
import io.jenkins.plugins.dataworks.emulator.DataWorksEmulator;
import io.jenkins.plugins.dataworks.emulator.MutableClock;
import io.jenkins.plugins.dataworks.emulator.state.CallRecord;
import io.jenkins.plugins.dataworks.engine.client.AliyunDataWorksClient;
import io.jenkins.plugins.dataworks.engine.ratelimit.Sleeper;
import io.jenkins.plugins.dataworks.runtime.DataWorksRuntime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import org.jvnet.hudson.test.JenkinsRule;

/**
 * Points a JenkinsRule's Jenkins at the emulator on virtual time: credentials in the system store,
 * the emulator's endpoint and host allowed by the global configuration, and the plugin's runtime
 * driven by the emulator's MutableClock and a {@link ManualScheduler}.
 */
final class DataWorksTestEnvironment {

    static final String CREDENTIALS_ID = "dataworks-test";
    static final String ACCESS_KEY_ID = "test-access-key";
    static final String ACCESS_KEY_SECRET = "test-secret-7d3f9a1c-do-not-log";

    final DataWorksEmulator emulator;
    final MutableClock clock;
    final ManualScheduler scheduler;
    /**
     * Release instants the rate limiter asked single calls outside a wait (Test connection, a fresh
     * download URL) to wait for on their thread; the sleeper records instead of sleeping. Waits never
     * come here: their polls are paced on the scheduler.
     */
    final List<Instant> rateLimitReleases = new ArrayList<>();
    /** The policy and signature of every upload grant the plugin received: secrets to search for. */
    final List<String> grantSecrets = new ArrayList<>();

    private DataWorksTestEnvironment(DataWorksEmulator emulator, MutableClock clock) {
        this.emulator = emulator;
        this.clock = clock;
        this.scheduler = new ManualScheduler(clock);
    }

    /** Installs everything into the running Jenkins of {@code r}. */
    static DataWorksTestEnvironment install(JenkinsRule r, DataWorksEmulator emulator, MutableClock clock)
            throws Exception {
        return install(emulator, clock);
    }

    /**
     * Installs everything into the Jenkins that is running or starting; a restarted Jenkins needs it
     * again before Pipelines resume (see WaitForDataWorksMigrationRestartTest).
     */
    static DataWorksTestEnvironment install(DataWorksEmulator emulator, MutableClock clock) throws Exception {
        return install(emulator, clock, null);
    }

    /**
     * As {@link #install(DataWorksEmulator, MutableClock)}, with clients that wait up to
     * {@code readTimeout} (real time) for an answer; null keeps the engine's default. A restart test
     * that stops Jenkins while a call the emulator performed goes unanswered sets a long one, so
     * the call is still in flight when the controller goes down.
     */
    static DataWorksTestEnvironment install(DataWorksEmulator emulator, MutableClock clock, Duration readTimeout)
            throws Exception {
        DataWorksTestEnvironment env = new DataWorksTestEnvironment(emulator, clock);
        SystemCredentialsProvider store = SystemCredentialsProvider.getInstance();
        if (store.getCredentials().stream()
                .noneMatch(c -> c instanceof UsernamePasswordCredentialsImpl u
                        && u.getId().equals(CREDENTIALS_ID))) {
            store.getCredentials()
                    .add(new UsernamePasswordCredentialsImpl(
                            CredentialsScope.GLOBAL, CREDENTIALS_ID, "emulator", ACCESS_KEY_ID, ACCESS_KEY_SECRET));
            store.save();
        }
        DataWorksGlobalConfiguration config = DataWorksGlobalConfiguration.get();
        config.setDefaultRegion("cn-shanghai");
        config.setAllowedEndpoints(emulator.endpoint().toString());
        config.setAllowedDownloadHosts(emulator.endpoint().getHost());
        Sleeper recording = d -> {
            synchronized (env.rateLimitReleases) {
                env.rateLimitReleases.add(clock.instant().plus(d));
            }
        };
        DataWorksRuntime.get()
                .useForTesting(
                        clock,
                        env.scheduler,
                        recording,
                        (credentials, settings) -> new GrantRecordingClient(
                                AliyunDataWorksClient.create(
                                        readTimeout == null
                                                ? settings
                                                : settings.withTimeouts(settings.connectTimeout(), readTimeout),
                                        credentials,
                                        clock),
                                env.grantSecrets));
        return env;
    }

    /** The connection arguments every test step needs to reach the emulator. */
    String connection() {
        return "credentialsId: '" + CREDENTIALS_ID + "', endpoint: '" + emulator.endpoint() + "'";
    }

    /** The arguments every test step needs to reach the emulator. */
    String target(long projectId, long migrationId) {
        return "projectId: " + projectId + ", migrationId: " + migrationId + ", credentialsId: '" + CREDENTIALS_ID
                + "', endpoint: '" + emulator.endpoint() + "'";
    }

    /** Runs scheduled polls on virtual time until the build ends. */
    <R extends Run<?, ?>> R drive(R run) throws InterruptedException {
        while (run.isBuilding()) {
            scheduler.runNext(run::isBuilding);
        }
        // A run stops "building" before its log is complete: wait for the rest, so that log
        // assertions (a line that must not be there, too) read the whole log.
        awaitEvent(() -> !run.isLogUpdated(), run + " never finished its log");
        return run;
    }

    /**
     * Runs polls one at a time until the build ends, each only once the one before it has settled:
     * gone back to the scheduler (a poll the rate limiter paced), or reached the emulator and then
     * either scheduled its wait's next poll or ended its wait ({@code endsWait} tells that from the
     * emulator's record of the call: the scenario knows its timelines). So the clock never moves
     * while a call is on its way, and the time the emulator logs for each call is the time it was
     * made: the call log shows the real spacing of the calls.
     */
    <R extends Run<?, ?>> R driveOneCallAtATime(R run, Predicate<CallRecord> endsWait) throws InterruptedException {
        while (true) {
            long calls = emulator.callCount("GetMigrationSummary");
            long scheduled = scheduler.scheduledCount();
            if (!scheduler.runOne(run::isBuilding)) {
                return drive(run); // nothing left to run: only waits for the end of the log
            }
            awaitEvent(
                    () -> emulator.callCount("GetMigrationSummary") > calls || scheduler.scheduledCount() > scheduled,
                    "a poll neither called nor went back to the scheduler");
            if (emulator.callCount("GetMigrationSummary") > calls) {
                List<CallRecord> log = emulator.calls();
                if (!endsWait.test(log.get(log.size() - 1))) {
                    awaitEvent(() -> scheduler.scheduledCount() > scheduled, "a poll called but scheduled no next one");
                }
            }
        }
    }

    static void awaitEvent(BooleanSupplier happened, String otherwise) throws InterruptedException {
        awaitEvent(Duration.ofMinutes(2), happened, otherwise);
    }

    /**
     * Waits for something the Jenkins under test does on its own threads (a call, a schedule, a file
     * or the log's end). The bound only turns a hang into a failure that says {@code otherwise}.
     */
    static void awaitEvent(Duration hang, BooleanSupplier happened, String otherwise) throws InterruptedException {
        long giveUp = System.nanoTime() + hang.toNanos();
        while (!happened.getAsBoolean()) {
            if (System.nanoTime() > giveUp) {
                throw new AssertionError(otherwise);
            }
            Thread.sleep(5); // waiting for an event, not for time to pass
        }
    }

    /** Runs polls until the emulator has answered {@code calls} GetMigrationSummary calls for the migration. */
    void driveUntilCalls(long migrationId, long calls) throws InterruptedException {
        while (scheduler.runNext(() -> emulator.callCount("GetMigrationSummary", migrationId) < calls)) {
            // each round runs the next due poll
        }
    }

    static Duration seconds(long s) {
        return Duration.ofSeconds(s);
    }
}
