package io.jenkins.plugins.dataworks.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.aliyuncs.CommonRequest;
import com.aliyuncs.IAcsClient;
import com.aliyuncs.exceptions.ClientException;
import com.aliyuncs.exceptions.ServerException;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.jenkins.plugins.dataworks.emulator.junit.DataWorksEmulatorExtension;
import io.jenkins.plugins.dataworks.emulator.scenario.AccessKey;
import io.jenkins.plugins.dataworks.emulator.scenario.Fault;
import io.jenkins.plugins.dataworks.emulator.scenario.Scenarios;
import io.jenkins.plugins.dataworks.emulator.state.MigrationInfo;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** ListMigrations, faults on the new actions, and the "performed but no answer" faults. */
class ListMigrationsTest {

    static final long TARGET = Scenarios.DEMO_TARGET_PROJECT_ID;

    @RegisterExtension
    final DataWorksEmulatorExtension ext = new DataWorksEmulatorExtension()
            .configure(b -> b.accessKey(AccessKey.of("other-key", "other-secret").withUserId("2000000000000002")));

    final IAcsClient client = Sdk.client(Scenarios.DEMO_ACCESS_KEY_ID, Scenarios.DEMO_ACCESS_KEY_SECRET);
    final IAcsClient other = Sdk.client("other-key", "other-secret");

    private CommonRequest request(String action, String... params) {
        CommonRequest request = Sdk.dataworks(ext.emulator(), action);
        for (int i = 0; i < params.length; i += 2) {
            request.putBodyParameter(params[i], params[i + 1]);
        }
        return request;
    }

    private long export(IAcsClient as, String name) throws ClientException {
        return Sdk.call(as, request("CreateExportMigration", "ProjectId", Long.toString(TARGET), "Name", name,
                "ExportMode", "FULL", "ExportObjectStatus", "SAVED", "Description", "about " + name)).get("Data").getAsLong();
    }

    private CommonRequest createImport(String name) {
        return request("CreateImportMigration", "ProjectId", Long.toString(TARGET), "Name", name,
                "PackageType", "DATAWORKS_V2", "PackageFile", ext.endpoint() + "/" + ext.emulator().scenario().bucket() + "/nothing.zip");
    }

    private JsonObject list(String... params) throws ClientException {
        JsonObject json = Sdk.call(client, request("ListMigrations", params));
        assertThat(json.get("Success").getAsBoolean()).isTrue();
        return json.getAsJsonObject("Data");
    }

    private static List<String> names(JsonObject data) {
        List<String> names = new ArrayList<>();
        for (JsonElement e : data.getAsJsonArray("Migrations")) {
            names.add(e.getAsJsonObject().get("Name").getAsString());
        }
        return names;
    }

    @Test
    void pagesNewestFirstFilteredByTypeAndOwner() throws Exception {
        long first = export(client, "e1");
        ext.clock().advance(Duration.ofMinutes(1));
        export(other, "e2");
        ext.clock().advance(Duration.ofMinutes(1));
        export(client, "e3");
        Sdk.call(client, createImport("i1"));

        JsonObject page1 = list("ProjectId", Long.toString(TARGET), "MigrationType", "EXPORT", "PageSize", "2");
        assertThat(page1.keySet()).containsExactly("PageNumber", "PageSize", "TotalCount", "Migrations");
        assertThat(page1.get("PageNumber").getAsInt()).isEqualTo(1);
        assertThat(page1.get("PageSize").getAsInt()).isEqualTo(2);
        assertThat(page1.get("TotalCount").getAsInt()).isEqualTo(3);
        assertThat(names(page1)).containsExactly("e3", "e2");
        JsonObject page2 = list("ProjectId", Long.toString(TARGET), "MigrationType", "EXPORT", "PageSize", "2", "PageNumber", "2");
        assertThat(names(page2)).containsExactly("e1");
        JsonObject item = page2.getAsJsonArray("Migrations").get(0).getAsJsonObject();
        assertThat(item.keySet()).contains("Id", "Name", "MigrationType", "Status", "ProjectId", "CreateTime", "UpdateTime",
                "CreateUser", "Description");
        assertThat(item.get("Id").getAsLong()).isEqualTo(first);
        assertThat(item.get("MigrationType").getAsString()).isEqualTo("EXPORT");
        assertThat(item.get("Status").getAsString()).isEqualTo("INIT");
        assertThat(item.get("ProjectId").getAsLong()).isEqualTo(TARGET);
        assertThat(item.get("CreateTime").getAsLong()).isEqualTo(ext.clock().instant().minus(Duration.ofMinutes(2)).toEpochMilli());
        assertThat(item.get("Description").getAsString()).isEqualTo("about e1");
        assertThat(names(list("ProjectId", Long.toString(TARGET), "MigrationType", "EXPORT", "PageSize", "2", "PageNumber", "3")))
                .isEmpty();

        JsonObject imports = list("ProjectId", Long.toString(TARGET), "MigrationType", "IMPORT");
        assertThat(imports.get("PageSize").getAsInt()).isEqualTo(10);
        assertThat(names(imports)).containsExactly("i1");
        assertThat(imports.getAsJsonArray("Migrations").get(0).getAsJsonObject().get("PackageType").getAsString())
                .isEqualTo("DATAWORKS_V2");

        assertThat(names(list("ProjectId", Long.toString(TARGET), "MigrationType", "EXPORT", "Owner", "2000000000000002")))
                .containsExactly("e2");
        assertThat(names(list("ProjectId", Long.toString(Scenarios.DEMO_PROJECT_ID), "MigrationType", "EXPORT")))
                .containsExactly(Scenarios.DEMO_MIGRATION_NAME);
        // Listing is not polling: the demo export's timeline did not move.
        assertThat(ext.emulator().migration(Scenarios.DEMO_MIGRATION_ID).pollsAnswered()).isZero();
    }

