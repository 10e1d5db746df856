package io.jenkins.plugins.dataworks.engine.migrate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

import io.jenkins.plugins.dataworks.emulator.DataWorksEmulator;
import io.jenkins.plugins.dataworks.emulator.junit.DataWorksEmulatorExtension;
import io.jenkins.plugins.dataworks.emulator.scenario.Fault;
import io.jenkins.plugins.dataworks.emulator.scenario.Scenario;
import io.jenkins.plugins.dataworks.emulator.scenario.UploadFault;
import io.jenkins.plugins.dataworks.emulator.state.MigrationInfo;
import io.jenkins.plugins.dataworks.emulator.state.UploadRecord;
import io.jenkins.plugins.dataworks.engine.auth.AccessKeyCredentials;
import io.jenkins.plugins.dataworks.engine.client.AliyunDataWorksClient;
import io.jenkins.plugins.dataworks.engine.client.ClientSettings;
import io.jenkins.plugins.dataworks.engine.client.DataWorksClient;
import io.jenkins.plugins.dataworks.engine.client.Endpoint;
import io.jenkins.plugins.dataworks.engine.client.ExportSpec;
import io.jenkins.plugins.dataworks.engine.client.ImportSpec;
import io.jenkins.plugins.dataworks.engine.client.MigrationRef;
import io.jenkins.plugins.dataworks.engine.client.MigrationStatus;
import io.jenkins.plugins.dataworks.engine.client.MigrationSummary;
import io.jenkins.plugins.dataworks.engine.client.MigrationType;
import io.jenkins.plugins.dataworks.engine.client.UploadGrant;
import io.jenkins.plugins.dataworks.engine.download.DownloadResult;
import io.jenkins.plugins.dataworks.engine.download.DownloadSettings;
import io.jenkins.plugins.dataworks.engine.download.PackageDownloader;
import io.jenkins.plugins.dataworks.engine.download.UrlRefresher;
import io.jenkins.plugins.dataworks.engine.error.ApiException;
import io.jenkins.plugins.dataworks.engine.error.DataWorksException;
import io.jenkins.plugins.dataworks.engine.error.InvalidInputException;
import io.jenkins.plugins.dataworks.engine.error.TransientApiException;
import io.jenkins.plugins.dataworks.engine.text.Setting;
import io.jenkins.plugins.dataworks.engine.upload.PackageUploader;
import io.jenkins.plugins.dataworks.engine.upload.UploadSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher end to end: the real SDK-backed client and the real uploader over real HTTP to the
 * emulator, which performs every call (and its faults) as the service would. Retries wait on a
 * recording sleeper, never on the clock; created migrations advance by polls.
 */
class MigrationLauncherEmulatorTest {

    private static final String KEY_ID = "launcher-e2e-key";
    private static final String KEY_SECRET = "launcher-e2e-secret-value";
    private static final long SOURCE = 10001;
    private static final long TARGET = 10002;

    @RegisterExtension
    final DataWorksEmulatorExtension emulator = DataWorksEmulatorExtension.withScenario(Scenario.builder()
            .accessKey(KEY_ID, KEY_SECRET)
            .project(SOURCE)
            .project(TARGET)
            .build());

    @TempDir
    Path dir;

    private final List<Duration> sleeps = Collections.synchronizedList(new ArrayList<>());
    /** Every grant the launcher handed to the transfer: their policies and signatures must never show. */
    private final List<UploadGrant> grants = Collections.synchronizedList(new ArrayList<>());
    private DataWorksClient client;
    private MigrationLauncher launcher;

    @BeforeEach
    void connect() {
        client = clientWith(Duration.ofSeconds(30));
        launcher = new MigrationLauncher(client, sleeps::add, 3);
    }

    @AfterEach
    void disconnect() {
        client.close();
    }

    private DataWorksClient clientWith(Duration readTimeout) {
        return AliyunDataWorksClient.create(
                ClientSettings.of(Endpoint.override("cn-shanghai", emulator.endpoint().toString()))
                        .withTimeouts(Duration.ofSeconds(5), readTimeout),
                AccessKeyCredentials.of(KEY_ID, KEY_SECRET));
    }

