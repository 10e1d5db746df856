package io.jenkins.plugins.dataworks.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.aliyuncs.CommonRequest;
import com.aliyuncs.IAcsClient;
import com.aliyuncs.exceptions.ClientException;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import io.jenkins.plugins.dataworks.emulator.junit.DataWorksEmulatorExtension;
import io.jenkins.plugins.dataworks.emulator.scenario.MigrationSpec;
import io.jenkins.plugins.dataworks.emulator.scenario.Scenarios;
import io.jenkins.plugins.dataworks.emulator.scenario.Timeline;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Status timelines, the migration actions and their business errors, over the real SDK. */
class TimelineTest {

    @RegisterExtension
    final DataWorksEmulatorExtension ext = new DataWorksEmulatorExtension().configure(b -> b
            .migration(MigrationSpec.export(20002, 10001, "by_polls").timeline(Timeline.export(2, 5)))
            .migration(MigrationSpec.export(20003, 10001, "by_time").timeline(Timeline.startingAt("INIT")
                    .thenAfter(Duration.ofMinutes(5), "EXPORTING").thenAfter(Duration.ofMinutes(10), "EXPORT_SUCCESS")))
            .migration(MigrationSpec.export(20004, 10001, "odd").timeline(Timeline.startingAt("INIT")
                    .thenAfterPolls(1, "QUEUED_FOR_REVIEW"))));

    final IAcsClient client = Sdk.client(Scenarios.DEMO_ACCESS_KEY_ID, Scenarios.DEMO_ACCESS_KEY_SECRET);

    private JsonObject summary(long migrationId) throws ClientException {
        return Sdk.call(client, Sdk.summary(ext.emulator(), 10001, migrationId)).getAsJsonObject("Data");
    }