    @Test
    void parametersAreChecked() {
        assertThat(catchThrowableOfType(ClientException.class, () -> list("ProjectId", Long.toString(TARGET))).getErrCode())
                .isEqualTo("MissingMigrationType");
        assertThat(catchThrowableOfType(ClientException.class, () -> list("MigrationType", "EXPORT")).getErrCode())
                .isEqualTo("MissingProjectId");
        for (String[] bad : new String[][] {{"MigrationType", "BOTH"}, {"PageSize", "101"}, {"PageSize", "0"},
                {"PageNumber", "0"}, {"PageNumber", "101"}, {"PageNumber", "one"}}) {
            List<String> params = new ArrayList<>(List.of("ProjectId", Long.toString(TARGET), "MigrationType", "EXPORT"));
            params.addAll(List.of(bad));
            ClientException e = catchThrowableOfType(ClientException.class, () -> list(params.toArray(String[]::new)));
            assertThat(e.getErrCode()).as(bad[0] + "=" + bad[1]).isEqualTo("InvalidParameter");
            assertThat(e.getErrMsg()).contains(bad[0]);
        }
        assertThat(catchThrowableOfType(ClientException.class,
                () -> list("ProjectId", "99999", "MigrationType", "EXPORT")).getErrCode()).isEqualTo("Invalid.Tenant.ProjectNotExists");
    }

    @Test
    void faultsTargetTheNewActions() throws Exception {
        ext.emulator().inject(Fault.throttling("Throttling.Api").onAction("ListMigrations"))
                .inject(Fault.internalError().onAction("CreateImportMigration"));
        assertThat(catchThrowableOfType(ClientException.class,
                () -> list("ProjectId", Long.toString(TARGET), "MigrationType", "EXPORT")).getErrCode()).isEqualTo("Throttling.Api");
        assertThat(catchThrowableOfType(ServerException.class, () -> Sdk.call(client, createImport("faulted"))).getErrCode())
                .isEqualTo("InternalError.System");
        // A fault answers instead of the action: nothing was created.
        assertThat(ext.emulator().migrations()).extracting(MigrationInfo::name).doesNotContain("faulted");
        Sdk.call(client, createImport("faulted"));
        assertThat(names(list("ProjectId", Long.toString(TARGET), "MigrationType", "IMPORT"))).containsExactly("faulted");
    }

    @Test
    void performedButNoAnswerLeavesExactlyOneMigrationToFindByName() throws Exception {
        ext.emulator().inject(Fault.performedNoAnswer().onAction("CreateImportMigration"));
        ClientException lost = catchThrowableOfType(ClientException.class, () -> Sdk.call(client, createImport("ambiguous")));
        assertThat(lost).isNotNull().isNotInstanceOf(ServerException.class);
        assertThat(lost.getErrCode()).startsWith("SDK.");

        JsonObject found = list("ProjectId", Long.toString(TARGET), "MigrationType", "IMPORT");
        assertThat(found.get("TotalCount").getAsInt()).isEqualTo(1);
        assertThat(names(found)).containsExactly("ambiguous");
        // A client that retries blindly is told the name is taken; there is still one migration.
        assertThat(catchThrowableOfType(ClientException.class, () -> Sdk.call(client, createImport("ambiguous"))).getErrCode())
                .isEqualTo("Invalid.Migration.NameDuplicated");
        assertThat(ext.emulator().migrations()).filteredOn(m -> m.name().equals("ambiguous")).hasSize(1);
        assertThat(ext.emulator().calls()).extracting(c -> c.fault()).contains("PERFORMED_NO_ANSWER");
    }

    @Test
    void performedThenStallStartsTheMigrationAndTimesOut() throws Exception {
        long id = export(client, "slow_start");
        ext.emulator().inject(Fault.performedThenStall().onAction("StartMigration"));
        CommonRequest start = request("StartMigration", "ProjectId", Long.toString(TARGET), "MigrationId", Long.toString(id));
        start.setSysReadTimeout(300);
        assertThat(catchThrowableOfType(ClientException.class, () -> Sdk.call(client, start)).getErrCode())
                .isEqualTo("SDK.ReadTimeout");
        assertThat(ext.emulator().migration(id).started()).isTrue();
        CommonRequest again = request("StartMigration", "ProjectId", Long.toString(TARGET), "MigrationId", Long.toString(id));
        assertThat(Sdk.call(client, again).get("Data").getAsBoolean()).isFalse();
    }

    @Test
    void performedNoAnswerOnCreateExportToo() throws Exception {
        ext.emulator().inject(Fault.performedNoAnswer().onAction("CreateExportMigration"));
        assertThat(catchThrowableOfType(ClientException.class, () -> export(client, "lost_export"))).isNotNull();
        assertThat(names(list("ProjectId", Long.toString(TARGET), "MigrationType", "EXPORT"))).containsExactly("lost_export");
    }
}