    private DataWorksEmulator emu() {
        return emulator.emulator();
    }

    private UploadSettings uploadSettings() {
        return UploadSettings.defaults().withAllowedHosts(Set.of("127.0.0.1")).withReadTimeout(Duration.ofSeconds(10));
    }

    /** The real uploader, recording the grants it is given. */
    private PackageTransfer transferOf(Path file) {
        PackageUploader uploader = new PackageUploader(uploadSettings(), file, sleeps::add);
        return grant -> {
            grants.add(grant);
            uploader.upload(grant);
        };
    }

    /** Polls until a terminal status (created migrations move by polls). */
    private MigrationSummary pollUntilDone(MigrationRef ref) {
        for (int i = 0; i < 20; i++) {
            MigrationSummary s = client.getMigrationSummary(ref);
            switch (s.status()) {
                case EXPORT_SUCCESS, EXPORT_ERROR, IMPORT_SUCCESS, IMPORT_ERROR, PARTIAL_SUCCESS, REVOKED:
                    return s;
                default:
                    break;
            }
        }
        throw new AssertionError(ref + " did not finish in 20 polls");
    }

    /** An export package as the emulator serves it: created, started, waited for, downloaded. */
    private Path exportedPackage(String name) {
        Launched export = launcher.createExport(ExportSpec.full(SOURCE, name));
        launcher.start(export.ref());
        MigrationSummary done = pollUntilDone(export.ref());
        assertThat(done.status()).isEqualTo(MigrationStatus.EXPORT_SUCCESS);
        DownloadResult result = new PackageDownloader(DownloadSettings.defaults().withAllowedHosts(Set.of("127.0.0.1")))
                .download(done.downloadUrl(), dir.resolve("downloads"), name + ".zip", UrlRefresher.NONE, null);
        return result.file();
    }

    private Path bytes(String name, int size) throws IOException {
        byte[] b = new byte[size];
        new java.util.Random(size).nextBytes(b);
        return Files.write(dir.resolve(name), b);
    }

    private List<MigrationInfo> named(String name) {
        return emu().migrations().stream().filter(m -> m.name().equals(name)).toList();
    }

    /** One line, and none of the secrets: the AccessKey secret, any grant's policy or signature. */
    private void assertSafe(DataWorksException e) {
        assertThat(e.getMessage()).doesNotContain("\n", "\r", KEY_SECRET);
        for (UploadGrant g : grants) {
            assertThat(e.getMessage()).doesNotContain(g.encodedPolicy().reveal(), g.signature().reveal());
        }
    }

    /**
     * The call whose answer was lost, and nothing after it: neither the transport (HttpURLConnection
     * would repeat a buffered POST once when the connection drops) nor the launcher sent it again.
     *
     * @param before calls of the action made before the lost one
     */
    private void assertSentOnceAfter(String action, int before) {
        List<io.jenkins.plugins.dataworks.emulator.state.CallRecord> calls = emu().calls().stream()
                .filter(c -> c.action().equals(action)).skip(before).toList();
        assertThat(calls).singleElement().satisfies(c -> assertThat(c.fault()).isEqualTo(Fault.Kind.PERFORMED_NO_ANSWER.name()));
    }

    @Test
    void exportDownloadUploadImportStartAndWaitReachesImportSuccess() {
        Path pkg = exportedPackage("release-42-export");

        Launched imported = launcher.createImport(ImportSpec.of(TARGET, "release-42-import"), transferOf(pkg));
        Started started = launcher.start(imported.ref());
        MigrationSummary done = pollUntilDone(imported.ref());

        assertThat(imported.type()).isEqualTo(MigrationType.IMPORT);
        assertThat(imported.foundByName()).isFalse();
        assertThat(imported.apiCalls()).as("ListMigrations of exports and of imports, AuthorizeFileUpload,"
                + " CreateImportMigration").isEqualTo(4);
        assertThat(started.startedNow()).isTrue();
        assertThat(started.apiCalls()).as("GetMigrationSummary, StartMigration").isEqualTo(2);
        assertThat(done.status()).isEqualTo(MigrationStatus.IMPORT_SUCCESS);
        assertThat(grants).hasSize(1);
        assertThat(emu().migration(imported.ref().migrationId()).packageFile()).isEqualTo(grants.get(0).packageFile());
        assertThat(emu().uploads()).extracting(UploadRecord::outcome).containsExactly(UploadRecord.Outcome.STORED);
        assertThat(sleeps).isEmpty();
    }

