package io.jenkins.plugins.dataworks.engine.migrate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.jenkins.plugins.dataworks.emulator.DataWorksEmulator;
import io.jenkins.plugins.dataworks.emulator.scenario.Fault;
import io.jenkins.plugins.dataworks.emulator.scenario.Scenario;
import io.jenkins.plugins.dataworks.emulator.scenario.SecondStart;
import io.jenkins.plugins.dataworks.emulator.state.CallRecord;
import io.jenkins.plugins.dataworks.emulator.state.MigrationInfo;
import io.jenkins.plugins.dataworks.engine.auth.AccessKeyCredentials;
import io.jenkins.plugins.dataworks.engine.client.AliyunDataWorksClient;
import io.jenkins.plugins.dataworks.engine.client.ClientSettings;
import io.jenkins.plugins.dataworks.engine.client.DataWorksClient;
import io.jenkins.plugins.dataworks.engine.client.Endpoint;
import io.jenkins.plugins.dataworks.engine.client.ExportSpec;
import io.jenkins.plugins.dataworks.engine.client.ImportSpec;
import io.jenkins.plugins.dataworks.engine.client.MigrationRef;
import io.jenkins.plugins.dataworks.engine.client.MigrationSummary;
import io.jenkins.plugins.dataworks.engine.error.ApiException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The launcher against services that behave differently from Alibaba's gateway where its
 * documentation is silent: no nonce replay check, each answer to a second StartMigration, another
 * code (or none we know) for a taken name. Whatever the service does, every migration exists once,
 * is started once, and every SignatureNonce reaches the service once.
 */
class WriteSafetyTest {

    private static final String KEY_ID = "write-safety-key";
    private static final String KEY_SECRET = "write-safety-secret-value";
    private static final long SOURCE = 10001;
    private static final long TARGET = 10002;

    private final List<DataWorksEmulator> emulators = new ArrayList<>();
    private final List<DataWorksClient> clients = new ArrayList<>();
    private final List<Duration> sleeps = Collections.synchronizedList(new ArrayList<>());
    private final List<RetryNotice> notices = Collections.synchronizedList(new ArrayList<>());

    @AfterEach
    void close() {
        clients.forEach(DataWorksClient::close);
        emulators.forEach(DataWorksEmulator::close);
    }

    private DataWorksEmulator emulator(Consumer<Scenario.Builder> variant) {
        Scenario.Builder scenario = Scenario.builder().accessKey(KEY_ID, KEY_SECRET).project(SOURCE).project(TARGET);
        variant.accept(scenario);
        DataWorksEmulator emulator = DataWorksEmulator.builder().scenario(scenario.build()).build().start();
        emulators.add(emulator);
        return emulator;
    }

    private DataWorksClient client(DataWorksEmulator emulator) {
        DataWorksClient client = AliyunDataWorksClient.create(
                ClientSettings.of(Endpoint.override("cn-shanghai", emulator.endpoint().toString())),
                AccessKeyCredentials.of(KEY_ID, KEY_SECRET));
        clients.add(client);
        return client;
    }

    private MigrationLauncher launcher(DataWorksClient client) {
        return new MigrationLauncher(client, sleeps::add, 3, notices::add);
    }

    private static List<MigrationInfo> named(DataWorksEmulator emulator, String name) {
        return emulator.migrations().stream().filter(m -> m.name().equals(name)).toList();
    }

    private static void assertEachNonceOnce(DataWorksEmulator emulator) {
        List<String> nonces = emulator.calls().stream().map(c -> c.params().get("SignatureNonce")).toList();
        assertThat(Set.copyOf(nonces)).as("nonces of %s", emulator.calls()).hasSameSizeAs(nonces);
    }

    private static long calls(DataWorksEmulator emulator, String action) {
        return emulator.calls().stream().filter(c -> c.action().equals(action)).count();
    }

    // --- 1. a lost answer, a service without replay check: no write is repeated below the launcher ---

