package io.jenkins.plugins.dataworks.cli;

import static io.jenkins.plugins.dataworks.cli.CreateUsageErrorsTest.assertUsageError;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.Gson;
import com.google.gson.JsonObject;
import io.jenkins.plugins.dataworks.emulator.junit.DataWorksEmulatorExtension;
import io.jenkins.plugins.dataworks.emulator.scenario.DownloadFault;
import io.jenkins.plugins.dataworks.emulator.scenario.Scenario;
import io.jenkins.plugins.dataworks.emulator.scenario.Scenarios;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** {@code promote}: the whole release against the emulator, its demo, a failing import, and bad input. */
class PromoteCommandTest {

    /**
     * Created exports serve their package without a CRC-64 header, so a package corrupted on the way
     * down cannot be caught by the download's check and reaches the import, which must fail.
     */
    @RegisterExtension
    final DataWorksEmulatorExtension emulator = DataWorksEmulatorExtension.withScenario(TestScenario.scenario().toBuilder()
            .createdExport(Scenario.defaultCreatedExport().crcHeader(false)).build());

    @TempDir
    Path tmp;

    private CliRun cli;

    @BeforeEach
    void setUp() {
        cli = new CliRun(tmp.resolve("home")).credentials(TestScenario.KEY_ID, TestScenario.SECRET);
    }

    private String[] promote(String... more) {
        List<String> args = new ArrayList<>(List.of("promote", "--endpoint", emulator.endpoint().toString(),
                "--region", TestScenario.REGION, "--project-id", String.valueOf(TestScenario.PROJECT),
                "--target-project-id", String.valueOf(TestScenario.TARGET), "--name", "release-7",
                "--download-dir", tmp.resolve("pkg").toString(), "--poll-interval", "100ms", "--max-poll-interval", "100ms"));
        args.addAll(List.of(more));
        return args.toArray(String[]::new);
    }

    @Test
    void theDemoExportsDownloadsImportsAndReportsBothMigrations() throws Exception {
        CliRun.Result r = new CliRun(tmp.resolve("home")).run("promote", "--emulator", "--output", "json");

        assertThat(r.exitCode()).as(r.err()).isZero();
        JsonObject j = new Gson().fromJson(r.out(), JsonObject.class);
        assertThat(j.get("result").getAsString()).isEqualTo("SUCCESS");
        assertThat(j.has("failedStage")).isFalse();
        JsonObject export = j.getAsJsonObject("export");
        JsonObject imported = j.getAsJsonObject("import");
        assertThat(export.get("projectId").getAsLong()).isEqualTo(Scenarios.DEMO_PROJECT_ID);
        assertThat(export.get("status").getAsString()).isEqualTo("EXPORT_SUCCESS");
        assertThat(imported.get("projectId").getAsLong()).isEqualTo(Scenarios.DEMO_TARGET_PROJECT_ID);
        assertThat(imported.get("status").getAsString()).isEqualTo("IMPORT_SUCCESS");
        assertThat(export.get("migrationId").getAsLong()).isPositive()
                .isNotEqualTo(imported.get("migrationId").getAsLong());
        Path file = Path.of(export.get("packageFile").getAsString());
        assertThat(file).isRegularFile();
        assertThat(export.get("sha256").getAsString()).isEqualTo(TestScenario.sha256(file));
        assertThat(j.get("message").getAsString()).startsWith("promotion done: migration "
                + export.get("migrationId").getAsLong() + " in workspace 10001 exported (EXPORT_SUCCESS), migration "
                + imported.get("migrationId").getAsLong() + " in workspace 10002 imported (IMPORT_SUCCESS)");
        assertThat(r.err()).contains("using the built-in DataWorks emulator", "created export migration",
                "started migration", "downloaded ", "uploading ", "created import migration", "-> IMPORT_SUCCESS");
        assertThat(r.all()).doesNotContain(Scenarios.DEMO_ACCESS_KEY_SECRET);
    }