    @Test
    void aDuplicateNameOnTheFirstAttemptIsTheUsersErrorInOneLine() {
        launcher.createExport(ExportSpec.full(SOURCE, "nightly"));

        ApiException e = catchThrowableOfType(() -> launcher.createExport(ExportSpec.full(SOURCE, "nightly")),
                ApiException.class);

        assertThat(e.getMessage()).startsWith("a migration named 'nightly' already exists in workspace 10001; choose another name.");
        assertThat(e.text().settings()).contains(Setting.NAME);
        assertSafe(e);
        assertThat(emu().callCount("ListMigrations")).as("one lookup by the name decided, no recovery").isEqualTo(1);
        assertThat(named("nightly")).hasSize(1);
    }

    @Test
    void anImportNameTakenByAnExportIsRefusedBeforeTheUpload() throws IOException {
        launcher.createExport(ExportSpec.full(TARGET, "taken"));

        ApiException e = catchThrowableOfType(
                () -> launcher.createImport(ImportSpec.of(TARGET, "taken"), transferOf(bytes("p.zip", 1000))),
                ApiException.class);

        assertThat(e.getMessage()).startsWith("a migration named 'taken' already exists in workspace 10002; choose another name.");
        assertSafe(e);
        assertThat(emu().uploads()).isEmpty();
        assertThat(emu().callCount("AuthorizeFileUpload")).isZero();
        assertThat(named("taken")).hasSize(1);
    }

    @Test
    void anImportNameTakenByAnImportIsRefusedBeforeTheUpload() throws IOException {
        Launched first = launcher.createImport(ImportSpec.of(TARGET, "weekly"), transferOf(bytes("p.zip", 1000)));

        ApiException e = catchThrowableOfType(
                () -> launcher.createImport(ImportSpec.of(TARGET, "weekly"), transferOf(bytes("q.zip", 1000))),
                ApiException.class);

        assertThat(e.getMessage()).startsWith("a migration named 'weekly' already exists in workspace 10002; choose another name.");
        assertSafe(e);
        assertThat(emu().uploads()).as("only the first package was uploaded").hasSize(1);
        assertThat(emu().callCount("AuthorizeFileUpload")).isEqualTo(1);
        assertThat(named("weekly")).extracting(MigrationInfo::id).containsExactly(first.ref().migrationId());
    }

    @Test
    void badNamesAndModesAreRefusedBeforeAnyCall() {
        InvalidInputException empty = catchThrowableOfType(() -> ExportSpec.full(SOURCE, " "), InvalidInputException.class);
        InvalidInputException tooLong = catchThrowableOfType(() -> ImportSpec.of(TARGET, "n".repeat(129)),
                InvalidInputException.class);
        InvalidInputException since = catchThrowableOfType(() -> new ExportSpec(SOURCE, "inc", ExportSpec.ExportMode.FULL,
                Instant.parse("2026-01-01T00:00:00Z"), ExportSpec.ObjectStatus.SUBMITTED, null), InvalidInputException.class);
        InvalidInputException missingSince = catchThrowableOfType(() -> new ExportSpec(SOURCE, "inc",
                ExportSpec.ExportMode.INCREMENTAL, null, ExportSpec.ObjectStatus.SUBMITTED, null), InvalidInputException.class);

        assertThat(empty.field()).isEqualTo(Setting.NAME.engineName());
        assertThat(tooLong.field()).isEqualTo(Setting.NAME.engineName());
        assertThat(tooLong.getMessage()).contains("129 characters");
        assertThat(since.field()).isEqualTo(Setting.INCREMENTAL_SINCE.engineName());
        assertThat(missingSince.field()).isEqualTo(Setting.INCREMENTAL_SINCE.engineName());
        assertThat(emu().calls()).isEmpty();
    }

