package io.jenkins.plugins.dataworks.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.Gson;
import com.google.gson.JsonObject;
import io.jenkins.plugins.dataworks.emulator.DataWorksEmulator;
import io.jenkins.plugins.dataworks.emulator.scenario.Fault;
import io.jenkins.plugins.dataworks.emulator.scenario.Scenario;
import io.jenkins.plugins.dataworks.emulator.scenario.SecondStart;
import io.jenkins.plugins.dataworks.emulator.state.CallRecord;
import io.jenkins.plugins.dataworks.emulator.state.MigrationInfo;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The command line against services that answer differently where DataWorks' documentation is
 * silent: without a nonce replay check, with each answer to a second StartMigration, with names
 * taken in the other workspace or by the other type. Each migration exists once and starts once.
 */
class WriteSafetyCliTest {

    @TempDir
    Path tmp;

    private CliRun cli;
    private final List<DataWorksEmulator> emulators = new ArrayList<>();

    @BeforeEach
    void setUp() {
        cli = new CliRun(tmp.resolve("home")).credentials(TestScenario.KEY_ID, TestScenario.SECRET);
    }

    @AfterEach
    void close() {
        emulators.forEach(DataWorksEmulator::close);
    }

    private DataWorksEmulator emulator(Consumer<Scenario.Builder> variant) {
        Scenario.Builder scenario = TestScenario.scenario().toBuilder();
        variant.accept(scenario);
        DataWorksEmulator emulator = DataWorksEmulator.builder().scenario(scenario.build()).build().start();
        emulators.add(emulator);
        return emulator;
    }

    private static String[] args(DataWorksEmulator emulator, String command, long projectId, String... more) {
        List<String> args = new ArrayList<>(List.of(command, "--endpoint", emulator.endpoint().toString(),
                "--region", TestScenario.REGION, "--project-id", String.valueOf(projectId)));
        args.addAll(List.of(more));
        return args.toArray(String[]::new);
    }

    private String[] promote(DataWorksEmulator emulator, String name) {
        return args(emulator, "promote", TestScenario.PROJECT, "--target-project-id", String.valueOf(TestScenario.TARGET),
                "--name", name, "--download-dir", tmp.resolve("pkg").toString(), "--poll-interval", "100ms",
                "--max-poll-interval", "100ms", "--output", "json");
    }

    private static List<MigrationInfo> named(DataWorksEmulator emulator, String name) {
        return emulator.migrations().stream().filter(m -> m.name().equals(name)).toList();
    }

    private static List<String> actions(DataWorksEmulator emulator) {
        return emulator.calls().stream().map(CallRecord::action).toList();
    }

    @Test
    void aPromotionWhoseWritesLoseTheirAnswersMakesEachMigrationOnceAndStartsItOnce() {
        DataWorksEmulator emu = emulator(s -> s.checkNonces(false).secondStart(SecondStart.RUN_AGAIN)
                .fault(Fault.performedNoAnswer().onAction("CreateExportMigration"))
                .fault(Fault.performedNoAnswer().onAction("CreateImportMigration"))
                .fault(Fault.performedNoAnswer().onAction("StartMigration").times(2)));

        CliRun.Result r = cli.run(promote(emu, "release-8"));

        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(named(emu, "release-8")).hasSize(2).allSatisfy(m -> assertThat(m.starts()).isEqualTo(1));
        assertThat(actions(emu).stream().filter(a -> a.startsWith("Create"))).hasSize(2);
        assertThat(actions(emu).stream().filter(a -> a.equals("StartMigration"))).hasSize(2);
        List<String> nonces = emu.calls().stream().map(c -> c.params().get("SignatureNonce")).toList();
        assertThat(Set.copyOf(nonces)).as("every SignatureNonce reached the service once").hasSameSizeAs(nonces);
        assertThat(r.err()).contains("created by an earlier attempt under the same name", "was already started");
    }

    @ParameterizedTest
    @EnumSource(SecondStart.class)
    void aSecondStartByHandSucceedsWithoutAStartMigrationCall(SecondStart behaviour) {
        DataWorksEmulator emu = emulator(s -> s.secondStart(behaviour));
        CliRun.Result export = cli.run(args(emu, "export", TestScenario.PROJECT, "--name", "by-hand"));
        String id = export.out().strip();
        CliRun.Result first = cli.run(args(emu, "start", TestScenario.PROJECT, "--migration-id", id, "--output", "json"));

        CliRun.Result second = cli.run(args(emu, "start", TestScenario.PROJECT, "--migration-id", id, "--output", "json"));

        assertThat(first.exitCode()).as(first.err()).isZero();
        assertThat(new Gson().fromJson(first.out(), JsonObject.class).get("startedNow").getAsBoolean()).isTrue();
        assertThat(second.exitCode()).as(second.err()).isZero();
        JsonObject j = new Gson().fromJson(second.out(), JsonObject.class);
        assertThat(j.get("startedNow").getAsBoolean()).isFalse();
        assertThat(j.get("status").getAsString()).isEqualTo("EXPORTING");
        assertThat(j.get("apiCalls").getAsInt()).isEqualTo(1);
        assertThat(emu.callCount("StartMigration")).isEqualTo(1);
        assertThat(emu.migration(Long.parseLong(id)).starts()).isEqualTo(1);
    }

