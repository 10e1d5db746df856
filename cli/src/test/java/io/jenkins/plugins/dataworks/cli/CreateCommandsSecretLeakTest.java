package io.jenkins.plugins.dataworks.cli;

import static io.jenkins.plugins.dataworks.cli.TestScenario.commandArgs;
import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.dataworks.emulator.junit.DataWorksEmulatorExtension;
import io.jenkins.plugins.dataworks.emulator.scenario.DownloadFault;
import io.jenkins.plugins.dataworks.emulator.scenario.UploadFault;
import io.jenkins.plugins.dataworks.emulator.state.CallRecord;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * export, import, start, process and promote, in both output modes, succeeding and failing (a
 * refused upload, a taken name, a wrong secret): nothing printed and no file written holds the
 * AccessKey secret, an upload policy or its signature, or the query of a signed URL.
 */
class CreateCommandsSecretLeakTest {

    @RegisterExtension
    final DataWorksEmulatorExtension emulator = TestScenario.extension();

    @TempDir
    Path tmp;

    @Test
    void noSecretReachesOutputOrFiles() throws Exception {
        CliRun cli = new CliRun(tmp.resolve("home")).credentials(TestScenario.KEY_ID, TestScenario.SECRET);
        Path pkg = Files.write(tmp.resolve("in.zip"), new byte[4096]);
        emulator.emulator().overrideStatus(TestScenario.EXPORT_ERROR, "EXPORT_ERROR"); // process then names a failed sub-task
        List<CliRun.Result> results = new ArrayList<>();
        for (String format : List.of("text", "json")) {
            results.add(cli.run(commandArgs(emulator, "export", TestScenario.PROJECT, "--name", "x-" + format,
                    "--output", format)));
            results.add(cli.run(commandArgs(emulator, "export", TestScenario.PROJECT, "--name", "nightly", "--output", format)));
            results.add(cli.run(commandArgs(emulator, "import", TestScenario.TARGET, "--name", "i-" + format,
                    "--package-file", pkg.toString(), "--output", format)));
            results.add(cli.run(commandArgs(emulator, "start", TestScenario.PROJECT, "--migration-id", "20001",
                    "--output", format)));
            results.add(cli.run(commandArgs(emulator, "process", TestScenario.PROJECT, "--migration-id", "20002",
                    "--output", format)));
            results.add(cli.run(commandArgs(emulator, "promote", TestScenario.PROJECT, "--target-project-id", "10002",
                    "--name", "p-" + format, "--download-dir", tmp.resolve("p-" + format).toString(),
                    "--poll-interval", "100ms", "--max-poll-interval", "100ms", "--output", format)));
        }
        // A refused upload, whose error is where the policy or signature would most likely slip out.
        emulator.emulator().inject(UploadFault.error(403, "AccessDenied"));
        results.add(cli.run(commandArgs(emulator, "import", TestScenario.TARGET, "--name", "refused",
                "--package-file", pkg.toString())));
        // A promote whose download fails, and one with a wrong secret.
        emulator.emulator().inject(DownloadFault.error(500, "InternalError").always());
        results.add(cli.run(commandArgs(emulator, "promote", TestScenario.PROJECT, "--target-project-id", "10002",
                "--name", "p-fail", "--download-dir", tmp.resolve("p-fail").toString(), "--poll-interval", "100ms",
                "--max-poll-interval", "100ms")));
        results.add(new CliRun(tmp.resolve("home")).credentials(TestScenario.KEY_ID, TestScenario.SECRET + "-wrong")
                .run(commandArgs(emulator, "import", TestScenario.TARGET, "--name", "w", "--package-file", pkg.toString(),
                        "--output", "json")));

        assertThat(results).extracting(CliRun.Result::exitCode)
                .contains(ExitCodes.SUCCESS, ExitCodes.MIGRATION_FAILED, ExitCodes.API_ERROR, ExitCodes.DOWNLOAD,
                        ExitCodes.AUTHENTICATION);
        assertThat(emulator.emulator().callCount("AuthorizeFileUpload")).isGreaterThanOrEqualTo(4);
        // Each grant has its own object key, so its policy and signature differ; but the scenario clock
        // stands still, so every policy starts with the same encoded expiration and bucket: that prefix
        // finds any policy the CLI received, wherever it was printed.
        String a = emulator.emulator().authorizeUpload().encodedPolicy();
        String b = emulator.emulator().authorizeUpload().encodedPolicy();
        int common = 0;
        while (common < Math.min(a.length(), b.length()) && a.charAt(common) == b.charAt(common)) {
            common++;
        }
        String policyPrefix = a.substring(0, common - common % 4);
        assertThat(policyPrefix).hasSizeGreaterThan(20);
        List<String> texts = new ArrayList<>(results.stream().map(CliRun.Result::all).toList());
        try (var files = Files.walk(tmp)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                texts.add(new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1));
            }
        }
        for (String text : texts) {
            assertThat(text).doesNotContain(TestScenario.SECRET, "Signature=", "OSSAccessKeyId=", "Expires=", "policy=",
                    "\"policy\"", "x-oss-security-token", policyPrefix);
        }
        // The grant's policy and signature are only in what the emulator answered; none of it was printed.
        for (CallRecord c : emulator.emulator().calls()) {
            assertThat(c.params()).doesNotContainKeys("Signature", "SecurityToken");
        }
    }
}
