package io.jenkins.plugins.dataworks.cli;

import static io.jenkins.plugins.dataworks.cli.TestScenario.array;
import static io.jenkins.plugins.dataworks.cli.TestScenario.entries;
import static io.jenkins.plugins.dataworks.cli.TestScenario.waitArgs;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.Gson;
import com.google.gson.JsonObject;
import io.jenkins.plugins.dataworks.emulator.junit.DataWorksEmulatorExtension;
import io.jenkins.plugins.dataworks.emulator.scenario.DownloadFault;
import io.jenkins.plugins.dataworks.emulator.scenario.Fault;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** {@code wait} against the emulator over real HTTP: one test per way a wait can end. */
class WaitCommandTest {

    @RegisterExtension
    final DataWorksEmulatorExtension emulator = TestScenario.extension();

    @TempDir
    Path tmp;

    private CliRun cli;
    private Path downloads;

    @BeforeEach
    void setUp() {
        cli = new CliRun(tmp.resolve("home")).credentials(TestScenario.KEY_ID, TestScenario.SECRET);
        downloads = tmp.resolve("out");
    }

    private static JsonObject json(CliRun.Result r) {
        return new Gson().fromJson(r.out(), JsonObject.class);
    }

    @Test
    void successfulExportIsDownloadedAndReportedAsJson() throws Exception {
        CliRun.Result r = cli.run(array(waitArgs(emulator, TestScenario.EXPORT_OK,
                "--download-dir", downloads.toString(), "--output", "json")));

        assertThat(r.exitCode()).as(r.err()).isEqualTo(ExitCodes.SUCCESS);
        JsonObject j = json(r); // the whole stdout is one JSON object
        assertThat(j.get("result").getAsString()).isEqualTo("SUCCESS");
        assertThat(j.get("successful").getAsBoolean()).isTrue();
        assertThat(j.get("status").getAsString()).isEqualTo("EXPORT_SUCCESS");
        assertThat(j.get("name").getAsString()).isEqualTo("nightly");
        assertThat(j.get("projectId").getAsLong()).isEqualTo(TestScenario.PROJECT);
        assertThat(j.get("migrationId").getAsLong()).isEqualTo(TestScenario.EXPORT_OK);
        assertThat(j.get("apiCalls").getAsInt())
                .isEqualTo(emulator.emulator().callCount("GetMigrationSummary"))
                .isEqualTo(4);
        Path file = Path.of(j.get("packageFile").getAsString());
        assertThat(file).isRegularFile().hasParent(downloads);
        assertThat(j.get("sha256").getAsString()).isEqualTo(TestScenario.sha256(file));
        assertThat(j.get("packageSize").getAsLong()).isEqualTo(Files.size(file)).isEqualTo(300 * 1024);
        assertThat(entries(downloads)).containsExactly(file);
        assertThat(r.err()).contains("\"nightly\": INIT", "INIT -> EXPORTING", "EXPORTING -> EXPORT_SUCCESS",
                "downloaded " + file, "CRC-64 verified");
    }

    @Test
    void hostThatDoesNotResolveFailsAtOnceNamingTheOptionsToCheck() {
        // .invalid never resolves (RFC 6761): a real SDK call, failing before anything reached DataWorks.
        CliRun.Result r = cli.run("wait", "--endpoint", "https://dataworks.cn-shanghai.nowhere.invalid",
                "--region", TestScenario.REGION, "--project-id", String.valueOf(TestScenario.PROJECT),
                "--migration-id", String.valueOf(TestScenario.EXPORT_OK));

        assertThat(r.exitCode()).as(r.err()).isEqualTo(ExitCodes.API_ERROR);
        assertThat(r.all()).contains("unknown host dataworks.cn-shanghai.nowhere.invalid",
                        "no call of this wait has reached DataWorks",
                        "check --region, --endpoint and --vpc (the VPC endpoint resolves only inside an Alibaba Cloud VPC),"
                                + " and the proxy (--proxy)")
                .doesNotContain("temporary", "retry 1");
        assertThat(r.out().lines()).hasSize(1);
    }