    @Test
    void timelineByPolls() throws Exception {
        List<String> statuses = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            JsonObject data = summary(20002);
            statuses.add(data.get("Status").getAsString());
            assertThat(data.has("DownloadUrl")).isEqualTo(data.get("Status").getAsString().equals("EXPORT_SUCCESS"));
        }
        assertThat(statuses).containsExactly("INIT", "INIT", "EXPORTING", "EXPORTING", "EXPORTING",
                "EXPORT_SUCCESS", "EXPORT_SUCCESS");
        assertThat(ext.emulator().callCount("GetMigrationSummary", 20002)).isEqualTo(7);
        assertThat(ext.emulator().callCount("GetMigrationSummary", 20001)).isZero();
    }

    @Test
    void demoFinishesOnTheFifthPoll() throws Exception {
        List<String> statuses = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            statuses.add(summary(Scenarios.DEMO_MIGRATION_ID).get("Status").getAsString());
        }
        assertThat(statuses).containsExactly("INIT", "EXPORTING", "EXPORTING", "EXPORTING", "EXPORT_SUCCESS");
    }

    @Test
    void timelineByScenarioClockTime() throws Exception {
        assertThat(summary(20003).get("Status").getAsString()).isEqualTo("INIT");
        ext.clock().advance(Duration.ofMinutes(5));
        JsonObject exporting = summary(20003);
        assertThat(exporting.get("Status").getAsString()).isEqualTo("EXPORTING");
        assertThat(exporting.get("GmtModified").getAsLong()).isEqualTo(ext.clock().millis());
        assertThat(exporting.get("GmtModified").getAsLong()).isGreaterThan(exporting.get("GmtCreate").getAsLong());
        ext.clock().advance(Duration.ofMinutes(4));
        assertThat(summary(20003).get("Status").getAsString()).isEqualTo("EXPORTING");
        ext.clock().advance(Duration.ofMinutes(1));
        assertThat(summary(20003).get("Status").getAsString()).isEqualTo("EXPORT_SUCCESS");
    }

    @Test
    void downloadUrlIsMintedFreshOnEachCall() throws Exception {
        for (int i = 0; i < 5; i++) {
            summary(20002);
        }
        String first = summary(20002).get("DownloadUrl").getAsString();
        ext.clock().advance(Duration.ofSeconds(30));
        String second = summary(20002).get("DownloadUrl").getAsString();
        long expires = ext.clock().instant().plus(Duration.ofHours(1)).getEpochSecond();
        assertThat(first).startsWith(ext.endpoint() + "/dataworks-emulator-export/dataworks/export/10001/20002/by_polls.zip?Expires=")
                .contains("&OSSAccessKeyId=emulator-oss-key&Signature=");
        assertThat(second).contains("Expires=" + expires + "&").isNotEqualTo(first);
    }

    @Test
    void unknownAndRevokedStatusesPassThrough() throws Exception {
        assertThat(summary(20004).get("Status").getAsString()).isEqualTo("INIT");
        assertThat(summary(20004).get("Status").getAsString()).isEqualTo("QUEUED_FOR_REVIEW");
        ext.emulator().overrideStatus(20004, "REVOKED");
        assertThat(summary(20004).get("Status").getAsString()).isEqualTo("REVOKED");
        assertThat(tasks(20004)).containsExactly("SUCCESS", "FAILURE", "INIT");
        ext.emulator().overrideStatus(20004, null);
        assertThat(summary(20004).get("Status").getAsString()).isEqualTo("QUEUED_FOR_REVIEW");
        assertThat(tasks(20004)).containsExactly("SUCCESS", "QUEUED_FOR_REVIEW", "INIT");
    }

    private List<String> tasks(long migrationId) throws ClientException {
        CommonRequest request = Sdk.dataworks(ext.emulator(), "GetMigrationProcess");
        request.putBodyParameter("ProjectId", "10001");
        request.putBodyParameter("MigrationId", Long.toString(migrationId));
        JsonObject json = Sdk.call(client, request);
        assertThat(json.get("Success").getAsBoolean()).isTrue();
        JsonArray data = json.getAsJsonArray("Data");
        List<String> statuses = new ArrayList<>();
        data.forEach(e -> {
            assertThat(e.getAsJsonObject().keySet()).containsExactly("TaskName", "TaskStatus");
            statuses.add(e.getAsJsonObject().get("TaskStatus").getAsString());
        });
        return statuses;
    }

    @Test
    void createStartAndFollowAnExport() throws Exception {
        CommonRequest create = Sdk.dataworks(ext.emulator(), "CreateExportMigration");
        create.putBodyParameter("ProjectId", "10001");
        create.putBodyParameter("Name", "fresh_export");
        create.putBodyParameter("ExportMode", "INCREMENTAL");
        create.putBodyParameter("IncrementalSince", "1589904000000");
        create.putBodyParameter("ExportObjectStatus", "DEPLOYED");
        create.putBodyParameter("Description", "made by a test");
        JsonObject created = Sdk.call(client, create);
        assertThat(created.keySet()).containsExactly("RequestId", "Success", "Data");
        long id = created.get("Data").getAsLong();
        assertThat(id).isEqualTo(30001);

        assertThat(summary(id).get("Status").getAsString()).isEqualTo("INIT");
        assertThat(summary(id).get("CreateUser").getAsString()).isEqualTo("1000000000000001");
        assertThat(tasks(id)).containsExactly("INIT", "INIT", "INIT");

        assertThat(start(id)).isTrue();
        assertThat(start(id)).isFalse();
        List<String> statuses = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            statuses.add(summary(id).get("Status").getAsString());
        }
        assertThat(statuses).containsExactly("EXPORTING", "EXPORTING", "EXPORTING", "EXPORT_SUCCESS");
        assertThat(tasks(id)).containsExactly("SUCCESS", "SUCCESS", "SUCCESS");

        ClientException duplicate = catchThrowableOfType(ClientException.class, () -> Sdk.call(client, create));
        assertThat(duplicate.getErrCode()).isEqualTo("Invalid.Migration.NameDuplicated");
    }

    private boolean start(long id) throws ClientException {
        CommonRequest start = Sdk.dataworks(ext.emulator(), "StartMigration");
        start.putBodyParameter("ProjectId", "10001");
        start.putBodyParameter("MigrationId", Long.toString(id));
        return Sdk.call(client, start).get("Data").getAsBoolean();
    }

    @Test
    void createExportMigrationValidatesItsParameters() {
        CommonRequest noMode = Sdk.dataworks(ext.emulator(), "CreateExportMigration");
        noMode.putBodyParameter("ProjectId", "10001");
        noMode.putBodyParameter("Name", "x");
        noMode.putBodyParameter("ExportObjectStatus", "SAVED");
        assertThat(catchThrowableOfType(ClientException.class, () -> Sdk.call(client, noMode)).getErrCode())
                .isEqualTo("MissingExportMode");

        CommonRequest incrementalWithoutSince = Sdk.dataworks(ext.emulator(), "CreateExportMigration");
        incrementalWithoutSince.putBodyParameter("ProjectId", "10001");
        incrementalWithoutSince.putBodyParameter("Name", "x");
        incrementalWithoutSince.putBodyParameter("ExportMode", "INCREMENTAL");
        incrementalWithoutSince.putBodyParameter("ExportObjectStatus", "SAVED");
        assertThat(catchThrowableOfType(ClientException.class, () -> Sdk.call(client, incrementalWithoutSince)).getErrCode())
                .isEqualTo("MissingIncrementalSince");

        CommonRequest badStatus = Sdk.dataworks(ext.emulator(), "CreateExportMigration");
        badStatus.putBodyParameter("ProjectId", "10001");
        badStatus.putBodyParameter("Name", "x");
        badStatus.putBodyParameter("ExportMode", "FULL");
        badStatus.putBodyParameter("ExportObjectStatus", "PUBLISHED");
        assertThat(catchThrowableOfType(ClientException.class, () -> Sdk.call(client, badStatus)).getErrCode())
                .isEqualTo("InvalidParameter");
    }

    @Test
    void businessErrors() {
        ClientException noProject = catchThrowableOfType(ClientException.class,
                () -> Sdk.call(client, Sdk.summary(ext.emulator(), 99999, 20001)));
        assertThat(noProject.getErrCode()).isEqualTo("Invalid.Tenant.ProjectNotExists");

        ClientException noMigration = catchThrowableOfType(ClientException.class,
                () -> Sdk.call(client, Sdk.summary(ext.emulator(), 10001, 29999)));
        assertThat(noMigration.getErrCode()).isEqualTo("Invalid.Migration.NotExists");

        CommonRequest missing = Sdk.dataworks(ext.emulator(), "GetMigrationSummary");
        missing.putBodyParameter("ProjectId", "10001");
        assertThat(catchThrowableOfType(ClientException.class, () -> Sdk.call(client, missing)).getErrCode())
                .isEqualTo("MissingMigrationId");

        CommonRequest notANumber = Sdk.dataworks(ext.emulator(), "GetMigrationSummary");
        notANumber.putBodyParameter("ProjectId", "10001");
        notANumber.putBodyParameter("MigrationId", "twenty");
        assertThat(catchThrowableOfType(ClientException.class, () -> Sdk.call(client, notANumber)).getErrCode())
                .isEqualTo("InvalidParameter");
        assertThat(ext.emulator().calls()).extracting(c -> c.httpStatus()).containsOnly(400);
    }

    @Test
    void startMigrationWaitsForTheStart() throws Exception {
        ext.emulator().addMigration(MigrationSpec.export(20010, 10001, "waits").waitsForStart(true)
                .timeline(Timeline.startingAt("INIT").thenAfter(Duration.ofMinutes(1), "EXPORTING")));
        ext.clock().advance(Duration.ofMinutes(10));
        assertThat(summary(20010).get("Status").getAsString()).isEqualTo("INIT");
        assertThat(start(20010)).isTrue();
        assertThat(summary(20010).get("Status").getAsString()).isEqualTo("INIT");
        ext.clock().advance(Duration.ofMinutes(1));
        assertThat(summary(20010).get("Status").getAsString()).isEqualTo("EXPORTING");
    }
}
