package io.jenkins.plugins.dataworks.engine.migrate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.jenkins.plugins.dataworks.engine.client.DataWorksClient;
import io.jenkins.plugins.dataworks.engine.client.ExportSpec;
import io.jenkins.plugins.dataworks.engine.client.MigrationPage;
import io.jenkins.plugins.dataworks.engine.client.MigrationRef;
import io.jenkins.plugins.dataworks.engine.client.MigrationSummary;
import io.jenkins.plugins.dataworks.engine.client.MigrationType;
import io.jenkins.plugins.dataworks.engine.error.ApiException;
import io.jenkins.plugins.dataworks.engine.error.DataWorksException;
import io.jenkins.plugins.dataworks.engine.error.TransientApiException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * The launcher's last words: the situations in which it cannot tell whether a migration exists or
 * runs, which the emulator never produces (a service that never answers, a listing that disagrees
 * with the name check, a start that is refused), scripted call by call.
 */
class MigrationLauncherGiveUpTest {

    static final long PROJECT = 10001;
    static final MigrationRef REF = new MigrationRef(PROJECT, 20077);

    /** A client whose every call is scripted; calls not scripted fail the test. */
    static final class Script implements DataWorksClient {
        final Deque<Supplier<Object>> answers = new ArrayDeque<>();
        final List<String> calls = new ArrayList<>();

        Script then(Supplier<Object> answer) {
            answers.add(answer);
            return this;
        }

        private Object next(String call) {
            calls.add(call);
            Supplier<Object> answer = answers.poll();
            if (answer == null) {
                throw new AssertionError("unscripted call " + call + " after " + calls);
            }
            return answer.get();
        }

        @Override
        public MigrationSummary getMigrationSummary(MigrationRef ref) {
            return (MigrationSummary) next("GetMigrationSummary");
        }

        @Override
        public MigrationRef createExportMigration(ExportSpec spec) {
            return (MigrationRef) next("CreateExportMigration");
        }

        @Override
        public boolean startMigration(MigrationRef ref) {
            return (Boolean) next("StartMigration");
        }

        @Override
        public MigrationPage listMigrations(long projectId, MigrationType type, int pageNumber, int pageSize) {
            return (MigrationPage) next("ListMigrations");
        }

        @Override
        public void close() {}
    }

    static Supplier<Object> fail(DataWorksException e) {
        return () -> {
            throw e;
        };
    }

    static TransientApiException readTimeout() {
        return new TransientApiException("CreateExportMigration failed: SDK.ReadTimeout: no answer", "SDK.ReadTimeout",
                null, null);
    }

    static Supplier<Object> emptyListing() {
        return () -> new MigrationPage(List.of(), 1, 100, 0, "RID-LIST");
    }

    static Supplier<Object> summary(String status) {
        return () -> new MigrationSummary(PROJECT, REF.migrationId(), "x", status, null, null, null, null, null, "RID-SUM");
    }

    final List<Duration> sleeps = new ArrayList<>();

    MigrationLauncher launcher(Script script, int retries) {
        return new MigrationLauncher(script, sleeps::add, retries);
    }

    @Test
    void aCreateThatNeverGetsAnAnswerSaysHowToCheckByHand() {
        Script script = new Script()
                .then(fail(readTimeout())).then(emptyListing())
                .then(fail(readTimeout())).then(emptyListing());

        ApiException e = catchThrowableOfType(ApiException.class,
                () -> launcher(script, 1).createExport(ExportSpec.full(PROJECT, "release_9")));

        assertThat(e.getMessage())
                .isEqualTo("CreateExportMigration of 'release_9' in workspace 10001 may have taken effect (no attempt got"
                        + " an answer; last failure: SDK.ReadTimeout): check with ListMigrations or in the DataWorks console"
                        + " whether workspace 10001 has an export migration named 'release_9'; use it, or delete it before"
                        + " running again.");
        assertThat(script.calls).containsExactly(
                "CreateExportMigration", "ListMigrations", "CreateExportMigration", "ListMigrations");
        assertThat(sleeps).as("an ambiguous failure is looked up, not waited out").isEmpty();
    }

    @Test
    void aNameTakenThatTheListingDoesNotShowIsNotGuessedAt() {
        Script script = new Script()
                .then(fail(readTimeout())).then(emptyListing())
                .then(fail(new ApiException("taken", "Invalid.Migration.NameDuplicated", "RID-DUP", null)))
                .then(emptyListing());

        ApiException e = catchThrowableOfType(ApiException.class,
                () -> launcher(script, 3).createExport(ExportSpec.full(PROJECT, "release_9")));

        assertThat(e.getMessage()).startsWith("CreateExportMigration of 'release_9' in workspace 10001 may have taken"
                + " effect (the service says the name is taken but ListMigrations does not show it; last failure:"
                + " SDK.ReadTimeout): check with ListMigrations");
        assertThat(script.calls).containsExactly(
                "CreateExportMigration", "ListMigrations", "CreateExportMigration", "ListMigrations");
    }

    @Test
    void aStartTheServiceRefusesWhileTheMigrationWaitsIsAnError() {
        Script script = new Script().then(summary("INIT")).then(() -> false).then(summary("INIT"));

        ApiException e = catchThrowableOfType(ApiException.class, () -> launcher(script, 3).start(REF));

        assertThat(e.getMessage()).isEqualTo("DataWorks did not start migration 20077 in workspace 10001 (status INIT):"
                + " StartMigration answered false; check the migration in the DataWorks console (its package, its"
                + " settings) and start it again. RequestId: RID-SUM");
        assertThat(e.errorCode()).isEqualTo("NotStarted");
        assertThat(script.calls).containsExactly("GetMigrationSummary", "StartMigration", "GetMigrationSummary");
    }

    @Test
    void aStartThatNeverGetsAnAnswerWhileTheMigrationWaitsGivesUpAfterTheRetries() {
        Script script = new Script().then(summary("INIT"))
                .then(fail(readTimeout())).then(summary("INIT"))
                .then(fail(readTimeout())).then(summary("INIT"));

        ApiException e = catchThrowableOfType(ApiException.class, () -> launcher(script, 1).start(REF));

        assertThat(e.getMessage()).isEqualTo("StartMigration for migration 20077 in workspace 10001 got no answer 2 times"
                + " (last failure: SDK.ReadTimeout) and it is still INIT: check the network, then start it again.");
        assertThat(script.calls).containsExactly("GetMigrationSummary",
                "StartMigration", "GetMigrationSummary", "StartMigration", "GetMigrationSummary");
    }

    @Test
    void aThrottledStartIsRetriedWithGrowingBackoff() {
        TransientApiException throttled = new TransientApiException("throttled", "Throttling.User", "RID-T", null);
        Script script = new Script().then(summary("INIT")).then(fail(throttled)).then(fail(throttled)).then(() -> true);

        Started started = launcher(script, 3).start(REF);

        assertThat(started.startedNow()).isTrue();
        assertThat(started.apiCalls()).isEqualTo(4);
        assertThat(sleeps).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2));
    }
}