    @Test
    void lostAnswersOfEveryWriteLeaveOneMigrationPerNameStartedOnce() {
        DataWorksEmulator emu = emulator(s -> s.checkNonces(false).secondStart(SecondStart.RUN_AGAIN)
                .fault(Fault.performedNoAnswer().onAction("CreateExportMigration"))
                .fault(Fault.performedNoAnswer().onAction("CreateImportMigration"))
                .fault(Fault.performedNoAnswer().onAction("StartMigration").times(2)));
        MigrationLauncher launcher = launcher(client(emu));

        Launched export = launcher.createExport(ExportSpec.full(SOURCE, "release-7"));
        Started exportStarted = launcher.start(export.ref());
        Launched imported = launcher.createImport(ImportSpec.of(TARGET, "release-7"), grant -> {});
        Started importStarted = launcher.start(imported.ref());

        assertThat(List.of(export.foundByName(), imported.foundByName())).containsExactly(true, true);
        assertThat(List.of(exportStarted.startedNow(), importStarted.startedNow())).containsExactly(false, false);
        assertThat(named(emu, "release-7")).hasSize(2).allSatisfy(m -> assertThat(m.starts()).isEqualTo(1));
        assertThat(calls(emu, "CreateExportMigration")).isEqualTo(1);
        assertThat(calls(emu, "CreateImportMigration")).isEqualTo(1);
        assertThat(calls(emu, "StartMigration")).isEqualTo(2);
        assertEachNonceOnce(emu);
        assertThat(sleeps).isEmpty();
    }

    // --- 2. a second start: whatever DataWorks would do, it is not asked ---

    @ParameterizedTest
    @EnumSource(SecondStart.class)
    void aSecondStartReadsTheStatusAndSendsNothing(SecondStart behaviour) {
        DataWorksEmulator emu = emulator(s -> s.secondStart(behaviour));
        MigrationLauncher launcher = launcher(client(emu));
        Launched export = launcher.createExport(ExportSpec.full(SOURCE, "twice"));
        Started first = launcher.start(export.ref());

        Started second = launcher.start(export.ref());

        assertThat(first.startedNow()).isTrue();
        assertThat(second.startedNow()).isFalse();
        assertThat(second.status()).isEqualTo("EXPORTING");
        assertThat(second.apiCalls()).as("one GetMigrationSummary").isEqualTo(1);
        assertThat(calls(emu, "StartMigration")).isEqualTo(1);
        assertThat(emu.migration(export.ref().migrationId()).starts()).isEqualTo(1);
    }

    /** Someone else starts the migration between the status read and the StartMigration call. */
    @ParameterizedTest
    @EnumSource(value = SecondStart.class, names = {"ANSWER_FALSE", "REFUSE"})
    void aStartRacedBySomeoneElseIsDecidedByTheStatus(SecondStart behaviour) {
        DataWorksEmulator emu = emulator(s -> s.secondStart(behaviour));
        DataWorksClient someoneElse = client(emu);
        DataWorksClient ours = client(emu);
        MigrationRef ref = launcher(ours).createExport(ExportSpec.full(SOURCE, "raced")).ref();
        DataWorksClient racing = new DataWorksClient() {
            @Override
            public MigrationSummary getMigrationSummary(MigrationRef r) {
                return ours.getMigrationSummary(r);
            }

            @Override
            public boolean startMigration(MigrationRef r) {
                someoneElse.startMigration(r);
                return ours.startMigration(r);
            }

            @Override
            public void close() {}
        };

        Started started = launcher(racing).start(ref);

        assertThat(started.startedNow()).isFalse();
        assertThat(started.status()).isEqualTo("EXPORTING");
        assertThat(started.apiCalls()).as("GetMigrationSummary, StartMigration, GetMigrationSummary").isEqualTo(3);
        assertThat(emu.migration(ref.migrationId()).starts()).isEqualTo(1);
    }

    // --- 3. names: looked up before anything is made, and after a refusal whatever its code ---

