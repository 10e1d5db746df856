package io.jenkins.plugins.dataworks.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.dataworks.emulator.junit.DataWorksEmulatorExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Bad input: exit 2, exactly one line on stderr naming the option and the fix, nothing on stdout
 * (even with --output json), no API call and nothing in the download directory.
 */
class UsageErrorsTest {

    @RegisterExtension
    static final DataWorksEmulatorExtension EMULATOR = TestScenario.extension();

    @TempDir
    Path tmp;

    private CliRun cli;
    private Path downloads;
    private long callsBefore;

    @BeforeEach
    void setUp() throws Exception {
        cli = new CliRun(tmp.resolve("home")).credentials(TestScenario.KEY_ID, TestScenario.SECRET);
        downloads = Files.createDirectory(tmp.resolve("out"));
        callsBefore = EMULATOR.emulator().calls().size();
    }

    @AfterEach
    void nothingCalledNothingWritten() throws Exception {
        assertThat(EMULATOR.emulator().calls()).hasSize((int) callsBefore);
        assertThat(TestScenario.entries(downloads)).isEmpty();
    }

    /** Runs wait with the given options replacing the defaults of a valid command line. */
    private CliRun.Result waitWith(String... options) {
        List<String> args = new ArrayList<>(List.of("wait", "--endpoint", EMULATOR.endpoint().toString(),
                "--region", TestScenario.REGION, "--download-dir", downloads.toString(), "--output", "json"));
        args.addAll(List.of(options));
        return cli.run(args.toArray(String[]::new));
    }

    private static void assertUsageError(CliRun.Result r, String expectedLine) {
        assertThat(r.exitCode()).as(r.err()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.out()).isEmpty();
        assertThat(r.err().lines().toList()).containsExactly(expectedLine);
    }

    @Test
    void projectIdMissing() {
        assertUsageError(waitWith("--migration-id", "20001"),
                "dataworks-migration wait: --project-id is missing: give the DataWorks workspace ID, e.g. --project-id 12345");
    }

