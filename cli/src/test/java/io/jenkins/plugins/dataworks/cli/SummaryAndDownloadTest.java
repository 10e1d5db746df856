package io.jenkins.plugins.dataworks.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.Gson;
import com.google.gson.JsonObject;
import io.jenkins.plugins.dataworks.emulator.junit.DataWorksEmulatorExtension;
import io.jenkins.plugins.dataworks.emulator.scenario.DownloadFault;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** {@code summary} and {@code download}: one GetMigrationSummary call each (plus URL refreshes). */
class SummaryAndDownloadTest {

    @RegisterExtension
    final DataWorksEmulatorExtension emulator = TestScenario.extension();

    @TempDir
    Path tmp;

    private CliRun cli;

    @BeforeEach
    void setUp() {
        cli = new CliRun(tmp.resolve("home")).credentials(TestScenario.KEY_ID, TestScenario.SECRET);
    }

    private String[] args(String command, long migrationId, String... more) {
        List<String> a = new java.util.ArrayList<>(List.of(command, "--endpoint", emulator.endpoint().toString(),
                "--region", TestScenario.REGION, "--project-id", "10001", "--migration-id", String.valueOf(migrationId)));
        a.addAll(List.of(more));
        return a.toArray(String[]::new);
    }

    /** Moves the export to EXPORT_SUCCESS (its timeline needs 3 answered polls). */
    private void finishExport() {
        for (int i = 0; i < 3; i++) {
            assertThat(cli.run(args("summary", TestScenario.EXPORT_OK)).exitCode()).isZero();
        }
    }

    @Test
    void summaryPrintsTheStatusInOneCall() {
        CliRun.Result r = cli.run(args("summary", TestScenario.EXPORT_OK));

        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).startsWith("migration 20001 in workspace 10001 \"nightly\": INIT")
                .contains("package: none (only a successful export has one)", "RequestId: ");
        assertThat(emulator.emulator().callCount("GetMigrationSummary")).isEqualTo(1);
    }

    @Test
    void summaryShowsTheDownloadUrlWithoutItsQuery() {
        finishExport();

        CliRun.Result r = cli.run(args("summary", TestScenario.EXPORT_OK, "--output", "json"));

        JsonObject j = new Gson().fromJson(r.out(), JsonObject.class);
        assertThat(j.get("status").getAsString()).isEqualTo("EXPORT_SUCCESS");
        assertThat(j.get("hasDownloadUrl").getAsBoolean()).isTrue();
        assertThat(j.get("downloadUrl").getAsString()).startsWith(emulator.endpoint().toString()).endsWith("?<redacted>");
    }

    @Test
    void summaryOfAnUnknownMigrationExitsSixWithAJsonError() {
        CliRun.Result r = cli.run(args("summary", 424242, "--output", "json"));

        assertThat(r.exitCode()).isEqualTo(ExitCodes.API_ERROR);
        JsonObject j = new Gson().fromJson(r.out(), JsonObject.class);
        assertThat(j.get("result").getAsString()).isEqualTo("ERROR");
        assertThat(j.get("successful").getAsBoolean()).isFalse();
        assertThat(j.get("requestId").getAsString()).isNotBlank();
        assertThat(r.err().lines()).hasSize(1);
    }

    @Test
    void downloadFetchesAFreshUrlAndVerifies() throws Exception {
        finishExport();
        Path dir = tmp.resolve("pkg");

        CliRun.Result r = cli.run(args("download", TestScenario.EXPORT_OK, "--download-dir", dir.toString(),
                "--file-name", "release.zip", "--output", "json"));

        assertThat(r.exitCode()).as(r.err()).isZero();
        JsonObject j = new Gson().fromJson(r.out(), JsonObject.class);
        Path file = dir.resolve("release.zip");
        assertThat(j.get("packageFile").getAsString()).isEqualTo(file.toString());
        assertThat(j.get("sha256").getAsString()).isEqualTo(TestScenario.sha256(file));
        assertThat(j.get("apiCalls").getAsInt()).isEqualTo(1);
        assertThat(emulator.emulator().callCount("GetMigrationSummary")).isEqualTo(4);
        // The same status line as after a wait, including what was verified.
        assertThat(r.err()).contains("downloaded " + file + ": ", "CRC-64 verified");
    }

    @Test
    void anExpiredUrlIsReplacedWithOneMoreCall() throws Exception {
        finishExport();
        emulator.emulator().inject(DownloadFault.expired());
        Path dir = tmp.resolve("pkg");

        CliRun.Result r = cli.run(args("download", TestScenario.EXPORT_OK, "--download-dir", dir.toString(),
                "--output", "json"));

        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(new Gson().fromJson(r.out(), JsonObject.class).get("apiCalls").getAsInt()).isEqualTo(2);
    }

    @Test
    void downloadOfACorruptPackageExitsSevenAndLeavesNothing() throws Exception {
        finishExport();
        emulator.emulator().inject(DownloadFault.corruptAt(5).always());
        Path dir = tmp.resolve("pkg");

        CliRun.Result r = cli.run(args("download", TestScenario.EXPORT_OK, "--download-dir", dir.toString()));

        assertThat(r.exitCode()).isEqualTo(ExitCodes.DOWNLOAD);
        assertThat(r.out()).isEmpty();
        assertThat(TestScenario.entries(dir)).isEmpty();
    }

    @Test
    void downloadDirIsRequired() {
        CliRun.Result r = cli.run(args("download", TestScenario.EXPORT_OK));

        assertThat(r.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err().lines().toList()).containsExactly("dataworks-migration download: Missing required option:"
                + " '--download-dir=DIR' (see dataworks-migration download --help)");
        assertThat(emulator.emulator().calls()).isEmpty();
    }
}