    @Test
    void malformedMapsAndCommitRuleAreRefusedBeforeAnyCallNamingTheField() {
        record Case(Setting field, Runnable spec) {}
        List<Case> cases = List.of(
                new Case(Setting.CALCULATE_ENGINE_MAP, () -> new ImportSpec(TARGET, "i", ImportSpec.PackageType.DATAWORKS_MODEL,
                        "{odps_first: ", null, null, null, null)),
                new Case(Setting.RESOURCE_GROUP_MAP, () -> new ImportSpec(TARGET, "i", ImportSpec.PackageType.DATAWORKS_MODEL,
                        null, "[\"a\"]", null, null, null)),
                new Case(Setting.WORKSPACE_MAP, () -> new ImportSpec(TARGET, "i", ImportSpec.PackageType.DATAWORKS_MODEL,
                        null, null, "{\"dev\": 1}", null, null)),
                new Case(Setting.COMMIT_RULE, () -> new ImportSpec(TARGET, "i", ImportSpec.PackageType.DATAWORKS_MODEL,
                        null, null, null, "{\"resourceAutoCommit\": \"yes\"}", null)),
                new Case(Setting.COMMIT_RULE, () -> new ImportSpec(TARGET, "i", ImportSpec.PackageType.DATAWORKS_MODEL,
                        null, null, null, "{\"autoCommit\": true}", null)));
        for (Case c : cases) {
            InvalidInputException e = catchThrowableOfType(c.spec()::run, InvalidInputException.class);
            assertThat(e.field()).isEqualTo(c.field().engineName());
            assertThat(e.getMessage()).doesNotContain("\n");
        }
        assertThat(emu().calls()).isEmpty();
    }

    @Test
    void aMissingEmptyOrTooLargePackageIsRefusedBeforeAnyCall() throws IOException {
        Path empty = Files.createFile(dir.resolve("empty.zip"));
        Path big = bytes("big.zip", 5000);

        List<InvalidInputException> refusals = List.of(
                catchThrowableOfType(() -> transferOf(dir.resolve("missing.zip")), InvalidInputException.class),
                catchThrowableOfType(() -> transferOf(empty), InvalidInputException.class),
                catchThrowableOfType(() -> new PackageUploader(uploadSettings().withMaxUploadBytes(4999), big),
                        InvalidInputException.class));

        assertThat(refusals).allSatisfy(e -> {
            assertThat(e.field()).isEqualTo(Setting.PACKAGE_FILE.engineName());
            assertThat(e.getMessage()).doesNotContain("\n");
        });
        assertThat(refusals.get(2).text().settings()).contains(Setting.MAX_UPLOAD_BYTES);
        assertThat(emu().calls()).isEmpty();
        assertThat(emu().uploads()).isEmpty();
    }

    @Test
    void anUploadCutMidWayIsSentAgainAsAWhole() throws IOException {
        emu().inject(UploadFault.closeAfter(100_000));
        Path pkg = bytes("cut.zip", 2_000_000);

        Launched imported = launcher.createImport(ImportSpec.of(TARGET, "after-cut"), transferOf(pkg));

        assertThat(emu().uploads()).extracting(UploadRecord::outcome)
                .containsExactly(UploadRecord.Outcome.INCOMPLETE, UploadRecord.Outcome.STORED);
        assertThat(emu().uploads().get(1).size()).isEqualTo(2_000_000);
        assertThat(imported.apiCalls()).as("the name check (two types), one grant, one create").isEqualTo(4);
        assertThat(named("after-cut")).hasSize(1);
    }

    @Test
    void anUploadCutEveryTimeFailsInOneLineAndCreatesNothing() throws IOException {
        emu().inject(UploadFault.closeAfter(50_000).always());
        Path pkg = bytes("cut.zip", 2_000_000);

        TransientApiException e = catchThrowableOfType(
                () -> launcher.createImport(ImportSpec.of(TARGET, "never"), transferOf(pkg)), TransientApiException.class);

        assertThat(e.getMessage()).startsWith("upload of 'cut.zip' (2000000 bytes) to OSS object "
                + grants.get(0).objectKey() + " (attempt 3 of 3) failed:");
        assertSafe(e);
        assertThat(emu().callCount("CreateImportMigration")).isZero();
        assertThat(named("never")).isEmpty();
    }

