package io.jenkins.plugins.dataworks.cli;

import static io.jenkins.plugins.dataworks.cli.TestScenario.array;
import static io.jenkins.plugins.dataworks.cli.TestScenario.waitArgs;
import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.dataworks.emulator.junit.DataWorksEmulatorExtension;
import io.jenkins.plugins.dataworks.emulator.scenario.DownloadFault;
import io.jenkins.plugins.dataworks.engine.text.Setting;
import io.jenkins.plugins.dataworks.engine.text.UserText;
import java.nio.file.Path;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every message that names a setting names it as the option users type here (issue 9): provoked
 * through the command against the emulator, checked for the option and against the engine's name.
 */
class MessageVocabularyTest {

    @RegisterExtension
    final DataWorksEmulatorExtension emulator = TestScenario.extension();

    @TempDir
    Path tmp;

    private CliRun cli;

    @BeforeEach
    void setUp() {
        cli = new CliRun(tmp.resolve("home")).credentials(TestScenario.KEY_ID, TestScenario.SECRET);
    }

    /** Engine names that are not words: camelCase ones (projectId, keepWaitingOnUnknownStatus...). */
    static void assertNoEngineOnlyName(String text) {
        for (Setting s : Setting.values()) {
            if (!s.engineName().equals(s.engineName().toLowerCase(java.util.Locale.ROOT))) {
                assertThat(text).as("engine name of " + s).doesNotContainPattern(
                        "(?<![-\\w])" + Pattern.quote(s.engineName()) + "(?![\\w])");
            }
        }
    }

    @Test
    void partialSuccessNamesTheOptionAndItsValues() {
        CliRun.Result r = cli.run(array(waitArgs(emulator, TestScenario.PARTIAL)));

        assertThat(r.exitCode()).isEqualTo(ExitCodes.MIGRATION_FAILED);
        assertThat(r.out()).contains(
                "which fails under --partial-success fail (choose unstable or succeed to accept it)");
        assertThat(r.out()).doesNotContain("partialSuccess", "SUCCEED");
        assertNoEngineOnlyName(r.out() + r.err());
    }

    @Test
    void unknownStatusNamesTheOption() {
        CliRun.Result r = cli.run(array(waitArgs(emulator, TestScenario.UNKNOWN_STATUS)));

        assertThat(r.exitCode()).isEqualTo(ExitCodes.MIGRATION_FAILED);
        assertThat(r.out()).contains("; set --keep-waiting-on-unknown-status to wait through it")
                .doesNotContain("keepWaitingOnUnknownStatus");
        assertNoEngineOnlyName(r.out() + r.err());
    }

    @Test
    void aFailedFirstCallNamesTheCallOnceAndTheOptionsToCheck() {
        CliRun.Result r = cli.run(array(waitArgs(emulator, 99999)));

        assertThat(r.exitCode()).isEqualTo(ExitCodes.API_ERROR);
        assertThat(r.out()).containsOnlyOnce("GetMigrationSummary").containsOnlyOnce("migration 99999 in workspace 10001")
                .contains("GetMigrationSummary failed (no status seen yet): ")
                .contains("check --project-id (the workspace ID) and --migration-id, and the region")
                .doesNotContain("projectId", "migrationId");
        assertNoEngineOnlyName(r.out() + r.err());
    }

    @Test
    void downloadAlwaysWithoutPackageNamesTheOptionAndItsValues() {
        CliRun.Result r = cli.run(array(waitArgs(emulator, TestScenario.IMPORT_OK,
                "--download", "always", "--download-dir", tmp.resolve("out").toString())));

        assertThat(r.exitCode()).isEqualTo(ExitCodes.DOWNLOAD);
        assertThat(r.out()).contains("--download always but migration " + TestScenario.IMPORT_OK)
                .contains("; set --download to auto or never")
                .doesNotContain("ALWAYS", "AUTO or NEVER");
        assertNoEngineOnlyName(r.out() + r.err());
    }

    @Test
    void aHintAboutASettingTheCommandDoesNotOfferIsLeftOut() {
        emulator.emulator().inject(DownloadFault.expired().always());

        CliRun.Result r = cli.run(array(waitArgs(emulator, TestScenario.EXPORT_OK,
                "--download-dir", tmp.resolve("out").toString())));

        assertThat(r.exitCode()).isEqualTo(ExitCodes.DOWNLOAD);
        assertThat(r.out()).contains("fresh URLs: check the clock of the machine that downloads")
                .doesNotContain("maxUrlRefreshes", " or raise");
        assertNoEngineOnlyName(r.out() + r.err());
    }

    @Test
    void aBadIntervalPairNamesBothOptions() {
        CliRun.Result r = cli.run(array(waitArgs(emulator, TestScenario.EXPORT_OK,
                "--poll-interval", "1m", "--max-poll-interval", "30s")));

        assertThat(r.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).contains("--max-poll-interval must be at least --poll-interval (1m)");
        assertNoEngineOnlyName(r.out() + r.err());
    }

    /** Every setting the command names is an option it has; every other one's hints are left out. */
    @ParameterizedTest
    @EnumSource(Setting.class)
    void everySettingIsAnOptionOfTheCommandOrLeftOut(Setting setting) {
        String help = cli.run("wait", "--help").out() + cli.run("download", "--help").out()
                + cli.run("promote", "--help").out() + cli.run("import", "--help").out();
        String option = OptionNames.CLI.name(setting);
        UserText value = setting.choices().isEmpty() ? UserText.of()
                : UserText.of(" = ", UserText.value(setting, setting.choices().get(0)));
        String text = UserText.of("fact about ", setting, UserText.hint(setting, "; change ", setting), value)
                .render(OptionNames.CLI);
        if (option == null) {
            assertThat(text).doesNotContain("; change");
        } else {
            assertThat(help).containsPattern(Pattern.quote(option) + "(?![-\\w])");
            assertThat(text).isEqualTo("fact about " + option + "; change " + option
                    + (setting.choices().isEmpty() ? "" : " = " + setting.choices().get(0).toLowerCase(java.util.Locale.ROOT)));
            assertNoEngineOnlyName(text);
        }
    }
}
