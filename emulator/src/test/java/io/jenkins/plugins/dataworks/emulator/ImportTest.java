package io.jenkins.plugins.dataworks.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.aliyuncs.CommonRequest;
import com.aliyuncs.IAcsClient;
import com.aliyuncs.exceptions.ClientException;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import io.jenkins.plugins.dataworks.emulator.junit.DataWorksEmulatorExtension;
import io.jenkins.plugins.dataworks.emulator.scenario.MigrationSpec.MigrationType;
import io.jenkins.plugins.dataworks.emulator.scenario.Scenarios;
import io.jenkins.plugins.dataworks.emulator.state.MigrationInfo;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Export from the demo's source workspace, download, AuthorizeFileUpload + PostObject, then
 * CreateImportMigration into the target workspace, all through the real SDK and real HTTP.
 */
class ImportTest {

    static final long SOURCE = Scenarios.DEMO_PROJECT_ID;
    static final long TARGET = Scenarios.DEMO_TARGET_PROJECT_ID;

    @RegisterExtension
    final DataWorksEmulatorExtension ext = new DataWorksEmulatorExtension();

    final IAcsClient client = Sdk.client(Scenarios.DEMO_ACCESS_KEY_ID, Scenarios.DEMO_ACCESS_KEY_SECRET);
    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private JsonObject call(String action, String... params) throws ClientException {
        CommonRequest request = Sdk.dataworks(ext.emulator(), action);
        for (int i = 0; i < params.length; i += 2) {
            request.putBodyParameter(params[i], params[i + 1]);
        }
        return Sdk.call(client, request);
    }

    private String status(long project, long id) throws ClientException {
        return call("GetMigrationSummary", "ProjectId", Long.toString(project), "MigrationId", Long.toString(id))
                .getAsJsonObject("Data").get("Status").getAsString();
    }

    private List<String> tasks(long project, long id) throws ClientException {
        JsonArray data = call("GetMigrationProcess", "ProjectId", Long.toString(project), "MigrationId", Long.toString(id))
                .getAsJsonArray("Data");
        List<String> statuses = new ArrayList<>();
        data.forEach(e -> statuses.add(e.getAsJsonObject().get("TaskName").getAsString() + "="
                + e.getAsJsonObject().get("TaskStatus").getAsString()));
        return statuses;
    }

    private boolean start(long project, long id) throws ClientException {
        return call("StartMigration", "ProjectId", Long.toString(project), "MigrationId", Long.toString(id))
                .get("Data").getAsBoolean();
    }

    private byte[] download(String url) throws Exception {
        HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(URI.create(url)).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body();
    }

    /** AuthorizeFileUpload through the SDK, then PostObject; returns the grant. */
    private JsonObject upload(byte[] bytes) throws Exception {
        JsonObject grant = Sdk.call(client, Sdk.authorizeFileUpload(ext.emulator()));
        assertThat(PostForm.from(grant).file(bytes).post(http, PostForm.postUrl(grant)).statusCode()).isEqualTo(201);
        return grant;
    }

    private long createImport(String name, String packageFile, String... extra) throws ClientException {
        List<String> params = new ArrayList<>(List.of("ProjectId", Long.toString(TARGET), "Name", name,
                "PackageType", "DATAWORKS_MODEL", "PackageFile", packageFile));
        params.addAll(List.of(extra));
        JsonObject created = call("CreateImportMigration", params.toArray(String[]::new));
        assertThat(created.keySet()).containsExactly("RequestId", "Success", "Data");
        return created.get("Data").getAsLong();
    }

