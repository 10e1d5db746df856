package io.jenkins.plugins.dataworks.engine.client;

import static io.jenkins.plugins.dataworks.emulator.scenario.Scenarios.DEMO_ACCESS_KEY_ID;
import static io.jenkins.plugins.dataworks.emulator.scenario.Scenarios.DEMO_ACCESS_KEY_SECRET;
import static io.jenkins.plugins.dataworks.emulator.scenario.Scenarios.DEMO_PROJECT_ID;
import static io.jenkins.plugins.dataworks.emulator.scenario.Scenarios.DEMO_TARGET_PROJECT_ID;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.jenkins.plugins.dataworks.emulator.junit.DataWorksEmulatorExtension;
import io.jenkins.plugins.dataworks.emulator.scenario.Fault;
import io.jenkins.plugins.dataworks.engine.auth.AccessKeyCredentials;
import io.jenkins.plugins.dataworks.engine.error.ApiException;
import io.jenkins.plugins.dataworks.engine.error.ErrorClassifier;
import io.jenkins.plugins.dataworks.engine.error.TransientApiException;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The calls that create, start, list and inspect migrations, against the emulator through the SDK. */
class WriteCallsTest {

    @RegisterExtension
    final DataWorksEmulatorExtension emulator = new DataWorksEmulatorExtension();

    AliyunDataWorksClient client() {
        return AliyunDataWorksClient.create(
                ClientSettings.of(Endpoint.override("cn-shanghai", emulator.endpoint().toString())),
                AccessKeyCredentials.of(DEMO_ACCESS_KEY_ID, DEMO_ACCESS_KEY_SECRET), emulator.clock());
    }

    @Test
    void createsAnExportThatWaitsForItsStart() {
        try (AliyunDataWorksClient client = client()) {
            MigrationRef ref = client.createExportMigration(new ExportSpec(DEMO_PROJECT_ID, " release_42 ",
                    ExportSpec.ExportMode.INCREMENTAL, Instant.parse("2026-12-01T00:00:00Z"),
                    ExportSpec.ObjectStatus.DEPLOYED, "nightly"));

            assertThat(ref.projectId()).isEqualTo(DEMO_PROJECT_ID);
            MigrationSummary created = client.getMigrationSummary(ref);
            assertThat(created.name()).isEqualTo("release_42");
            assertThat(created.status()).isEqualTo(MigrationStatus.INIT);
            assertThat(emulator.emulator().callCount("CreateExportMigration")).isEqualTo(1);
            assertThat(emulator.emulator().calls()).anySatisfy(call -> {
                assertThat(call.action()).isEqualTo("CreateExportMigration");
                assertThat(call.params()).containsEntry("ExportMode", "INCREMENTAL")
                        .containsEntry("IncrementalSince", String.valueOf(Instant.parse("2026-12-01T00:00:00Z").toEpochMilli()))
                        .containsEntry("ExportObjectStatus", "DEPLOYED")
                        .containsEntry("Description", "nightly");
            });
        }
    }

    @Test
    void startsOnceAndThenSaysItDidNot() {
        try (AliyunDataWorksClient client = client()) {
            MigrationRef ref = client.createExportMigration(ExportSpec.full(DEMO_PROJECT_ID, "started_once"));

            assertThat(client.startMigration(ref)).isTrue();
            assertThat(client.startMigration(ref)).isFalse();
            assertThat(client.getMigrationSummary(ref).status()).isNotEqualTo(MigrationStatus.INIT);
        }
    }

    @Test
    void aNameTakenInTheWorkspaceIsTheServicesError() {
        try (AliyunDataWorksClient client = client()) {
            client.createExportMigration(ExportSpec.full(DEMO_PROJECT_ID, "taken"));

            ApiException e = catchThrowableOfType(ApiException.class,
                    () -> client.createExportMigration(ExportSpec.full(DEMO_PROJECT_ID, "taken")));

            assertThat(e.errorCode()).isEqualTo("Invalid.Migration.NameDuplicated");
            assertThat(e.getMessage()).startsWith("CreateExportMigration of 'taken' in workspace " + DEMO_PROJECT_ID + " failed")
                    .doesNotContain("\n");
        }
    }

    @Test
    void readsTheSubTasksOfAFailedExport() {
        try (AliyunDataWorksClient client = client()) {
            MigrationRef ref = client.createExportMigration(ExportSpec.full(DEMO_PROJECT_ID, "doomed"));
            emulator.emulator().overrideStatus(ref.migrationId(), "EXPORT_ERROR");

            MigrationProcess process = client.getMigrationProcess(ref);

            assertThat(process.ref()).isEqualTo(ref);
            assertThat(process.tasks()).extracting(MigrationTask::name)
                    .containsExactly("PrepareExport", "ExportObjects", "UploadPackage");
            assertThat(process.failedTasks()).containsExactly(new MigrationTask("ExportObjects", "FAILURE"));
            assertThat(process.requestId()).matches("[0-9A-F-]{36}");
        }
    }

