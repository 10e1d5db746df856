package io.jenkins.plugins.dataworks.cli;

import static io.jenkins.plugins.dataworks.cli.CreateUsageErrorsTest.assertUsageError;
import static io.jenkins.plugins.dataworks.cli.TestScenario.commandArgs;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.Gson;
import com.google.gson.JsonObject;
import io.jenkins.plugins.dataworks.emulator.junit.DataWorksEmulatorExtension;
import io.jenkins.plugins.dataworks.emulator.state.CallRecord;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code import}: every bad input refused before any call; a downloaded export package imported for real. */
class ImportCommandTest {

    @RegisterExtension
    final DataWorksEmulatorExtension emulator = TestScenario.extension();

    @TempDir
    Path tmp;

    private CliRun cli;
    private Path pkg;

    @BeforeEach
    void setUp() throws Exception {
        cli = new CliRun(tmp.resolve("home")).credentials(TestScenario.KEY_ID, TestScenario.SECRET);
        pkg = Files.write(tmp.resolve("release.zip"), new byte[2048]);
    }

    private CliRun.Result importWith(String... more) {
        List<String> args = new ArrayList<>(List.of("--name", "release-1", "--output", "json"));
        args.addAll(List.of(more));
        return cli.run(commandArgs(emulator, "import", TestScenario.TARGET, args.toArray(String[]::new)));
    }

    private void assertRefusedWithoutACall(CliRun.Result r, String message) {
        assertUsageError(r, "dataworks-migration import: " + message);
        assertThat(emulator.emulator().calls()).isEmpty();
        MessageVocabularyTest.assertNoEngineOnlyName(r.err());
    }

    @Test
    void aPackageThatDoesNotExist() {
        Path missing = tmp.resolve("missing.zip");
        assertRefusedWithoutACall(importWith("--package-file", missing.toString()),
                "--package-file " + missing + " does not exist: give the path of an export package (.zip)");
    }

    @Test
    void anEmptyPackage() throws Exception {
        Path empty = Files.createFile(tmp.resolve("empty.zip"));
        assertRefusedWithoutACall(importWith("--package-file", empty.toString()),
                "--package-file " + empty + " is empty: give the package an export produced");
    }

    @Test
    void aPackageLargerThanTheCap() {
        assertRefusedWithoutACall(importWith("--package-file", pkg.toString(), "--max-upload-size", "1K"),
                "--package-file " + pkg + " is 2048 bytes (2.0 KiB), over the limit of 1024 bytes (1.0 KiB): raise"
                        + " --max-upload-size if the package is right");
    }

