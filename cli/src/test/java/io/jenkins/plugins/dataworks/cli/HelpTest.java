package io.jenkins.plugins.dataworks.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HelpTest {

    @TempDir
    Path tmp;

    @ParameterizedTest
    @ValueSource(strings = {"wait", "summary", "download"})
    void everyCommandDocumentsTheExitCodesAndCredentials(String command) {
        CliRun.Result r = new CliRun(tmp).run(command, "--help");

        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).contains("Exit codes:", "0     success", "2     usage error", "4     timed out",
                "7     download or verification error", "130   cancelled", "ALIBABA_CLOUD_ACCESS_KEY_SECRET",
                "No option accepts a secret.");
    }

    @ParameterizedTest
    @ValueSource(strings = {"--help", "-h"})
    void topLevelHelpListsTheCommands(String flag) {
        CliRun.Result r = new CliRun(tmp).run(flag);

        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).contains("wait", "summary", "download", "wait --emulator --download-dir target/demo");
    }
}