    @Test
    void aPromotionInTextShowsBothMigrationsThePackageAndAFinalLine() throws Exception {
        // Polls every 2 s of virtual time: the lines' clock must then pass 0s and keep counting at the import.
        String[] args = promote("--export-mode", "full", "--commit-rule", "{\"fileAutoCommit\": true}");
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("100ms")) {
                args[i] = "2s";
            }
        }
        CliRun.Result r = cli.run(args);

        assertThat(r.exitCode()).as(r.err()).isZero();
        List<String> lines = r.out().lines().toList();
        assertThat(lines).hasSize(4);
        assertThat(lines.get(0)).startsWith("export: SUCCESS: migration ").contains("in workspace 10001 reached EXPORT_SUCCESS");
        assertThat(lines.get(1)).startsWith("package: " + tmp.resolve("pkg")).contains("sha256 ");
        assertThat(lines.get(2)).startsWith("import: SUCCESS: migration ").contains("in workspace 10002 reached IMPORT_SUCCESS");
        assertThat(lines.get(3)).startsWith("SUCCESS: promotion done: ");
        List<Integer> seconds = r.err().lines()
                .map(java.util.regex.Pattern.compile("^\\[\\s*(\\d+)s\\]")::matcher)
                .filter(java.util.regex.Matcher::find)
                .map(m -> Integer.parseInt(m.group(1)))
                .toList();
        assertThat(seconds).as("one clock for the whole promotion, never back to 0s at the second wait")
                .hasSizeGreaterThan(8)
                .isSorted();
        assertThat(seconds.get(seconds.size() - 1)).as(r.err()).isGreaterThanOrEqualTo(8);
        assertThat(emulator.emulator().calls()).extracting(c -> c.action()).containsSubsequence(
                "CreateExportMigration", "StartMigration", "GetMigrationSummary", "AuthorizeFileUpload",
                "CreateImportMigration", "StartMigration", "GetMigrationSummary");
    }

    @Test
    void aCorruptPackageFailsTheImportAndTheMessageNamesTheStageAndTheFailedSubTask() {
        emulator.emulator().inject(DownloadFault.corruptAt(1000));

        CliRun.Result r = cli.run(promote("--output", "json"));

        assertThat(r.exitCode()).as(r.err()).isEqualTo(ExitCodes.MIGRATION_FAILED);
        JsonObject j = new Gson().fromJson(r.out(), JsonObject.class);
        assertThat(j.get("result").getAsString()).isEqualTo("FAILED");
        assertThat(j.get("failedStage").getAsString()).isEqualTo("WAIT_IMPORT");
        assertThat(j.getAsJsonObject("export").get("status").getAsString()).isEqualTo("EXPORT_SUCCESS");
        JsonObject imported = j.getAsJsonObject("import");
        assertThat(imported.get("status").getAsString()).isEqualTo("IMPORT_ERROR");
        assertThat(imported.getAsJsonArray("failedTasks").toString())
                .isEqualTo("[{\"name\":\"ParsePackage\",\"status\":\"FAILURE\"}]");
        assertThat(j.get("message").getAsString()).startsWith("promotion stopped at WAIT_IMPORT: ")
                .contains("IMPORT_ERROR", "ParsePackage");
        assertThat(r.err().lines().toList().get(r.err().lines().toList().size() - 1))
                .contains("FAILED: promotion stopped at WAIT_IMPORT: ", "ParsePackage");
    }

    @Test
    void aTakenNameStopsBeforeTheExportWithNothingCreated() {
        CliRun.Result r = cli.run(promoteNamed("nightly"));

        assertThat(r.exitCode()).isEqualTo(ExitCodes.API_ERROR);
        JsonObject j = new Gson().fromJson(r.out(), JsonObject.class);
        assertThat(j.get("failedStage").getAsString()).isEqualTo("CHECK_NAME");
        assertThat(j.get("message").getAsString()).startsWith("promotion stopped at CHECK_NAME: a migration named"
                + " 'nightly' already exists in workspace 10001").contains("choose another --name");
        assertThat(j.has("export")).isFalse();
        assertThat(emulator.emulator().calls()).extracting(c -> c.action()).containsExactly("ListMigrations");
    }

    @Test
    void anEndpointThatNeverResolvesStopsAtOnceNamingTheOptionsToCheck() {
        String[] args = promote("--output", "json");
        for (int i = 0; i < args.length - 1; i++) {
            if (args[i].equals("--endpoint")) {
                // .invalid never resolves (RFC 6761): a real SDK call, failing before anything reached DataWorks.
                args[i + 1] = "https://dataworks.cn-shanghai.nowhere.invalid";
            }
        }

        CliRun.Result r = cli.run(args);

        assertThat(r.exitCode()).as(r.err()).isEqualTo(ExitCodes.API_ERROR);
        JsonObject j = new Gson().fromJson(r.out(), JsonObject.class);
        assertThat(j.get("failedStage").getAsString()).isEqualTo("CHECK_NAME");
        assertThat(j.get("message").getAsString())
                .contains("unknown host dataworks.cn-shanghai.nowhere.invalid, and no call has reached DataWorks",
                        "check --region, --endpoint and --vpc")
                .doesNotContain("temporary");
        assertThat(r.err()).as("no retry").doesNotContain("retrying in", "attempt 2");
    }

    private String[] promoteNamed(String name) {
        String[] args = promote("--output", "json");
        for (int i = 0; i < args.length - 1; i++) {
            if (args[i].equals("--name")) {
                args[i + 1] = name;
            }
        }
        return args;
    }

    @Test
    void theTargetWorkspaceIsRequired() {
        assertUsageError(cli.run("promote", "--endpoint", emulator.endpoint().toString(), "--region", TestScenario.REGION,
                        "--project-id", "10001", "--name", "r", "--download-dir", tmp.resolve("d").toString()),
                "dataworks-migration promote: --target-project-id is missing: give the DataWorks workspace ID to import"
                        + " into, e.g. --target-project-id 67890");
        assertThat(emulator.emulator().calls()).isEmpty();
    }

    @Test
    void aBadTargetWorkspaceIsNamedAsTyped() {
        assertUsageError(cli.run("promote", "--endpoint", emulator.endpoint().toString(), "--region", TestScenario.REGION,
                        "--project-id", "10001", "--target-project-id", "prod", "--name", "r",
                        "--download-dir", tmp.resolve("d").toString()),
                "dataworks-migration promote: --target-project-id must be a number (the DataWorks workspace ID), got 'prod'");
    }

    @Test
    void theDownloadDirectoryIsRequired() {
        assertUsageError(cli.run("promote", "--endpoint", emulator.endpoint().toString(), "--region", TestScenario.REGION,
                        "--project-id", "10001", "--target-project-id", "10002", "--name", "r"),
                "dataworks-migration promote: --download-dir is missing: say where the package goes (it is kept there),"
                        + " e.g. --download-dir build/dataworks");
        assertThat(emulator.emulator().calls()).isEmpty();
    }

    @Test
    void malformedImportJsonIsRefusedBeforeTheExportIsCreated() throws Exception {
        assertUsageError(cli.run(promote("--workspace-map", "{\"dev\": ")),
                "dataworks-migration promote: --workspace-map is not valid JSON: write an object such as"
                        + " {\"odps_first\": \"odps_prod\"}");
        assertThat(emulator.emulator().calls()).isEmpty();
        assertThat(TestScenario.entries(tmp.resolve("pkg"))).isEmpty();
    }

    @Test
    void incrementalSinceWithoutIncrementalIsRefusedBeforeAnyCall() {
        assertUsageError(cli.run(promote("--incremental-since", "1714521600000")),
                "dataworks-migration promote: --incremental-since only applies to --export-mode incremental: remove it"
                        + " or choose that mode");
        assertThat(emulator.emulator().calls()).isEmpty();
    }
}