    @Test
    void aNameTakenByEitherTypeIsFoundBeforeAnythingIsMade() {
        DataWorksEmulator emu = emulator(s -> {});
        MigrationLauncher launcher = launcher(client(emu));
        launcher.createExport(ExportSpec.full(TARGET, "by-export"));
        launcher.createImport(ImportSpec.of(SOURCE, "by-import"), grant -> {});
        long before = emu.calls().size();

        ApiException byExport = catchThrowableOfType(ApiException.class, () -> launcher.requireFreeName(TARGET, "by-export"));
        ApiException byImport = catchThrowableOfType(ApiException.class, () -> launcher.requireFreeName(SOURCE, "by-import"));
        int free = launcher.requireFreeName(SOURCE, "by-export");

        assertThat(byExport.getMessage()).startsWith("a migration named 'by-export' already exists in workspace 10002;"
                + " choose another name. RequestId: ");
        assertThat(byImport.getMessage()).startsWith("a migration named 'by-import' already exists in workspace 10001;");
        assertThat(free).as("ListMigrations of exports, then of imports").isEqualTo(2);
        assertThat(emu.calls().subList((int) before, emu.calls().size())).extracting(CallRecord::action)
                .containsOnly("ListMigrations");
    }

    @Test
    void aTakenNameAnsweredWithAnUnknownCodeIsRecognisedByTheLookup() {
        DataWorksEmulator emu = emulator(s -> s.duplicateNameCode("InvalidParameter"));
        MigrationLauncher launcher = launcher(client(emu));
        launcher.createImport(ImportSpec.of(SOURCE, "taken"), grant -> {});

        ApiException e = catchThrowableOfType(ApiException.class,
                () -> launcher.createExport(ExportSpec.full(SOURCE, "taken")));

        assertThat(e.getMessage()).startsWith("a migration named 'taken' already exists in workspace 10001; choose another name.");
        assertThat(e.errorCode()).isEqualTo("InvalidParameter");
        assertThat(named(emu, "taken")).hasSize(1);
    }

    @Test
    void anotherRefusalOfACreateIsReportedAsItIsAfterTheLookup() {
        DataWorksEmulator emu = emulator(s -> s.fault(Fault.error(400, "InvalidParameter.ExportObjectStatus",
                "The workspace is not in standard mode.").onAction("CreateExportMigration")));
        MigrationLauncher launcher = launcher(client(emu));

        ApiException e = catchThrowableOfType(ApiException.class,
                () -> launcher.createExport(ExportSpec.full(SOURCE, "refused")));

        assertThat(e.getMessage()).startsWith("CreateExportMigration of 'refused' in workspace 10001 failed:"
                + " InvalidParameter.ExportObjectStatus (HTTP 400): The workspace is not in standard mode.");
        assertThat(calls(emu, "ListMigrations")).as("one lookup: exports, then imports").isEqualTo(2);
        assertThat(named(emu, "refused")).isEmpty();
    }

    // --- 4. every retry says so before it is made ---

    @Test
    void everyRetriedWriteIsReportedInOneLine() {
        DataWorksEmulator emu = emulator(s -> s
                .fault(Fault.throttling("Throttling.User").onAction("CreateImportMigration").times(2))
                .fault(Fault.internalError().onAction("CreateExportMigration"))
                .fault(Fault.throttling("Throttling.Api").onAction("StartMigration")));
        MigrationLauncher launcher = launcher(client(emu));

        Launched export = launcher.createExport(ExportSpec.full(SOURCE, "noisy"));
        launcher.start(export.ref());
        launcher.createImport(ImportSpec.of(TARGET, "noisy"), grant -> {});

        String exportRef = export.ref().toString();
        assertThat(notices).extracting(RetryNotice::line).containsExactly(
                "CreateExportMigration of 'noisy' in workspace 10001 got no answer (InternalError.System) and"
                        + " ListMigrations does not show it; retrying at once, attempt 2 of 4",
                "StartMigration for " + exportRef + " throttled (Throttling.Api); retrying in 1s, attempt 2 of 4",
                "CreateImportMigration of 'noisy' in workspace 10002 throttled (Throttling.User); retrying in 1s, attempt 2 of 4",
                "CreateImportMigration of 'noisy' in workspace 10002 throttled (Throttling.User); retrying in 2s, attempt 3 of 4");
        assertThat(sleeps).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofSeconds(2));
        assertThat(notices.stream().map(RetryNotice::line).collect(Collectors.joining())).doesNotContain(KEY_SECRET);
    }
}