    @Test
    void anAnswerWithoutItsDataIsMalformedNotASuccess() {
        emulator.emulator().inject(Fault.emptyBody().onAction("StartMigration"))
                .inject(Fault.malformedJson().onAction("GetMigrationProcess"));
        try (AliyunDataWorksClient client = client()) {
            MigrationRef ref = client.createExportMigration(ExportSpec.full(DEMO_PROJECT_ID, "unreadable"));

            TransientApiException start = catchThrowableOfType(TransientApiException.class, () -> client.startMigration(ref));
            TransientApiException process = catchThrowableOfType(TransientApiException.class, () -> client.getMigrationProcess(ref));

            assertThat(start.errorCode()).isEqualTo(ErrorClassifier.MALFORMED_RESPONSE);
            assertThat(start.getMessage()).startsWith("StartMigration for " + ref + " failed");
            assertThat(process.errorCode()).isEqualTo(ErrorClassifier.MALFORMED_RESPONSE);
        }
    }

    @Test
    void aThrottledCreateIsTransient() {
        emulator.emulator().inject(Fault.throttling("Throttling.User").onAction("CreateExportMigration"));
        try (AliyunDataWorksClient client = client()) {
            TransientApiException e = catchThrowableOfType(TransientApiException.class,
                    () -> client.createExportMigration(ExportSpec.full(DEMO_PROJECT_ID, "throttled")));

            assertThat(e.errorCode()).isEqualTo("Throttling.User");
            assertThat(client.createExportMigration(ExportSpec.full(DEMO_PROJECT_ID, "throttled")).migrationId()).isPositive();
        }
    }

    @Test
    void authorizesAnUploadWithoutShowingItsPolicy() {
        try (AliyunDataWorksClient client = client()) {
            UploadGrant grant = client.authorizeFileUpload();

            assertThat(grant.pathStyle()).as("the emulator answers with its base URL").isTrue();
            assertThat(grant.objectKey()).startsWith("dataworks/import/");
            assertThat(grant.packageFile()).isEqualTo(emulator.endpoint() + "/" + grant.bucket() + "/" + grant.objectKey());
            assertThat(grant.toString()).doesNotContain(grant.encodedPolicy().reveal()).doesNotContain(grant.signature().reveal());
            assertThat(grant.requestId()).matches("[0-9A-F-]{36}");
            assertThat(emulator.emulator().calls()).singleElement().satisfies(call -> {
                assertThat(call.action()).isEqualTo("AuthorizeFileUpload");
                assertThat(call.params()).containsEntry("Product", "dataworks-public").containsEntry("RegionId", "cn-shanghai");
            });
        }
    }

    @Test
    void createsAnImportAndFindsMigrationsByListing() {
        try (AliyunDataWorksClient client = client()) {
            UploadGrant grant = client.authorizeFileUpload();
            ImportSpec spec = new ImportSpec(DEMO_TARGET_PROJECT_ID, "import_1", ImportSpec.PackageType.DATAWORKS_MODEL,
                    "{\"odps_dev\": \"odps_prod\"}", null, null, "{\"fileAutoCommit\": true}", null);

            MigrationRef ref = client.createImportMigration(spec, grant.packageFile());

            assertThat(ref.projectId()).isEqualTo(DEMO_TARGET_PROJECT_ID);
            assertThat(emulator.emulator().migration(ref.migrationId()).packageFile()).isEqualTo(grant.packageFile());
            MigrationPage imports = client.listMigrations(DEMO_TARGET_PROJECT_ID, MigrationType.IMPORT, 1, 10);
            assertThat(imports.migrations()).singleElement().satisfies(m -> {
                assertThat(m.ref()).isEqualTo(ref);
                assertThat(m.name()).isEqualTo("import_1");
                assertThat(m.type()).isEqualTo(MigrationType.IMPORT);
                assertThat(m.status()).isEqualTo("INIT");
            });
            assertThat(imports.totalCount()).isEqualTo(1);
            assertThat(imports.hasMore()).isFalse();
            assertThat(client.listMigrations(DEMO_TARGET_PROJECT_ID, MigrationType.EXPORT, 1, 10).migrations()).isEmpty();
        }
    }

    @Test
    void listsPageByPageNewestFirst() {
        try (AliyunDataWorksClient client = client()) {
            for (int i = 1; i <= 3; i++) {
                client.createExportMigration(ExportSpec.full(DEMO_TARGET_PROJECT_ID, "export_" + i));
            }

            MigrationPage first = client.listMigrations(DEMO_TARGET_PROJECT_ID, MigrationType.EXPORT, 1, 2);
            MigrationPage second = client.listMigrations(DEMO_TARGET_PROJECT_ID, MigrationType.EXPORT, 2, 2);

            assertThat(first.migrations()).extracting(MigrationListing::name).containsExactly("export_3", "export_2");
            assertThat(first.hasMore()).isTrue();
            assertThat(second.migrations()).extracting(MigrationListing::name).containsExactly("export_1");
            assertThat(second.hasMore()).isFalse();
        }
    }
}