    @Test
    void theEndpointMayComeFromDataworksEndpointAndVpcOrEndpointStillWin() throws Exception {
        List<String> args = new ArrayList<>(waitArgs(emulator, TestScenario.EXPORT_OK));
        int at = args.indexOf("--endpoint");
        args.remove(at + 1);
        args.remove(at);
        CliRun.Result r = cli.env(ConnectionOptions.ENV_ENDPOINT, emulator.endpoint().toString()).run(array(args));
        assertThat(r.exitCode()).as(r.err()).isEqualTo(ExitCodes.SUCCESS);
        assertThat(emulator.emulator().callCount("GetMigrationSummary")).isEqualTo(4);

        // An explicit --endpoint wins over the variable, and a bad variable is named as such.
        CliRun.Result explicit = new CliRun(tmp.resolve("home2"))
                .credentials(TestScenario.KEY_ID, TestScenario.SECRET)
                .env(ConnectionOptions.ENV_ENDPOINT, "https://nowhere.invalid")
                .run(array(waitArgs(emulator, TestScenario.EXPORT_OK)));
        assertThat(explicit.exitCode()).as(explicit.err()).isEqualTo(ExitCodes.SUCCESS);
        CliRun.Result bad = new CliRun(tmp.resolve("home3"))
                .credentials(TestScenario.KEY_ID, TestScenario.SECRET)
                .env(ConnectionOptions.ENV_ENDPOINT, "ftp://example.com")
                .run(array(args));
        assertThat(bad.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(bad.err()).startsWith("dataworks-migration wait: DATAWORKS_ENDPOINT is not a usable endpoint (");
        assertThat(bad.out()).isEmpty();
    }

    @Test
    void textOutputIsAShortSummary() throws Exception {
        CliRun.Result r = cli.run(array(waitArgs(emulator, TestScenario.EXPORT_OK,
                "--download-dir", downloads.toString())));

        assertThat(r.exitCode()).as(r.err()).isEqualTo(ExitCodes.SUCCESS);
        Path file = downloads.resolve("dataworks-export-10001-20001-nightly.zip");
        assertThat(r.out().lines()).hasSize(2);
        assertThat(r.out().lines().findFirst().orElseThrow())
                .startsWith("SUCCESS: migration 20001 in workspace 10001 reached EXPORT_SUCCESS")
                .contains("4 API calls");
        assertThat(r.out().lines().skip(1).findFirst().orElseThrow())
                .isEqualTo("package: " + file + " (307200 bytes, sha256 " + TestScenario.sha256(file) + ")");
    }

    @Test
    void withoutDownloadDirNothingIsDownloadedAndAHintSaysSo() {
        CliRun.Result r = cli.run(array(waitArgs(emulator, TestScenario.EXPORT_OK)));

        assertThat(r.exitCode()).isEqualTo(ExitCodes.SUCCESS);
        assertThat(r.err()).contains("hint: the export package was not downloaded: add --download-dir DIR");
        assertThat(emulator.emulator().downloadCount()).isZero();
    }

    @Test
    void errorStatusExitsOne() {
        CliRun.Result r = cli.run(array(waitArgs(emulator, TestScenario.EXPORT_ERROR,
                "--download-dir", downloads.toString(), "--output", "json")));

        assertThat(r.exitCode()).isEqualTo(ExitCodes.MIGRATION_FAILED);
        assertThat(json(r).get("result").getAsString()).isEqualTo("FAILED");
        assertThat(json(r).get("status").getAsString()).isEqualTo("EXPORT_ERROR");
        assertThat(downloads).doesNotExist();
    }

    @Test
    void partialSuccessFailsByDefault() {
        CliRun.Result r = cli.run(array(waitArgs(emulator, TestScenario.PARTIAL)));

        assertThat(r.exitCode()).isEqualTo(ExitCodes.MIGRATION_FAILED);
        assertThat(r.out()).startsWith("FAILED: ");
    }

    @Test
    void partialSuccessAsUnstableExitsThree() {
        CliRun.Result r = cli.run(array(waitArgs(emulator, TestScenario.PARTIAL,
                "--partial-success", "unstable", "--output", "json")));

        assertThat(r.exitCode()).isEqualTo(ExitCodes.UNSTABLE);
        assertThat(json(r).get("result").getAsString()).isEqualTo("UNSTABLE");
        assertThat(json(r).get("successful").getAsBoolean()).isTrue();
    }

    @Test
    void partialSuccessAsSuccessExitsZero() {
        CliRun.Result r = cli.run(array(waitArgs(emulator, TestScenario.PARTIAL, "--partial-success", "SUCCEED")));

        assertThat(r.exitCode()).isEqualTo(ExitCodes.SUCCESS);
        assertThat(r.out()).startsWith("SUCCESS: ");
    }

    @Test
    void unknownStatusFailsUnlessToldToKeepWaiting() {
        CliRun.Result failed = cli.run(array(waitArgs(emulator, TestScenario.UNKNOWN_STATUS)));
        assertThat(failed.exitCode()).isEqualTo(ExitCodes.MIGRATION_FAILED);
        assertThat(failed.out()).contains("ARCHIVED");

        CliRun.Result kept = cli.run(array(waitArgs(emulator, TestScenario.UNKNOWN_STATUS,
                "--keep-waiting-on-unknown-status", "--timeout", "2s")));
        assertThat(kept.exitCode()).isEqualTo(ExitCodes.TIMEOUT);
    }

    @Test
    void deadlineOnANeverEndingMigrationExitsFour() {
        CliRun.Result r = cli.run(array(waitArgs(emulator, TestScenario.NEVER_ENDS,
                "--timeout", "3s", "--download-dir", downloads.toString(), "--output", "json")));

        assertThat(r.exitCode()).isEqualTo(ExitCodes.TIMEOUT);
        assertThat(json(r).get("result").getAsString()).isEqualTo("TIMED_OUT");
        // Polls 90 to 110 ms apart (100 ms +-10 % jitter) over 3 s of virtual time, plus the first at once.
        assertThat(emulator.emulator().callCount("GetMigrationSummary")).isBetween(3000 / 110 + 1L, 3000 / 90 + 1L);
        assertThat(downloads).doesNotExist();
    }

    @Test
    void apiCallBudgetExitsFour() {
        CliRun.Result r = cli.run(array(waitArgs(emulator, TestScenario.NEVER_ENDS, "--max-api-calls", "3")));

        assertThat(r.exitCode()).isEqualTo(ExitCodes.TIMEOUT);
        assertThat(emulator.emulator().callCount("GetMigrationSummary")).isEqualTo(3);
    }

    @Test
    void wrongSecretExitsFive() {
        cli.credentials(TestScenario.KEY_ID, "not-the-secret");

        CliRun.Result r = cli.run(array(waitArgs(emulator, TestScenario.EXPORT_OK,
                "--download-dir", downloads.toString(), "--output", "json")));

        assertThat(r.exitCode()).as(r.err()).isEqualTo(ExitCodes.AUTHENTICATION);
        assertThat(json(r).get("result").getAsString()).isEqualTo("ERROR");
        assertThat(r.err()).contains("SignatureDoesNotMatch");
        assertThat(emulator.emulator().callCount("GetMigrationSummary")).isEqualTo(1); // fails fast, no retry
        assertThat(downloads).doesNotExist();
    }

    @Test
    void missingPermissionExitsFive() {
        emulator.emulator().inject(Fault.forbiddenRam().always());

        assertThat(cli.run(array(waitArgs(emulator, TestScenario.EXPORT_OK))).exitCode())
                .isEqualTo(ExitCodes.AUTHENTICATION);
    }

    @Test
    void unknownMigrationExitsSix() {
        CliRun.Result r = cli.run(array(waitArgs(emulator, 99999, "--output", "json")));

        assertThat(r.exitCode()).as(r.err()).isEqualTo(ExitCodes.API_ERROR);
        assertThat(json(r).get("result").getAsString()).isEqualTo("ERROR");
    }

    @Test
    void dailyQuotaExitsSix() {
        emulator.emulator().inject(Fault.throttling("Throttling.Api.Risk").always());

        assertThat(cli.run(array(waitArgs(emulator, TestScenario.EXPORT_OK))).exitCode()).isEqualTo(ExitCodes.API_ERROR);
    }

    @Test
    void transientErrorsAreRetriedAndReported() {
        emulator.emulator().inject(Fault.internalError().times(2));

        CliRun.Result r = cli.run(array(waitArgs(emulator, TestScenario.EXPORT_OK)));

        assertThat(r.exitCode()).isEqualTo(ExitCodes.SUCCESS);
        assertThat(r.err()).contains("transient error #1, retrying in", "transient error #2, retrying in");
    }

    @Test
    void corruptPackageExitsSevenAndLeavesNothing() throws Exception {
        emulator.emulator().inject(DownloadFault.corruptAt(1000).always());

        CliRun.Result r = cli.run(array(waitArgs(emulator, TestScenario.EXPORT_OK,
                "--download-dir", downloads.toString(), "--output", "json")));

        assertThat(r.exitCode()).as(r.err()).isEqualTo(ExitCodes.DOWNLOAD);
        JsonObject j = json(r);
        assertThat(j.get("result").getAsString()).isEqualTo("ERROR");
        assertThat(j.get("status").getAsString()).isEqualTo("EXPORT_SUCCESS");
        assertThat(j.get("message").getAsString()).startsWith("download failed: ");
        assertThat(j.has("packageFile")).isFalse();
        assertThat(entries(downloads)).isEmpty();
    }

    @Test
    void downloadAlwaysWithoutAPackageExitsSeven() {
        CliRun.Result r = cli.run(array(waitArgs(emulator, TestScenario.IMPORT_OK,
                "--download", "always", "--download-dir", downloads.toString())));

        assertThat(r.exitCode()).isEqualTo(ExitCodes.DOWNLOAD);
        assertThat(r.err()).contains("has no DownloadUrl");
    }

    @Test
    void downloadNeverSkipsTheDownload() throws Exception {
        CliRun.Result r = cli.run(array(waitArgs(emulator, TestScenario.EXPORT_OK,
                "--download", "never", "--download-dir", downloads.toString())));

        assertThat(r.exitCode()).isEqualTo(ExitCodes.SUCCESS);
        assertThat(entries(downloads)).isEmpty();
        assertThat(emulator.emulator().downloadCount()).isZero();
    }

    @Test
    void quietKeepsStderrEmptyOnSuccess() {
        CliRun.Result r = cli.run(array(waitArgs(emulator, TestScenario.EXPORT_OK,
                "--download-dir", downloads.toString(), "--quiet")));

        assertThat(r.exitCode()).isEqualTo(ExitCodes.SUCCESS);
        assertThat(r.err()).isEmpty();
        assertThat(r.out()).startsWith("SUCCESS: ");
    }

    @Test
    void heartbeatsAndHintsReachStderrDuringALongWait() {
        // 12 minutes of virtual time, one poll a minute: heartbeats every 5 minutes, the INIT hint after 10.
        CliRun.Result r = cli.run(array(waitArgs(emulator, TestScenario.STUCK_IN_INIT,
                "--poll-interval", "1m", "--max-poll-interval", "1m", "--timeout", "12m")));

        assertThat(r.exitCode()).isEqualTo(ExitCodes.TIMEOUT);
        assertThat(r.err()).containsPattern("\\[ +5m\\d*s?\\] still INIT \\(\\d+ API calls so far\\)")
                .containsPattern("\\[ *1\\dm\\d*s?\\] hint: .*INIT");
    }

    @Test
    void progressBarOnlyOnATerminal() {
        CliRun.Result plain = cli.run(array(waitArgs(emulator, TestScenario.EXPORT_OK,
                "--download-dir", downloads.resolve("plain").toString())));
        assertThat(plain.err()).doesNotContain("\r");

        CliRun.Result terminal = cli.terminal(Writer.nullWriter()).run(array(waitArgs(emulator, TestScenario.EXPORT_OK,
                "--download-dir", downloads.resolve("tty").toString())));
        assertThat(terminal.exitCode()).isZero();
        assertThat(terminal.err()).contains("\r[##############################] 100% 300.0 KiB / 300.0 KiB");
    }

    @Test
    void quietStillReportsAFailure() {
        CliRun.Result r = cli.run(array(waitArgs(emulator, TestScenario.EXPORT_ERROR, "--quiet")));

        assertThat(r.exitCode()).isEqualTo(ExitCodes.MIGRATION_FAILED);
        assertThat(r.err().lines().toList()).singleElement().asString().contains("FAILED: ", "EXPORT_ERROR");
    }
}
