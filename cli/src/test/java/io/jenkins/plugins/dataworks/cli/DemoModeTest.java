package io.jenkins.plugins.dataworks.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.Gson;
import com.google.gson.JsonObject;
import io.jenkins.plugins.dataworks.emulator.scenario.Scenarios;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --emulator}: the README's first command, with no credentials and no other option. */
class DemoModeTest {

    @TempDir
    Path tmp;

    @Test
    void theReadmeDemoWaitsAndDownloadsWithoutAnyCredentials() throws Exception {
        Path demo = tmp.resolve("target/demo");
        CliRun cli = new CliRun(tmp.resolve("home")); // empty environment: no ALIBABA_CLOUD_* at all

        CliRun.Result r = cli.run("wait", "--emulator", "--download-dir", demo.toString());

        assertThat(r.exitCode()).as(r.err()).isEqualTo(ExitCodes.SUCCESS);
        assertThat(r.err()).contains("using the built-in DataWorks emulator at http://127.0.0.1:",
                "migration 20001 in workspace 10001 \"demo_export\": INIT", "INIT -> EXPORTING", "EXPORTING -> EXPORT_SUCCESS");
        Path file = demo.resolve("dataworks-export-10001-20001-demo_export.zip");
        assertThat(TestScenario.entries(demo)).containsExactly(file);
        assertThat(r.out()).contains("SUCCESS: migration 20001 in workspace 10001 reached EXPORT_SUCCESS",
                "package: " + file, TestScenario.sha256(file));
        try (java.util.zip.ZipFile zip = new java.util.zip.ZipFile(file.toFile())) {
            assertThat(zip.size()).isPositive(); // a real zip, as an export package is
        }
        assertThat(r.all()).doesNotContain(Scenarios.DEMO_ACCESS_KEY_SECRET);
    }

    @Test
    void demoAsJson() {
        CliRun.Result r = new CliRun(tmp.resolve("home")).run("wait", "--emulator", "--download-dir",
                tmp.resolve("d").toString(), "--output", "json", "--quiet");

        assertThat(r.exitCode()).isZero();
        assertThat(r.err()).isEmpty();
        JsonObject j = new Gson().fromJson(r.out(), JsonObject.class);
        assertThat(j.get("projectId").getAsLong()).isEqualTo(Scenarios.DEMO_PROJECT_ID);
        assertThat(j.get("migrationId").getAsLong()).isEqualTo(Scenarios.DEMO_MIGRATION_ID);
        assertThat(j.get("apiCalls").getAsInt()).isEqualTo(5);
    }

    @Test
    void summaryOfTheDemoIsOneCall() {
        CliRun.Result r = new CliRun(tmp.resolve("home")).run("summary", "--emulator", "--output", "json");

        assertThat(r.exitCode()).as(r.err()).isZero();
        JsonObject j = new Gson().fromJson(r.out(), JsonObject.class);
        assertThat(j.get("status").getAsString()).isEqualTo("INIT");
        assertThat(j.get("hasDownloadUrl").getAsBoolean()).isFalse();
    }

    @Test
    void downloadBeforeTheExportFinishedExitsSeven() throws Exception {
        Path dir = tmp.resolve("d");
        CliRun.Result r = new CliRun(tmp.resolve("home")).run("download", "--emulator", "--download-dir", dir.toString());

        assertThat(r.exitCode()).isEqualTo(ExitCodes.DOWNLOAD);
        assertThat(r.err()).contains("(status INIT) has no DownloadUrl");
        assertThat(TestScenario.entries(dir)).isEmpty();
    }
}