    @Test
    void migrationIdMissing() {
        assertUsageError(waitWith("--project-id", "10001"),
                "dataworks-migration wait: --migration-id is missing: give the migration task ID, e.g. --migration-id 678");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "0    | --project-id must be a positive DataWorks workspace ID, got 0",
        "-5   | --project-id must be a positive DataWorks workspace ID, got -5",
        "abc  | --project-id must be a number (the DataWorks workspace ID), got 'abc'",
        "1.5  | --project-id must be a number (the DataWorks workspace ID), got '1.5'",
    })
    void badProjectId(String value, String message) {
        assertUsageError(waitWith("--project-id=" + value, "--migration-id", "20001"), "dataworks-migration wait: " + message);
    }

    @Test
    void badMigrationId() {
        assertUsageError(waitWith("--project-id", "10001", "--migration-id", "x1"),
                "dataworks-migration wait: --migration-id must be a number (the migration task ID), got 'x1'");
    }

    @Test
    void unknownRegion() {
        CliRun.Result r = cli.run("wait", "--region", "mars-north-1", "--project-id", "1", "--migration-id", "2");
        assertThat(r.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err().lines().toList()).singleElement().asString()
                .startsWith("dataworks-migration wait: --region 'mars-north-1' is not a DataWorks region: use one of cn-")
                .endsWith(" or set --endpoint");
    }

    @Test
    void regionMissing() {
        CliRun.Result r = cli.run("wait", "--project-id", "1", "--migration-id", "2");
        assertUsageError(r, "dataworks-migration wait: --region is missing: give the DataWorks region, e.g. --region cn-shanghai"
                + " (or set ALIBABA_CLOUD_REGION_ID)");
    }

    @Test
    void malformedEndpoint() {
        assertUsageError(cli.run("wait", "--endpoint", "https://exa mple.com", "--region", "cn-shanghai",
                        "--project-id", "1", "--migration-id", "2"),
                "dataworks-migration wait: --endpoint is not a valid URL (Illegal character in authority): use https://host[:port]");
    }

    @Test
    void endpointWithAPath() {
        assertUsageError(cli.run("wait", "--endpoint", "https://dataworks.example.com/api", "--region", "cn-shanghai",
                        "--project-id", "1", "--migration-id", "2"),
                "dataworks-migration wait: --endpoint must not have a path (got /api): use https://dataworks.example.com");
    }

    @Test
    void plainHttpToANonLoopbackHost() {
        assertUsageError(cli.run("wait", "--endpoint", "http://dataworks.example.com", "--region", "cn-shanghai",
                        "--project-id", "1", "--migration-id", "2"),
                "dataworks-migration wait: --endpoint must use https:// (plain http is allowed only for loopback hosts:"
                        + " 127.0.0.1, ::1, localhost)");
    }

    @Test
    void noCredentialsAtAll() {
        CliRun bare = new CliRun(tmp.resolve("empty-home"));
        assertUsageError(bare.run("wait", "--region", "cn-shanghai", "--project-id", "1", "--migration-id", "2"),
                "dataworks-migration wait: no credentials found: set ALIBABA_CLOUD_ACCESS_KEY_ID and"
                        + " ALIBABA_CLOUD_ACCESS_KEY_SECRET (plus ALIBABA_CLOUD_SECURITY_TOKEN for STS), or use --profile NAME"
                        + " with ~/.aliyun/config.json");
    }

    @Test
    void secretWithoutId() {
        CliRun partial = new CliRun(tmp.resolve("empty-home")).env(CredentialsResolver.ENV_SECRET, TestScenario.SECRET);
        assertUsageError(partial.run("wait", "--region", "cn-shanghai", "--project-id", "1", "--migration-id", "2"),
                "dataworks-migration wait: ALIBABA_CLOUD_ACCESS_KEY_ID is not set although ALIBABA_CLOUD_ACCESS_KEY_SECRET"
                        + " is: export both");
    }

    @Test
    void idWithoutSecret() {
        CliRun partial = new CliRun(tmp.resolve("empty-home")).env(CredentialsResolver.ENV_ID, TestScenario.KEY_ID);
        assertUsageError(partial.run("wait", "--region", "cn-shanghai", "--project-id", "1", "--migration-id", "2"),
                "dataworks-migration wait: ALIBABA_CLOUD_ACCESS_KEY_SECRET is not set although ALIBABA_CLOUD_ACCESS_KEY_ID"
                        + " is: export both");
    }

    @Test
    void secretOnTheCommandLineIsNotAnOption() {
        for (String[] attempt : new String[][] {{"--access-key-secret", "s3cr3t"}, {"--access-key-secret=s3cr3t"}}) {
            List<String> args = new ArrayList<>(List.of("--project-id", "10001", "--migration-id", "20001"));
            args.addAll(List.of(attempt));
            assertUsageError(waitWith(args.toArray(String[]::new)),
                    "dataworks-migration wait: unknown option '--access-key-secret': secrets are never read from the command"
                            + " line; set ALIBABA_CLOUD_ACCESS_KEY_SECRET (and ALIBABA_CLOUD_SECURITY_TOKEN) or use --profile"
                            + " (see dataworks-migration wait --help)");
        }
    }

    @Test
    void unknownOptionsAreNamedWithoutTheirValues() {
        assertUsageError(waitWith("--project-id", "10001", "--migration-id", "20001", "--colour=red", "stray"),
                "dataworks-migration wait: unknown option '--colour' and 1 more argument, not shown"
                        + " (see dataworks-migration wait --help)");
    }

    @Test
    void downloadDirIsAFile() throws Exception {
        Path file = Files.writeString(tmp.resolve("a-file"), "x");
        assertUsageError(cli.run("wait", "--endpoint", EMULATOR.endpoint().toString(), "--region", "cn-shanghai",
                        "--project-id", "10001", "--migration-id", "20001", "--download-dir", file.toString()),
                "dataworks-migration wait: --download-dir " + file + " is not a directory: give a directory, which is"
                        + " created when missing");
    }

    @Test
    void downloadDirUnderAFile() throws Exception {
        Path file = Files.writeString(tmp.resolve("a-file"), "x");
        Path below = file.resolve("sub");
        assertUsageError(cli.run("wait", "--endpoint", EMULATOR.endpoint().toString(), "--region", "cn-shanghai",
                        "--project-id", "10001", "--migration-id", "20001", "--download-dir", below.toString()),
                "dataworks-migration wait: --download-dir " + below + " is not a directory (its parent " + file
                        + "): give a directory, which is created when missing");
        assertThat(Files.exists(below)).isFalse();
    }

    @Test
    void downloadDirNotWritable() throws Exception {
        Path locked = unwritableDirectory();
        assertUsageError(cli.run("wait", "--endpoint", EMULATOR.endpoint().toString(), "--region", "cn-shanghai",
                        "--project-id", "10001", "--migration-id", "20001", "--download-dir", locked.toString()),
                "dataworks-migration wait: --download-dir " + locked + " is not writable: choose a directory you can write to");
    }

    /** Read-only permissions stop ordinary users; root ignores them, so as root use /sys, which refuses new files to all. */
    private Path unwritableDirectory() throws Exception {
        Path locked = Files.createDirectory(tmp.resolve("locked"));
        locked.toFile().setWritable(false, false);
        if (!canCreateFileIn(locked)) {
            return locked;
        }
        Path sys = Path.of("/sys");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isDirectory(sys) && !canCreateFileIn(sys),
                "no unwritable directory available here");
        return sys;
    }

    private static boolean canCreateFileIn(Path dir) {
        try {
            Files.delete(Files.createTempFile(dir, "probe", ".tmp"));
            return true;
        } catch (java.io.IOException e) {
            return false;
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "--timeout=0         | --timeout '0' is not a duration: use e.g. 90s, 15m, 2h or 1h30m",
        "--timeout=0s        | --timeout must be greater than zero, e.g. 2h",
        "--timeout=soon      | --timeout 'soon' is not a duration: use e.g. 90s, 15m, 2h or 1h30m",
        "--poll-interval=10ms | --poll-interval must be between 100ms and 1h, got 10ms",
        "--poll-interval=2h  | --poll-interval must be between 100ms and 1h, got 2h",
        "--max-poll-interval=50ms | --max-poll-interval must be between 100ms and 1h, got 50ms",
        "--max-api-calls=-1  | --max-api-calls must be 0 (no budget) or positive, got -1",
        "--file-name=../x.zip | --file-name must be a plain file name without '/' or '\\': give the directory separately, got '../x.zip'",
    })
    void badWaitSetting(String option, String message) {
        assertUsageError(waitWith("--project-id", "10001", "--migration-id", "20001", option),
                "dataworks-migration wait: " + message);
    }

    @Test
    void pollIntervalAboveItsMaximum() {
        assertUsageError(waitWith("--project-id", "10001", "--migration-id", "20001",
                        "--poll-interval", "1m", "--max-poll-interval", "30s"),
                "dataworks-migration wait: --max-poll-interval must be at least --poll-interval (1m), got 30s");
    }

    @Test
    void unknownEnumValueNamesTheChoices() {
        CliRun.Result r = waitWith("--project-id", "10001", "--migration-id", "20001", "--partial-success", "maybe");
        assertThat(r.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err().lines().toList()).containsExactly("dataworks-migration wait: Invalid value for option"
                + " '--partial-success': expected one of [FAIL, UNSTABLE, SUCCEED] (case-insensitive) but was 'maybe'"
                + " (see dataworks-migration wait --help)");
    }

    @Test
    void emulatorWithAnEndpointConflicts() {
        assertUsageError(cli.run("wait", "--emulator", "--endpoint", "https://x.example.com"),
                "dataworks-migration wait: --emulator cannot be combined with --endpoint: the emulator brings its own endpoint"
                        + " and demo credentials; drop one of them");
    }

    @Test
    void downloadAlwaysNeedsADirectory() {
        assertUsageError(cli.run("wait", "--endpoint", EMULATOR.endpoint().toString(), "--region", "cn-shanghai",
                        "--project-id", "10001", "--migration-id", "20001", "--download", "always"),
                "dataworks-migration wait: --download always needs --download-dir DIR: say where the package goes");
    }

    @Test
    void noCommand() {
        CliRun.Result r = cli.run();
        assertThat(r.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err().lines().toList()).containsExactly("dataworks-migration: a command is missing: use export, import,"
                + " start, wait, summary, download, process or promote (see dataworks-migration --help)");
    }
}