    @Test
    void aNameTakenInTheTargetWorkspaceStopsThePromotionBeforeAnythingIsMade() {
        DataWorksEmulator emu = emulator(s -> {});
        cli.run(args(emu, "export", TestScenario.TARGET, "--name", "release-9"));
        int before = emu.calls().size();

        CliRun.Result r = cli.run(promote(emu, "release-9"));

        assertThat(r.exitCode()).isEqualTo(ExitCodes.API_ERROR);
        JsonObject j = new Gson().fromJson(r.out(), JsonObject.class);
        assertThat(j.get("failedStage").getAsString()).isEqualTo("CHECK_NAME");
        assertThat(j.get("message").getAsString()).startsWith("promotion stopped at CHECK_NAME: a migration named"
                + " 'release-9' already exists in workspace 10002; choose another --name. RequestId: ");
        assertThat(j.has("export")).isFalse();
        assertThat(actions(emu).subList(before, actions(emu).size())).containsOnly("ListMigrations");
        assertThat(emu.uploads()).isEmpty();
        assertThat(r.err().lines().filter(l -> l.contains("already exists"))).singleElement().asString()
                .contains("ERROR: promotion stopped at CHECK_NAME", "workspace 10002").doesNotContain(".;");
    }

    @Test
    void anImportWhoseNameAnExportHasIsRefusedBeforeTheUpload() throws Exception {
        DataWorksEmulator emu = emulator(s -> {});
        cli.run(args(emu, "export", TestScenario.TARGET, "--name", "taken-by-export"));
        Path pkg = Files.write(tmp.resolve("p.zip"), new byte[] {1, 2, 3});

        CliRun.Result r = cli.run(args(emu, "import", TestScenario.TARGET, "--name", "taken-by-export",
                "--package-file", pkg.toString()));

        assertThat(r.exitCode()).isEqualTo(ExitCodes.API_ERROR);
        assertThat(r.err()).contains("a migration named 'taken-by-export' already exists in workspace 10002;"
                + " choose another --name").doesNotContain("uploading");
        assertThat(emu.callCount("AuthorizeFileUpload")).isZero();
        assertThat(emu.uploads()).isEmpty();
    }

    @Test
    void aTakenNameAnsweredWithAnUnknownCodeIsStillSaidToBeTaken() {
        DataWorksEmulator emu = emulator(s -> s.duplicateNameCode("InvalidParameter.Name"));

        CliRun.Result r = cli.run(args(emu, "export", TestScenario.PROJECT, "--name", "nightly")); // 20001 is "nightly"

        assertThat(r.exitCode()).isEqualTo(ExitCodes.API_ERROR);
        assertThat(r.err().lines().toList()).singleElement().asString()
                .startsWith("dataworks-migration export: a migration named 'nightly' already exists in workspace 10001;"
                        + " choose another --name");
    }

    @Test
    void eachRetriedWriteIsOneProgressLine() throws Exception {
        DataWorksEmulator emu = emulator(s -> s.fault(Fault.throttling("Throttling.User").onAction("CreateExportMigration"))
                .fault(Fault.throttling("Throttling.Api").onAction("StartMigration").times(2)));

        CliRun.Result export = cli.run(args(emu, "export", TestScenario.PROJECT, "--name", "throttled"));
        CliRun.Result start = cli.run(args(emu, "start", TestScenario.PROJECT, "--migration-id", export.out().strip()));

        assertThat(export.exitCode()).as(export.err()).isZero();
        assertThat(start.exitCode()).as(start.err()).isZero();
        assertThat(export.err()).containsPattern("\\] CreateExportMigration of 'throttled' in workspace 10001 throttled"
                + " \\(Throttling\\.User\\); retrying in 1s, attempt 2 of 4\\R");
        assertThat(start.err().lines().filter(l -> l.contains("retrying")).map(l -> l.substring(l.indexOf("] ") + 2)))
                .containsExactly(
                        "StartMigration for migration " + export.out().strip() + " in workspace 10001 throttled"
                                + " (Throttling.Api); retrying in 1s, attempt 2 of 4",
                        "StartMigration for migration " + export.out().strip() + " in workspace 10001 throttled"
                                + " (Throttling.Api); retrying in 2s, attempt 3 of 4");
    }
}