    @Test
    void exportInOneWorkspaceImportIntoTheOther() throws Exception {
        long export = call("CreateExportMigration", "ProjectId", Long.toString(SOURCE), "Name", "to_copy",
                "ExportMode", "FULL", "ExportObjectStatus", "DEPLOYED").get("Data").getAsLong();
        assertThat(start(SOURCE, export)).isTrue();
        String url = null;
        for (int i = 0; i < 4 && url == null; i++) {
            JsonObject data = call("GetMigrationSummary", "ProjectId", Long.toString(SOURCE), "MigrationId",
                    Long.toString(export)).getAsJsonObject("Data");
            url = data.has("DownloadUrl") ? data.get("DownloadUrl").getAsString() : null;
        }
        assertThat(url).isNotNull();
        JsonObject grant = upload(download(url));

        long imported = createImport("copy_of_to_copy", PostForm.packageFile(grant),
                "CalculateEngineMap", "{\"odps_source\":\"odps_target\"}",
                "ResourceGroupMap", "{}",
                "WorkspaceMap", "{\"source_ws\":\"target_ws\"}",
                "CommitRule", "{\"resourceAutoCommit\":true,\"fileAutoDeploy\":false,\"ignoreLock\":true}",
                "Description", "copied by a test");
        MigrationInfo info = ext.emulator().migration(imported);
        assertThat(info.type()).isEqualTo(MigrationType.IMPORT);
        assertThat(info.projectId()).isEqualTo(TARGET);
        assertThat(info.packageType()).isEqualTo("DATAWORKS_MODEL");
        assertThat(info.failedTask()).isNull();
        assertThat(info.started()).isFalse();

        assertThat(status(TARGET, imported)).isEqualTo("INIT");
        assertThat(tasks(TARGET, imported)).containsExactly("UploadPackage=INIT", "ParsePackage=INIT", "ImportObjects=INIT");
        assertThat(start(TARGET, imported)).isTrue();
        // The real API's Data is "whether it started": a second start starts nothing.
        assertThat(start(TARGET, imported)).isFalse();
        List<String> statuses = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            statuses.add(status(TARGET, imported));
        }
        assertThat(statuses).containsExactly("IMPORTING", "IMPORTING", "IMPORTING", "IMPORT_SUCCESS");
        assertThat(tasks(TARGET, imported)).containsExactly("UploadPackage=SUCCESS", "ParsePackage=SUCCESS", "ImportObjects=SUCCESS");
        assertThat(start(TARGET, imported)).isFalse();
    }

    @Test
    void theDemoPackageImportsWithAVirtualHostedPackageFileToo() throws Exception {
        JsonObject grant = upload(download(ext.emulator().downloadUrl(Scenarios.DEMO_MIGRATION_ID)));
        // What the SDK's Advance variant builds from a host Endpoint: http://<bucket>.<endpoint>/<key>.
        String virtualHosted = "http://" + grant.get("Bucket").getAsString() + "." + ext.emulator().hostAndPort() + "/"
                + grant.get("ObjectKey").getAsString();
        long id = createImport("demo_copy", virtualHosted, "PackageType", "DATAWORKS_V3");
        assertThat(start(TARGET, id)).isTrue();
        for (int i = 0; i < 3; i++) {
            status(TARGET, id);
        }
        assertThat(status(TARGET, id)).isEqualTo("IMPORT_SUCCESS");
    }

    @Test
    void aCorruptPackageFailsInParsePackage() throws Exception {
        byte[] demo = download(ext.emulator().downloadUrl(Scenarios.DEMO_MIGRATION_ID));
        demo[demo.length / 2] ^= 1;
        long id = createImport("corrupt", PostForm.packageFile(upload(demo)));
        assertThat(ext.emulator().migration(id).failedTask()).isEqualTo("ParsePackage");
        assertThat(start(TARGET, id)).isTrue();
        for (int i = 0; i < 3; i++) {
            assertThat(status(TARGET, id)).isEqualTo("IMPORTING");
        }
        assertThat(status(TARGET, id)).isEqualTo("IMPORT_ERROR");
        assertThat(tasks(TARGET, id)).containsExactly("UploadPackage=SUCCESS", "ParsePackage=FAILURE", "ImportObjects=INIT");

        byte[] random = new byte[demo.length];
        new Random(1).nextBytes(random);
        long other = createImport("random", PostForm.packageFile(upload(random)));
        assertThat(ext.emulator().migration(other).failedTask()).isEqualTo("ParsePackage");
    }

    @Test
    void aMissingPackageFailsInUploadPackage() throws Exception {
        JsonObject grant = Sdk.call(client, Sdk.authorizeFileUpload(ext.emulator()));
        // Authorized, never uploaded.
        long id = createImport("missing", PostForm.packageFile(grant));
        assertThat(start(TARGET, id)).isTrue();
        for (int i = 0; i < 3; i++) {
            status(TARGET, id);
        }
        assertThat(status(TARGET, id)).isEqualTo("IMPORT_ERROR");
        assertThat(tasks(TARGET, id)).containsExactly("UploadPackage=FAILURE", "ParsePackage=INIT", "ImportObjects=INIT");
        assertThat(ext.emulator().migration(id).status()).isEqualTo("IMPORT_ERROR");
    }

    @Test
    void malformedJsonParametersAre400NamingTheParameter() throws Exception {
        String packageFile = PostForm.packageFile(Sdk.call(client, Sdk.authorizeFileUpload(ext.emulator())));
        String[][] bad = {
            {"CommitRule", "{\"resourceAutoCommit\":tru"},
            {"CommitRule", "{\"resourceAutoCommit\":\"yes\"}"},
            {"CommitRule", "{\"resourceAutoComit\":true}"},
            {"CommitRule", "[true]"},
            {"CalculateEngineMap", "{\"a\":"},
            {"ResourceGroupMap", "not json at all {"},
            {"WorkspaceMap", "{\"a\":1}"},
        };
        for (String[] b : bad) {
            ClientException e = catchThrowableOfType(ClientException.class,
                    () -> createImport("bad", packageFile, b[0], b[1]));
            assertThat(e).as(b[0] + " " + b[1]).isNotNull();
            assertThat(e.getErrCode()).as(b[1]).isEqualTo("InvalidParameter");
            assertThat(e.getErrMsg()).as(b[1]).contains(b[0]);
        }
        assertThat(catchThrowableOfType(ClientException.class,
                () -> createImport("bad", packageFile, "PackageType", "ZIP")).getErrMsg()).contains("PackageType");
        assertThat(catchThrowableOfType(ClientException.class, () -> createImport("bad", "package.zip")).getErrMsg())
                .contains("PackageFile");
        assertThat(catchThrowableOfType(ClientException.class,
                () -> call("CreateImportMigration", "ProjectId", Long.toString(TARGET), "Name", "x", "PackageType",
                        "DATAWORKS_MODEL")).getErrCode()).isEqualTo("MissingPackageFile");
        assertThat(ext.emulator().migrations()).extracting(MigrationInfo::name).doesNotContain("bad", "x");
    }

    @Test
    void namesAreUniquePerWorkspaceAcrossExportsAndImports() throws Exception {
        String packageFile = PostForm.packageFile(Sdk.call(client, Sdk.authorizeFileUpload(ext.emulator())));
        createImport("shared_name", packageFile);
        ClientException again = catchThrowableOfType(ClientException.class, () -> createImport("shared_name", packageFile));
        assertThat(again.getErrCode()).isEqualTo("Invalid.Migration.NameDuplicated");
        ClientException export = catchThrowableOfType(ClientException.class, () -> call("CreateExportMigration",
                "ProjectId", Long.toString(TARGET), "Name", "shared_name", "ExportMode", "FULL", "ExportObjectStatus", "SAVED"));
        assertThat(export.getErrCode()).isEqualTo("Invalid.Migration.NameDuplicated");
        // The demo export's name, in its own workspace: taken; in the other workspace: free.
        call("CreateImportMigration", "ProjectId", Long.toString(TARGET), "Name", Scenarios.DEMO_MIGRATION_NAME,
                "PackageType", "DATAWORKS_MODEL", "PackageFile", packageFile);
        assertThat(catchThrowableOfType(ClientException.class, () -> call("CreateImportMigration",
                "ProjectId", Long.toString(SOURCE), "Name", Scenarios.DEMO_MIGRATION_NAME, "PackageType", "DATAWORKS_MODEL",
                "PackageFile", packageFile)).getErrCode()).isEqualTo("Invalid.Migration.NameDuplicated");
    }
}
