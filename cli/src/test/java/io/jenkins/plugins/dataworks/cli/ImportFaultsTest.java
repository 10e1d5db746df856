package io.jenkins.plugins.dataworks.cli;

import static io.jenkins.plugins.dataworks.cli.TestScenario.commandArgs;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.Gson;
import com.google.gson.JsonObject;
import io.jenkins.plugins.dataworks.emulator.scenario.Fault;
import io.jenkins.plugins.dataworks.emulator.scenario.UploadFault;
import io.jenkins.plugins.dataworks.emulator.junit.DataWorksEmulatorExtension;
import io.jenkins.plugins.dataworks.emulator.state.MigrationInfo;
import io.jenkins.plugins.dataworks.emulator.state.UploadRecord;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code import} when the network or the service misbehaves: an upload cut mid-way, a throttled
 * AuthorizeFileUpload, a CreateImportMigration whose answer is lost. The pauses between retries run
 * on the runtime's virtual clock, so the test does not sleep, and are asserted.
 */
class ImportFaultsTest {

    @RegisterExtension
    final DataWorksEmulatorExtension emulator = TestScenario.extension();

    @TempDir
    Path tmp;

    private final VirtualTimeRuntime runtime = new VirtualTimeRuntime();
    private CliRun cli;
    private Path pkg;

    @BeforeEach
    void setUp() throws Exception {
        cli = new CliRun(tmp.resolve("home")).credentials(TestScenario.KEY_ID, TestScenario.SECRET).runtime(() -> runtime);
        pkg = Files.write(tmp.resolve("release.zip"), new byte[64 * 1024]);
    }

    private CliRun.Result importPackage() {
        return cli.run(commandArgs(emulator, "import", TestScenario.TARGET, "--name", "release-1", "--output", "json",
                "--package-file", pkg.toString()));
    }

    private List<MigrationInfo> imports() {
        return emulator.emulator().migrations().stream().filter(m -> m.name().equals("release-1")).toList();
    }

    @Test
    void anUploadCutMidWayIsSentAgainAsAWhole() {
        emulator.emulator().inject(UploadFault.closeAfter(10_000));

        CliRun.Result r = importPackage();

        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(emulator.emulator().uploads()).extracting(UploadRecord::outcome)
                .containsExactly(UploadRecord.Outcome.INCOMPLETE, UploadRecord.Outcome.STORED);
        assertThat(emulator.emulator().uploads().get(1).size()).isEqualTo(64 * 1024);
        assertThat(imports()).hasSize(1);
        assertThat(runtime.pauses()).as("one pause before the second attempt, on the virtual clock").hasSize(1);
    }

    @Test
    void anUploadCutEveryTimeFailsInOneLineAndCreatesNothing() {
        emulator.emulator().inject(UploadFault.closeAfter(10_000).always());

        CliRun.Result r = importPackage();

        assertThat(r.exitCode()).isEqualTo(ExitCodes.API_ERROR);
        assertThat(r.err().lines().filter(l -> !l.startsWith("["))).singleElement().asString()
                .startsWith("dataworks-migration import: upload of 'release.zip' (65536 bytes) to OSS object ")
                .contains("(attempt 3 of 3)");
        assertThat(emulator.emulator().uploads()).hasSize(3)
                .allMatch(u -> u.outcome() == UploadRecord.Outcome.INCOMPLETE);
        assertThat(emulator.emulator().callCount("CreateImportMigration")).isZero();
        assertThat(imports()).isEmpty();
        MessageVocabularyTest.assertNoEngineOnlyName(r.err());
    }

    @Test
    void aThrottledAuthorizeFileUploadIsRetriedWithBackoff() {
        emulator.emulator().inject(Fault.throttling("Throttling.User").onAction("AuthorizeFileUpload").times(2));

        CliRun.Result r = importPackage();

        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(emulator.emulator().callCount("AuthorizeFileUpload")).isEqualTo(3);
        assertThat(runtime.pauses()).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2));
        assertThat(imports()).hasSize(1);
    }

    @Test
    void aCreateImportWhoseAnswerIsLostIsFoundByItsNameNotMadeTwice() {
        emulator.emulator().inject(Fault.performedNoAnswer().onAction("CreateImportMigration"));

        CliRun.Result r = importPackage();

        assertThat(r.exitCode()).as(r.err()).isZero();
        JsonObject json = new Gson().fromJson(r.out(), JsonObject.class);
        assertThat(json.get("foundByName").getAsBoolean()).isTrue();
        assertThat(imports()).singleElement()
                .satisfies(m -> assertThat(json.get("migrationId").getAsLong()).isEqualTo(m.id()));
        // The JDK transport under the SDK replays a POST whose connection dropped, with the same
        // nonce: the service refuses the replay, and the CLI itself never sends the Create again.
        List<io.jenkins.plugins.dataworks.emulator.state.CallRecord> creates = emulator.emulator().calls().stream()
                .filter(c -> c.action().equals("CreateImportMigration"))
                .toList();
        assertThat(creates.get(0).fault()).isEqualTo(Fault.Kind.PERFORMED_NO_ANSWER.name());
        assertThat(creates.subList(1, creates.size())).allSatisfy(c -> assertThat(c.code()).isEqualTo("SignatureNonceUsed"));
        assertThat(r.err()).contains("found");
    }
}