    @Test
    void anExpiredUploadGrantIsReplacedByAFreshOne() throws IOException {
        PackageTransfer real = transferOf(bytes("p.zip", 10_000));
        AtomicInteger uploads = new AtomicInteger();
        // The first upload starts a day after its grant was issued: OSS refuses the expired policy.
        PackageTransfer slow = grant -> {
            if (uploads.getAndIncrement() == 0) {
                emulator.clock().set(emulator.clock().instant().plus(Duration.ofDays(1)));
            }
            real.upload(grant);
        };

        Launched imported = launcher.createImport(ImportSpec.of(TARGET, "late"), slow);

        assertThat(emu().uploads()).extracting(UploadRecord::outcome, UploadRecord::code)
                .containsExactly(tuple(UploadRecord.Outcome.REJECTED, "AccessDenied"), tuple(UploadRecord.Outcome.STORED, null));
        assertThat(emu().callCount("AuthorizeFileUpload")).isEqualTo(2);
        assertThat(grants).hasSize(2);
        assertThat(grants.get(1).objectKey()).isNotEqualTo(grants.get(0).objectKey());
        assertThat(emu().migration(imported.ref().migrationId()).packageFile()).isEqualTo(grants.get(1).packageFile());
        assertThat(imported.apiCalls()).as("the name check (two types), two grants, one create").isEqualTo(5);
    }

    @Test
    void anOtherUploadRefusalIsPermanentAndNeedsNoFreshGrant() throws IOException {
        emu().inject(UploadFault.error(403, "AccessDenied"));

        ApiException refused = catchThrowableOfType(
                () -> launcher.createImport(ImportSpec.of(TARGET, "denied"), transferOf(bytes("p.zip", 10_000))),
                ApiException.class);

        assertThat(refused.getMessage()).contains(grants.get(0).objectKey(), "AccessDenied (HTTP 403)");
        assertSafe(refused);
        assertThat(emu().callCount("AuthorizeFileUpload")).isEqualTo(1);
        assertThat(emu().callCount("CreateImportMigration")).isZero();
    }

