package io.jenkins.plugins.dataworks.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.Gson;
import com.google.gson.JsonObject;
import io.jenkins.plugins.dataworks.emulator.junit.DataWorksEmulatorExtension;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** {@code process}: one GetMigrationProcess call; exit 1 exactly when a sub-task failed. */
class ProcessCommandTest {

    @RegisterExtension
    final DataWorksEmulatorExtension emulator = TestScenario.extension();

    @TempDir
    Path tmp;

    private CliRun cli;

    @BeforeEach
    void setUp() {
        cli = new CliRun(tmp.resolve("home")).credentials(TestScenario.KEY_ID, TestScenario.SECRET);
    }

    private String[] args(long migrationId, String... more) {
        List<String> a = new ArrayList<>(List.of("process", "--endpoint", emulator.endpoint().toString(),
                "--region", TestScenario.REGION, "--project-id", "10001", "--migration-id", String.valueOf(migrationId)));
        a.addAll(List.of(more));
        return a.toArray(String[]::new);
    }

    @Test
    void aRunningExportPrintsItsSubTasksAsATableAndExitsZero() {
        CliRun.Result r = cli.run(args(TestScenario.EXPORT_ERROR));

        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out().lines().toList()).startsWith(
                "migration 20002 in workspace 10001: 3 sub-tasks",
                "  PrepareExport  SUCCESS",
                "  ExportObjects  RUNNING",
                "  UploadPackage  INIT");
        assertThat(r.out()).contains("RequestId: ");
        assertThat(emulator.emulator().callCount("GetMigrationProcess")).isEqualTo(1);
        assertThat(emulator.emulator().calls()).hasSize(1);
    }

    @Test
    void aFailedSubTaskExitsOneAndIsNamedInTheJson() {
        emulator.emulator().overrideStatus(TestScenario.EXPORT_ERROR, "EXPORT_ERROR");

        CliRun.Result r = cli.run(args(TestScenario.EXPORT_ERROR, "--output", "json"));

        assertThat(r.exitCode()).as(r.err()).isEqualTo(ExitCodes.MIGRATION_FAILED);
        JsonObject j = new Gson().fromJson(r.out(), JsonObject.class);
        assertThat(j.get("migrationId").getAsLong()).isEqualTo(TestScenario.EXPORT_ERROR);
        assertThat(j.getAsJsonArray("tasks")).hasSize(3);
        assertThat(j.getAsJsonArray("failedTasks").toString())
                .isEqualTo("[{\"name\":\"ExportObjects\",\"status\":\"FAILURE\"}]");
        assertThat(j.get("requestId").getAsString()).isNotBlank();
    }

    @Test
    void anUnknownSubTaskStatusCountsAsFailed() {
        emulator.emulator().overrideStatus(TestScenario.EXPORT_ERROR, "ARCHIVED");

        CliRun.Result r = cli.run(args(TestScenario.EXPORT_ERROR));

        assertThat(r.exitCode()).isEqualTo(ExitCodes.MIGRATION_FAILED);
        assertThat(r.out()).contains("3 sub-tasks, 1 failed", "  ExportObjects  ARCHIVED");
    }

    @Test
    void anUnknownMigrationExitsSixWithOneLine() {
        CliRun.Result r = cli.run(args(424242, "--output", "json"));

        assertThat(r.exitCode()).isEqualTo(ExitCodes.API_ERROR);
        assertThat(r.err().lines()).hasSize(1);
        assertThat(new Gson().fromJson(r.out(), JsonObject.class).get("result").getAsString()).isEqualTo("ERROR");
    }

    @Test
    void theDemoNeedsNoOption() {
        CliRun.Result r = new CliRun(tmp.resolve("home")).run("process", "--emulator", "--quiet");

        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.err()).isEmpty();
        assertThat(r.out()).startsWith("migration 20001 in workspace 10001: 3 sub-tasks");
    }
}
