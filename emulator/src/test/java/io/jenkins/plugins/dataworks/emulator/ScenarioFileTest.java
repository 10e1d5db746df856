package io.jenkins.plugins.dataworks.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.dataworks.emulator.scenario.DownloadFault;
import io.jenkins.plugins.dataworks.emulator.scenario.Fault;
import io.jenkins.plugins.dataworks.emulator.scenario.MigrationSpec;
import io.jenkins.plugins.dataworks.emulator.scenario.Scenario;
import io.jenkins.plugins.dataworks.emulator.scenario.ScenarioFile;
import io.jenkins.plugins.dataworks.emulator.scenario.Scenarios;
import io.jenkins.plugins.dataworks.emulator.scenario.UploadFault;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ScenarioFileTest {

    static final Instant ORIGIN = Instant.parse("2024-05-01T00:00:00Z");

    /** The README example, kept as a test resource so the documentation cannot rot. */
    static String readmeExample() throws IOException {
        try (InputStream in = ScenarioFileTest.class.getResourceAsStream("/example-scenario.json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void readmeExampleParses() throws Exception {
        Scenario s = ScenarioFile.parse(readmeExample(), ORIGIN, Path.of("."));
        assertThat(s.accessKeys()).extracting(k -> k.id()).containsExactly("emulator-demo-key", "ci-key");
        assertThat(s.projects()).contains(10001L, 10002L);
        assertThat(s.roles()).containsExactly("acs:ram::1000000000000001:role/dataworks-ci");
        MigrationSpec nightly = s.migrations().stream().filter(m -> m.id() == 20100).findFirst().orElseThrow();
        assertThat(nightly.timeline().statusAt(0, Duration.ZERO)).isEqualTo("INIT");
        assertThat(nightly.timeline().statusAt(2, Duration.ZERO)).isEqualTo("EXPORTING");
        assertThat(nightly.timeline().statusAt(2, Duration.ofSeconds(300))).isEqualTo("EXPORT_SUCCESS");
        assertThat(nightly.pkg().size()).isEqualTo(1_048_576);
        MigrationSpec imported = s.migrations().stream().filter(m -> m.id() == 20101).findFirst().orElseThrow();
        assertThat(imported.type()).isEqualTo(MigrationSpec.MigrationType.IMPORT);
        assertThat(imported.waitsForStart()).isTrue();
        assertThat(s.faults()).hasSize(4);
        assertThat(s.faults().get(3).kind()).isEqualTo(Fault.Kind.PERFORMED_NO_ANSWER);
        assertThat(s.faults().get(3).action()).isEqualTo("CreateImportMigration");
        assertThat(s.uploadFaults()).extracting(UploadFault::kind)
                .containsExactly(UploadFault.Kind.ERROR, UploadFault.Kind.CLOSE_AFTER);
        assertThat(s.uploadFaults().get(0).httpStatus()).isEqualTo(503);
        assertThat(s.uploadFaults().get(1).afterBytes()).isEqualTo(4096);
        assertThat(s.uploadFaults().get(1).times()).isEqualTo(2);
        assertThat(s.maxUploadBytes()).isEqualTo(100L << 20);
        assertThat(s.createdImport().waitsForStart()).isTrue();
        assertThat(s.createdImport().timeline().statusAt(0, Duration.ofSeconds(4))).isEqualTo("IMPORTING");
        assertThat(s.createdImport().timeline().statusAt(0, Duration.ofSeconds(5))).isEqualTo("IMPORT_SUCCESS");
        Fault window = s.faults().get(2);
        assertThat(window.from()).isEqualTo(ORIGIN.plusSeconds(600));
        assertThat(window.until()).isEqualTo(ORIGIN.plusSeconds(660));
        assertThat(window.times()).isEqualTo(Fault.UNLIMITED);
        assertThat(s.downloadFaults()).extracting(DownloadFault::kind)
                .containsExactly(DownloadFault.Kind.TRUNCATE, DownloadFault.Kind.CORRUPT);
        assertThat(s.downloadUrlTtl()).isEqualTo(Duration.ofMinutes(30));
        assertThat(s.createdExport().waitsForStart()).isTrue();
    }

    @Test
    void defaultsWithoutTheNewKeys() {
        Scenario s = ScenarioFile.parse("{}", ORIGIN, null);
        assertThat(s.maxUploadBytes()).isEqualTo(1L << 30);
        assertThat(s.uploadFaults()).isEmpty();
        assertThat(s.createdImport()).isEqualTo(Scenario.defaultCreatedImport());
        assertThatThrownBy(() -> ScenarioFile.parse("{\"uploadFaults\": [{\"kind\": \"TRUNCATE\"}]}", ORIGIN, null))
                .hasMessageContaining("TRUNCATE");
        assertThatThrownBy(() -> ScenarioFile.parse("{\"createdImport\": {\"package\": null}}", ORIGIN, null))
                .hasMessageContaining("package");
        assertThatThrownBy(() -> ScenarioFile.parse("{\"maxUploadBytes\": 0}", ORIGIN, null))
                .hasMessageContaining("maxUploadBytes");
    }

    @Test
    void theDemoHasASourceAndATargetWorkspace() {
        Scenario demo = Scenarios.demo();
        assertThat(demo.projects()).containsExactlyInAnyOrder(Scenarios.DEMO_PROJECT_ID, Scenarios.DEMO_TARGET_PROJECT_ID);
        assertThat(demo.migrations()).singleElement().satisfies(m -> assertThat(m.projectId()).isEqualTo(Scenarios.DEMO_PROJECT_ID));
        assertThat(demo.createdImport().timeline().statusAt(3, Duration.ZERO)).isEqualTo("IMPORT_SUCCESS");
    }

    @Test
    void theDemoWithExampleIdsAddsTheDocsWorkspacesAndExport() {
        Scenario scenario = Scenarios.demoWithExampleIds();
        assertThat(scenario.projects()).containsExactlyInAnyOrder(Scenarios.DEMO_PROJECT_ID,
                Scenarios.DEMO_TARGET_PROJECT_ID, 12345L, 67890L);
        assertThat(scenario.migrations()).extracting(m -> m.projectId() + "/" + m.id())
                .containsExactlyInAnyOrder("10001/20001", "12345/1234");
        assertThat(scenario.accessKeys()).isEqualTo(Scenarios.demo().accessKeys());
        assertThat(scenario.createdImport().timeline().statusAt(3, Duration.ZERO)).isEqualTo("IMPORT_SUCCESS");
    }

    @Test
    void typosAreErrors() {
        assertThatThrownBy(() -> ScenarioFile.parse("{\"accesKeys\": []}", ORIGIN, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("accesKeys");
        assertThatThrownBy(() -> ScenarioFile.parse("{\"faults\": [{\"kind\": \"THROTLING\"}]}", ORIGIN, null))
                .hasMessageContaining("THROTLING");
        assertThatThrownBy(() -> ScenarioFile.parse("[]", ORIGIN, null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void emulatorServesAFileScenario() throws Exception {
        Scenario s = ScenarioFile.parse(readmeExample(), Instant.now(), Path.of("."));
        try (DataWorksEmulator emulator = DataWorksEmulator.builder().scenario(s).build().start()) {
            var client = Sdk.client("ci-key", "ci-secret-for-tests-only");
            for (String expected : new String[] {"Throttling.User", "Throttling.User", "InternalError.System"}) {
                assertThat(org.assertj.core.api.Assertions.catchThrowableOfType(com.aliyuncs.exceptions.ClientException.class,
                        () -> Sdk.call(client, Sdk.summary(emulator, 10002, 20100))).getErrCode()).isEqualTo(expected);
            }
            var json = Sdk.call(client, Sdk.summary(emulator, 10002, 20100));
            assertThat(json.getAsJsonObject("Data").get("Name").getAsString()).isEqualTo("nightly_export");
            assertThat(json.getAsJsonObject("Data").get("CreateUser").getAsString()).isEqualTo("2000000000000002");
        }
    }
}