    @Test
    void aThrottledAuthorizeFileUploadIsRetriedWithBackoff() throws IOException {
        emu().inject(Fault.throttling("Throttling.User").onAction("AuthorizeFileUpload").times(2));

        Launched imported = launcher.createImport(ImportSpec.of(TARGET, "throttled"), transferOf(bytes("p.zip", 1000)));

        assertThat(emu().callCount("AuthorizeFileUpload")).isEqualTo(3);
        assertThat(imported.apiCalls()).as("the name check (two types), 3 grants (2 throttled), one create").isEqualTo(6);
        assertThat(sleeps).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2));
    }

    @Test
    void aThrottledCreateIsRetriedBecauseTheServiceRefusedBeforeActing() {
        emu().inject(Fault.throttling("Throttling.Api").onAction("CreateExportMigration"));

        Launched export = launcher.createExport(ExportSpec.full(SOURCE, "after-throttling"));

        assertThat(export.foundByName()).isFalse();
        assertThat(export.apiCalls()).isEqualTo(2);
        assertThat(emu().callCount("ListMigrations")).isZero();
        assertThat(named("after-throttling")).hasSize(1);
    }

    @Test
    void startingAStartedMigrationLeavesItAlone() {
        Launched export = launcher.createExport(ExportSpec.full(SOURCE, "started-twice"));
        Started first = launcher.start(export.ref());

        Started second = launcher.start(export.ref());

        assertThat(first.startedNow()).isTrue();
        assertThat(second.startedNow()).isFalse();
        assertThat(second.status()).isNotEqualTo("INIT");
        assertThat(second.apiCalls()).as("GetMigrationSummary only").isEqualTo(1);
        assertThat(emu().callCount("StartMigration")).isEqualTo(1);
    }

    @Test
    void aTimeoutAfterCreateImportWasSentFindsTheMigrationByItsName() throws IOException {
        client.close();
        client = clientWith(Duration.ofMillis(700));
        launcher = new MigrationLauncher(client, sleeps::add, 3);
        emu().inject(Fault.performedThenStall().onAction("CreateImportMigration"));

        Launched imported = launcher.createImport(ImportSpec.of(TARGET, "lost-answer"), transferOf(bytes("p.zip", 1000)));

        assertThat(imported.foundByName()).isTrue();
        assertThat(named("lost-answer")).hasSize(1);
        assertThat(imported.ref().migrationId()).isEqualTo(named("lost-answer").get(0).id());
        assertThat(emu().callCount("CreateImportMigration")).as("never sent again").isEqualTo(1);
        assertThat(imported.apiCalls()).as("ListMigrations of both types (name check), AuthorizeFileUpload,"
                + " CreateImportMigration, ListMigrations").isEqualTo(5);
        assertThat(sleeps).isEmpty();
    }

    @Test
    void aConnectionLostAfterCreateExportWasSentFindsTheMigrationByItsName() {
        launcher.createExport(ExportSpec.full(SOURCE, "older"));
        emu().inject(Fault.performedNoAnswer().onAction("CreateExportMigration"));

        Launched export = launcher.createExport(ExportSpec.full(SOURCE, "dropped"));

        assertThat(export.foundByName()).isTrue();
        assertThat(named("dropped")).hasSize(1);
        assertThat(export.ref().migrationId()).isEqualTo(named("dropped").get(0).id());
        assertSentOnceAfter("CreateExportMigration", 1);
    }

    @Test
    void aCreateThatFailedAmbiguouslyWithoutEffectIsMadeOnceMore() {
        emu().inject(Fault.internalError().onAction("CreateExportMigration"));

        Launched export = launcher.createExport(ExportSpec.full(SOURCE, "after-500"));

        assertThat(export.foundByName()).isFalse();
        assertThat(export.apiCalls()).as("Create (500), ListMigrations (not there), Create").isEqualTo(3);
        assertThat(named("after-500")).hasSize(1);
    }

    @Test
    void anAmbiguousStartIsDecidedByTheStatusAndNotRepeated() {
        Launched export = launcher.createExport(ExportSpec.full(SOURCE, "start-lost"));
        emu().inject(Fault.performedNoAnswer().onAction("StartMigration"));

        Started started = launcher.start(export.ref());

        assertThat(started.startedNow()).isFalse();
        assertThat(started.status()).isNotEqualTo("INIT");
        assertSentOnceAfter("StartMigration", 0);
        assertThat(started.apiCalls()).as("GetMigrationSummary, StartMigration, GetMigrationSummary").isEqualTo(3);
    }

    @Test
    void anAmbiguousStartThatDidNotTakeEffectStartsOnceMore() {
        Launched export = launcher.createExport(ExportSpec.full(SOURCE, "start-500"));
        emu().inject(Fault.internalError().onAction("StartMigration"));

        Started started = launcher.start(export.ref());

        assertThat(started.startedNow()).isTrue();
        assertThat(emu().callCount("StartMigration")).isEqualTo(2);
        assertThat(started.apiCalls()).as("GetMigrationSummary (INIT), StartMigration (500), GetMigrationSummary (INIT),"
                + " StartMigration").isEqualTo(4);
    }

    @Test
    void findLooksThroughThePagesForTheExactName() {
        for (int i = 0; i < 105; i++) {
            launcher.createExport(ExportSpec.full(SOURCE, "bulk-" + i));
        }

        assertThat(launcher.find(SOURCE, MigrationType.EXPORT, "bulk-0")).hasValueSatisfying(l -> {
            assertThat(l.foundByName()).isTrue();
            assertThat(l.ref().migrationId()).isEqualTo(named("bulk-0").get(0).id());
        });
        assertThat(launcher.find(SOURCE, MigrationType.EXPORT, "bulk")).isEmpty();
        assertThat(launcher.find(SOURCE, MigrationType.IMPORT, "bulk-0")).isEmpty();
    }
}
