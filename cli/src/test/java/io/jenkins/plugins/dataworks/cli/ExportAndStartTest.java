package io.jenkins.plugins.dataworks.cli;

import static io.jenkins.plugins.dataworks.cli.TestScenario.commandArgs;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.Gson;
import com.google.gson.JsonObject;
import io.jenkins.plugins.dataworks.emulator.junit.DataWorksEmulatorExtension;
import io.jenkins.plugins.dataworks.emulator.state.CallRecord;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** {@code export} and {@code start} against the emulator: the id for scripts, idempotent start, a taken name refused. */
class ExportAndStartTest {

    @RegisterExtension
    final DataWorksEmulatorExtension emulator = TestScenario.extension();

    @TempDir
    Path tmp;

    private CliRun cli;

    @BeforeEach
    void setUp() {
        cli = new CliRun(tmp.resolve("home")).credentials(TestScenario.KEY_ID, TestScenario.SECRET);
    }

    private CliRun.Result export(String... more) {
        return cli.run(commandArgs(emulator, "export", TestScenario.PROJECT, more));
    }

    @Test
    void exportPrintsOnlyTheIdSoAShellCanCaptureIt() {
        CliRun.Result r = export("--name", "release-1", "--description", "nightly release");

        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).matches("\\d+\\R");
        long id = Long.parseLong(r.out().strip());
        assertThat(r.err()).contains("created export migration " + id + " in workspace 10001 \"release-1\" (not started yet)");
        CallRecord create = emulator.emulator().calls().stream()
                .filter(c -> c.action().equals("CreateExportMigration")).findFirst().orElseThrow();
        assertThat(create.params()).containsEntry("Name", "release-1").containsEntry("ExportMode", "FULL")
                .containsEntry("ExportObjectStatus", "SUBMITTED").containsEntry("Description", "nightly release");
        assertThat(emulator.emulator().status(id)).isEqualTo("INIT"); // created, not started
    }

    @Test
    void anIncrementalExportSendsTheInstantAsEpochMillis() {
        CliRun.Result r = export("--name", "delta", "--export-mode", "incremental", "--incremental-since",
                "2024-05-01T08:00:00+08:00", "--object-status", "deployed", "--output", "json");

        assertThat(r.exitCode()).as(r.err()).isZero();
        JsonObject j = new Gson().fromJson(r.out(), JsonObject.class);
        assertThat(j.get("projectId").getAsLong()).isEqualTo(TestScenario.PROJECT);
        assertThat(j.get("name").getAsString()).isEqualTo("delta");
        assertThat(j.get("type").getAsString()).isEqualTo("EXPORT");
        assertThat(j.get("foundByName").getAsBoolean()).isFalse();
        assertThat(j.get("apiCalls").getAsInt()).isEqualTo(1);
        CallRecord create = emulator.emulator().calls().get(0);
        assertThat(create.params()).containsEntry("ExportMode", "INCREMENTAL")
                .containsEntry("IncrementalSince", "1714521600000").containsEntry("ExportObjectStatus", "DEPLOYED");
        assertThat(j.get("migrationId").getAsLong()).isPositive();
    }

    @Test
    void aTakenNameIsRefusedInOneLineNamingTheOptionAndNothingIsCreated() {
        CliRun.Result r = export("--name", "nightly", "--output", "json"); // 20001 is "nightly"

        assertThat(r.exitCode()).isEqualTo(ExitCodes.API_ERROR);
        assertThat(r.err().lines().toList()).singleElement().asString()
                .startsWith("dataworks-migration export: a migration named 'nightly' already exists in workspace 10001")
                .contains("choose another --name");
        assertThat(new Gson().fromJson(r.out(), JsonObject.class).get("result").getAsString()).isEqualTo("ERROR");
        assertThat(emulator.emulator().calls()).extracting(CallRecord::action)
                .as("the refusal, then one lookup of the name decided").containsExactly("CreateExportMigration", "ListMigrations");
        MessageVocabularyTest.assertNoEngineOnlyName(r.all());
    }

    @Test
    void startStartsOnceAndASecondStartIsReportedNotRepeated() {
        long id = Long.parseLong(export("--name", "to-start").out().strip());
        String[] start = commandArgs(emulator, "start", TestScenario.PROJECT, "--migration-id", String.valueOf(id));

        CliRun.Result first = cli.run(start);
        CliRun.Result again = cli.run(commandArgs(emulator, "start", TestScenario.PROJECT, "--migration-id",
                String.valueOf(id), "--output", "json"));

        assertThat(first.exitCode()).as(first.err()).isZero();
        assertThat(first.out()).isEqualTo("started migration " + id + " in workspace 10001" + System.lineSeparator());
        assertThat(again.exitCode()).as(again.err()).isZero();
        JsonObject j = new Gson().fromJson(again.out(), JsonObject.class);
        assertThat(j.get("startedNow").getAsBoolean()).isFalse();
        assertThat(j.get("status").getAsString()).isEqualTo("EXPORTING");
        assertThat(j.get("apiCalls").getAsInt()).isEqualTo(1); // the status only: no second StartMigration
        assertThat(emulator.emulator().callCount("StartMigration", id)).isEqualTo(1);

        CliRun.Result text = cli.run(start);
        assertThat(text.exitCode()).isZero();
        assertThat(text.out()).isEqualTo("migration " + id + " in workspace 10001 was already started (status EXPORTING):"
                + " left alone, not started twice" + System.lineSeparator());
    }

    @Test
    void theDemoExportNeedsNoOption() {
        CliRun.Result r = new CliRun(tmp.resolve("home")).run("export", "--emulator", "--output", "json");

        assertThat(r.exitCode()).as(r.err()).isZero();
        JsonObject j = new Gson().fromJson(r.out(), JsonObject.class);
        assertThat(j.get("projectId").getAsLong()).isEqualTo(10001);
        assertThat(j.get("name").getAsString()).isEqualTo(ExportCommand.DEMO_NAME);
        assertThat(r.err()).contains("using the built-in DataWorks emulator at http://127.0.0.1:");
    }
}
