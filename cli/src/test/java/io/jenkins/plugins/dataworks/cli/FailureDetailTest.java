package io.jenkins.plugins.dataworks.cli;

import static io.jenkins.plugins.dataworks.cli.TestScenario.array;
import static io.jenkins.plugins.dataworks.cli.TestScenario.waitArgs;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.Gson;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import io.jenkins.plugins.dataworks.emulator.junit.DataWorksEmulatorExtension;
import io.jenkins.plugins.dataworks.emulator.scenario.Fault;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code wait} names the failed sub-tasks of a migration that ended in EXPORT_ERROR or
 * PARTIAL_SUCCESS: in its message (text and JSON) and as {@code failedTasks} in the JSON. The
 * emulator's GetMigrationProcess reports ExportObjects FAILURE for an EXPORT_ERROR and
 * UploadPackage FAILURE for a PARTIAL_SUCCESS export.
 */
class FailureDetailTest {

    @RegisterExtension
    final DataWorksEmulatorExtension emulator = TestScenario.extension();

    @TempDir
    Path tmp;

    private CliRun cli;

    @BeforeEach
    void setUp() {
        cli = new CliRun(tmp.resolve("home")).credentials(TestScenario.KEY_ID, TestScenario.SECRET);
    }

    private static JsonObject json(CliRun.Result r) {
        return new Gson().fromJson(r.out(), JsonObject.class);
    }

    private long calls(String action) {
        return emulator.emulator().callCount(action, TestScenario.EXPORT_ERROR);
    }

    @Test
    void jsonNamesTheFailedSubTasks() {
        CliRun.Result r = cli.run(array(waitArgs(emulator, TestScenario.EXPORT_ERROR, "--output", "json")));

        assertThat(r.exitCode()).as(r.err()).isEqualTo(ExitCodes.MIGRATION_FAILED);
        JsonObject j = json(r);
        assertThat(j.get("result").getAsString()).isEqualTo("FAILED");
        JsonArray failed = j.getAsJsonArray("failedTasks");
        assertThat(failed).hasSize(1);
        assertThat(failed.get(0).getAsJsonObject().get("name").getAsString()).isEqualTo("ExportObjects");
        assertThat(failed.get(0).getAsJsonObject().get("status").getAsString()).isEqualTo("FAILURE");
        assertThat(j.get("message").getAsString()).contains("ended with EXPORT_ERROR")
                .endsWith("; failed sub-tasks: ExportObjects FAILURE");
        assertThat(calls("GetMigrationProcess")).isEqualTo(1);
        assertThat(j.get("apiCalls").getAsLong()).as("the detail call counts").isEqualTo(calls("GetMigrationSummary") + 1);
    }

    @Test
    void textOutputNamesTheFailedSubTasks() {
        CliRun.Result r = cli.run(array(waitArgs(emulator, TestScenario.EXPORT_ERROR)));

        assertThat(r.exitCode()).isEqualTo(ExitCodes.MIGRATION_FAILED);
        assertThat(r.out().lines().toList()).singleElement().asString().startsWith("FAILED: ")
                .endsWith("; failed sub-tasks: ExportObjects FAILURE");
        assertThat(r.err()).contains("failed sub-tasks: ExportObjects FAILURE");
    }

    @Test
    void partialSuccessAcceptedAsUnstableStillNamesThem() {
        CliRun.Result r = cli.run(array(waitArgs(emulator, TestScenario.PARTIAL, "--partial-success", "unstable")));

        assertThat(r.exitCode()).isEqualTo(ExitCodes.UNSTABLE);
        assertThat(r.out()).startsWith("UNSTABLE: ").contains("accepted as unstable")
                .contains("; failed sub-tasks: UploadPackage FAILURE");
        assertThat(emulator.emulator().callCount("GetMigrationProcess", TestScenario.PARTIAL)).isEqualTo(1);
    }

    @Test
    void successCostsNoProcessCall() {
        CliRun.Result r = cli.run(array(waitArgs(emulator, TestScenario.EXPORT_OK, "--output", "json")));

        assertThat(r.exitCode()).as(r.err()).isEqualTo(ExitCodes.SUCCESS);
        assertThat(json(r).has("failedTasks")).isFalse();
        assertThat(emulator.emulator().callCount("GetMigrationProcess")).isZero();
    }

    @Test
    void failedProcessCallKeepsTheVerdictAndSaysWhy() {
        emulator.emulator().inject(Fault.throttling("Throttling.User").onAction("GetMigrationProcess")
                .onMigration(TestScenario.EXPORT_ERROR).always());

        CliRun.Result r = cli.run(array(waitArgs(emulator, TestScenario.EXPORT_ERROR, "--output", "json")));

        assertThat(r.exitCode()).as("still the migration's failure, not an API error")
                .isEqualTo(ExitCodes.MIGRATION_FAILED);
        JsonObject j = json(r);
        assertThat(j.get("result").getAsString()).isEqualTo("FAILED");
        assertThat(j.has("failedTasks")).isFalse();
        assertThat(j.get("message").getAsString()).contains("ended with EXPORT_ERROR",
                "; the failed sub-tasks could not be fetched: GetMigrationProcess failed: ", "Throttling.User")
                .doesNotContain(TestScenario.SECRET);
    }

    @Test
    void spentBudgetIsNamedAsTheOption() {
        // EXPORTING for two polls, EXPORT_ERROR at the third: a budget of 3 ends with the status, no detail.
        CliRun.Result r = cli.run(array(waitArgs(emulator, TestScenario.EXPORT_ERROR, "--output", "json",
                "--max-api-calls", "3")));

        assertThat(r.exitCode()).as(r.err()).isEqualTo(ExitCodes.MIGRATION_FAILED);
        assertThat(calls("GetMigrationSummary")).isEqualTo(3);
        assertThat(calls("GetMigrationProcess")).isZero();
        assertThat(json(r).get("message").getAsString()).endsWith("; the failed sub-tasks could not be fetched: the"
                + " budget of 3 API calls (--max-api-calls) is spent");
    }
}