    @Test
    void aPackageFileIsRequired() {
        assertRefusedWithoutACall(importWith(), "--package-file is missing: give the path of the package to import, e.g."
                + " --package-file build/dataworks/release.zip");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "lots      | --max-upload-size 'lots' is not a size: use e.g. 500M, 2G or 1048576 (bytes)",
        "0         | --max-upload-size must be positive, got '0'",
        "1.5G      | --max-upload-size '1.5G' is not a size: use e.g. 500M, 2G or 1048576 (bytes)",
    })
    void aBadCap(String value, String message) {
        assertRefusedWithoutACall(importWith("--package-file", pkg.toString(), "--max-upload-size", value), message);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "--commit-rule          | {resourceAutoCommit: | --commit-rule is not valid JSON: write an object such as {\"resourceAutoCommit\": true}",
        "--commit-rule          | `{\"resourceAutoCommit\": \"yes\"}` | --commit-rule sets 'resourceAutoCommit' to a string: use true or false",
        "--calculate-engine-map | [1, 2]               | --calculate-engine-map is an array, not a JSON object: write one such as {\"odps_first\": \"odps_prod\"}",
        "--resource-group-map   | {\"a\": 1             | --resource-group-map is not valid JSON: write an object such as {\"odps_first\": \"odps_prod\"}",
        "--workspace-map        | `{\"dev\": 42}`       | --workspace-map maps 'dev' to a number: every value must be a string",
    })
    void malformedJsonIsRefusedBeforeAnyCall(String option, String json, String message) {
        assertRefusedWithoutACall(importWith("--package-file", pkg.toString(), option, json), message);
    }

    @Test
    void anEmptyName() {
        assertRefusedWithoutACall(cli.run(commandArgs(emulator, "import", TestScenario.TARGET, "--name", "",
                        "--package-file", pkg.toString())),
                "--name is missing: give the migration a name that is unique in the workspace");
    }

    @Test
    void aDownloadedExportPackageIsUploadedImportedStartedAndSucceeds() throws Exception {
        // Finish the scenario's export (3 answered polls), download its package like a release job would.
        for (int i = 0; i < 3; i++) {
            cli.run(commandArgs(emulator, "summary", TestScenario.PROJECT, "--migration-id", "20001"));
        }
        Path dir = tmp.resolve("dl");
        assertThat(cli.run(commandArgs(emulator, "download", TestScenario.PROJECT, "--migration-id", "20001",
                "--download-dir", dir.toString(), "--file-name", "nightly.zip")).exitCode()).isZero();
        Path downloaded = dir.resolve("nightly.zip");

        CliRun.Result created = cli.run(commandArgs(emulator, "import", TestScenario.TARGET, "--name", "nightly-import",
                "--package-file", downloaded.toString(), "--commit-rule", "{\"resourceAutoCommit\": true}",
                "--calculate-engine-map", "{\"odps_dev\": \"odps_prod\"}"));

        assertThat(created.exitCode()).as(created.err()).isZero();
        assertThat(created.out()).matches("\\d+\\R");
        String id = created.out().strip();
        assertThat(created.err()).contains("uploading " + downloaded, "created import migration " + id
                + " in workspace 10002 \"nightly-import\" (not started yet)");
        assertThat(emulator.emulator().calls()).extracting(CallRecord::action)
                .containsSubsequence("AuthorizeFileUpload", "CreateImportMigration");
        CallRecord create = emulator.emulator().calls().stream()
                .filter(c -> c.action().equals("CreateImportMigration")).findFirst().orElseThrow();
        assertThat(create.params()).containsEntry("PackageType", "DATAWORKS_MODEL")
                .containsEntry("CommitRule", "{\"resourceAutoCommit\": true}");

        assertThat(cli.run(commandArgs(emulator, "start", TestScenario.TARGET, "--migration-id", id)).exitCode()).isZero();
        CliRun.Result waited = cli.run(commandArgs(emulator, "wait", TestScenario.TARGET, "--migration-id", id,
                "--poll-interval", "100ms", "--max-poll-interval", "100ms", "--output", "json"));
        assertThat(waited.exitCode()).as(waited.err()).isZero();
        assertThat(new Gson().fromJson(waited.out(), JsonObject.class).get("status").getAsString())
                .isEqualTo("IMPORT_SUCCESS");
    }

    @Test
    void aDuplicateImportNameLeavesNoSecondMigration() throws Exception {
        CliRun.Result first = importWith("--package-file", pkg.toString());
        assertThat(first.exitCode()).as(first.err()).isZero();
        long creates = emulator.emulator().callCount("CreateImportMigration");

        CliRun.Result again = importWith("--package-file", pkg.toString(), "--quiet");

        assertThat(again.exitCode()).isEqualTo(ExitCodes.API_ERROR);
        assertThat(again.err().lines().toList()).singleElement().asString()
                .contains("a migration named 'release-1' already exists in workspace 10002", "choose another --name");
        assertThat(emulator.emulator().callCount("CreateImportMigration"))
                .as("the taken name is found before the upload: no second Create")
                .isEqualTo(creates);
        assertThat(emulator.emulator().uploads()).as("and no second upload").hasSize(1);
    }
}
