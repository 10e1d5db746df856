package io.jenkins.plugins.dataworks.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.dataworks.emulator.junit.DataWorksEmulatorExtension;
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
 * Bad input to the commands that create migrations: exit 2, exactly one line on stderr naming the
 * option as typed and the fix, nothing on stdout (even with --output json), and not one API call,
 * so nothing was created.
 */
class CreateUsageErrorsTest {

    @RegisterExtension
    static final DataWorksEmulatorExtension EMULATOR = TestScenario.extension();

    @TempDir
    Path tmp;

    private CliRun cli;
    private long callsBefore;

    @BeforeEach
    void setUp() {
        cli = new CliRun(tmp.resolve("home")).credentials(TestScenario.KEY_ID, TestScenario.SECRET);
        callsBefore = EMULATOR.emulator().calls().size();
    }

    @AfterEach
    void nothingCalled() {
        assertThat(EMULATOR.emulator().calls()).hasSize((int) callsBefore);
    }

    private CliRun.Result run(String command, String... options) {
        List<String> args = new ArrayList<>(List.of(command, "--endpoint", EMULATOR.endpoint().toString(),
                "--region", TestScenario.REGION, "--project-id", "10001", "--output", "json"));
        args.addAll(List.of(options));
        return cli.run(args.toArray(String[]::new));
    }

    static void assertUsageError(CliRun.Result r, String expectedLine) {
        assertThat(r.exitCode()).as(r.err()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.out()).isEmpty();
        assertThat(r.err().lines().toList()).containsExactly(expectedLine);
    }

    @ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"", "   "})
    void emptyName(String name) {
        assertUsageError(run("export", "--name", name),
                "dataworks-migration export: --name is missing: give the migration a name that is unique in the workspace");
    }

    @Test
    void nameMissing() {
        assertUsageError(run("export"), "dataworks-migration export: --name is missing: give the migration a name that is"
                + " unique in the workspace");
    }

    @Test
    void nameTooLong() {
        assertUsageError(run("export", "--name", "n".repeat(129)),
                "dataworks-migration export: --name is 129 characters long: use at most 128");
    }

    @Test
    void incrementalSinceWithoutIncrementalMode() {
        assertUsageError(run("export", "--name", "nightly", "--incremental-since", "2024-05-01T00:00:00Z"),
                "dataworks-migration export: --incremental-since only applies to --export-mode incremental: remove it or"
                        + " choose that mode");
    }

    @Test
    void incrementalModeWithoutSince() {
        assertUsageError(run("export", "--name", "nightly", "--export-mode", "INCREMENTAL"),
                "dataworks-migration export: --incremental-since is missing: an --export-mode incremental export needs the"
                        + " time to export changes since");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "yesterday",
        "2024-05-01",
        "2024-05-01T00:00:00",
        "99999999999999999999",
    })
    void incrementalSinceThatIsNotATimeWithAZone(String value) {
        assertUsageError(run("export", "--name", "nightly", "--export-mode", "incremental", "--incremental-since", value),
                "dataworks-migration export: --incremental-since '" + value + "' is not a time with a zone: use an ISO-8601"
                        + " instant such as 2024-05-01T00:00:00Z or 2024-05-01T08:00:00+08:00, or epoch milliseconds");
    }

    @Test
    void unknownObjectStatusNamesTheChoices() {
        CliRun.Result r = run("export", "--name", "nightly", "--object-status", "published");
        assertThat(r.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err().lines().toList()).containsExactly("dataworks-migration export: Invalid value for option"
                + " '--object-status': expected one of [SAVED, SUBMITTED, DEPLOYED] (case-insensitive) but was 'published'"
                + " (see dataworks-migration export --help)");
    }

    @Test
    void projectIdMissing() {
        assertUsageError(cli.run("export", "--endpoint", EMULATOR.endpoint().toString(), "--region", TestScenario.REGION,
                        "--name", "nightly"),
                "dataworks-migration export: --project-id is missing: give the DataWorks workspace ID, e.g. --project-id 12345");
    }

    @Test
    void startNeedsTheMigrationId() {
        assertUsageError(run("start"),
                "dataworks-migration start: --migration-id is missing: give the migration task ID, e.g. --migration-id 678");
    }

    @Test
    void processNeedsTheMigrationId() {
        assertUsageError(run("process"),
                "dataworks-migration process: --migration-id is missing: give the migration task ID, e.g. --migration-id 678");
    }
}
