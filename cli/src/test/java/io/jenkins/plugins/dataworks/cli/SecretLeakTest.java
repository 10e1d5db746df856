package io.jenkins.plugins.dataworks.cli;

import static io.jenkins.plugins.dataworks.cli.TestScenario.array;
import static io.jenkins.plugins.dataworks.cli.TestScenario.waitArgs;
import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.dataworks.emulator.junit.DataWorksEmulatorExtension;
import io.jenkins.plugins.dataworks.emulator.scenario.DownloadFault;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs every command in every output mode, successes and failures alike, then searches all that
 * was printed and every file written for the AccessKey secret, the STS token and the signature of
 * the DownloadUrl the CLI received.
 */
class SecretLeakTest {

    private static final String STS_TOKEN = "CAISsts-token-that-must-never-be-printed-9Qx";

    @RegisterExtension
    final DataWorksEmulatorExtension emulator = TestScenario.extension();

    @TempDir
    Path tmp;

    @Test
    void noSecretReachesOutputOrFiles() throws Exception {
        Path out = tmp.resolve("out");
        CliRun cli = new CliRun(tmp.resolve("home")).credentials(TestScenario.KEY_ID, TestScenario.SECRET);
        List<CliRun.Result> results = new ArrayList<>();
        for (String format : List.of("text", "json")) {
            results.add(cli.run(array(waitArgs(emulator, TestScenario.EXPORT_OK, "--download-dir",
                    out.resolve(format).toString(), "--output", format))));
            results.add(cli.run(array(waitArgs(emulator, TestScenario.EXPORT_ERROR, "--output", format))));
            results.add(cli.run(array(waitArgs(emulator, 99999, "--output", format))));
            results.add(cli.run("summary", "--endpoint", emulator.endpoint().toString(), "--region", TestScenario.REGION,
                    "--project-id", "10001", "--migration-id", "20001", "--output", format));
            results.add(cli.run("download", "--endpoint", emulator.endpoint().toString(), "--region", TestScenario.REGION,
                    "--project-id", "10001", "--migration-id", "20001", "--output", format,
                    "--download-dir", out.resolve("dl-" + format).toString()));
        }
        // A failing download, whose error is where a URL would most likely slip out.
        emulator.emulator().inject(DownloadFault.error(500, "InternalError").always());
        results.add(cli.run("download", "--endpoint", emulator.endpoint().toString(), "--region", TestScenario.REGION,
                "--project-id", "10001", "--migration-id", "20001", "--download-dir", out.resolve("failed").toString()));
        // A wrong secret, and an STS token the service rejects: error paths echo request details.
        results.add(new CliRun(tmp.resolve("home")).credentials(TestScenario.KEY_ID, TestScenario.SECRET + "-wrong")
                .run(array(waitArgs(emulator, TestScenario.EXPORT_OK, "--output", "json"))));
        results.add(new CliRun(tmp.resolve("home")).credentials("STS.cli-test", TestScenario.SECRET)
                .env(CredentialsResolver.ENV_TOKEN, STS_TOKEN)
                .run(array(waitArgs(emulator, TestScenario.EXPORT_OK))));
        // Someone trying to pass the secret as an option.
        results.add(cli.run("wait", "--access-key-secret", TestScenario.SECRET, "--security-token=" + STS_TOKEN));

        // The scenario clock stands still, so the emulator signs the very URL the CLI was given.
        String url = emulator.emulator().downloadUrl(TestScenario.EXPORT_OK);
        String rawSignature = rawQueryParameter(url, "Signature");
        String signature = URLDecoder.decode(rawSignature, StandardCharsets.UTF_8);
        assertThat(signature).hasSizeGreaterThan(10);

        assertThat(results).extracting(CliRun.Result::exitCode)
                .contains(ExitCodes.SUCCESS, ExitCodes.MIGRATION_FAILED, ExitCodes.API_ERROR, ExitCodes.DOWNLOAD,
                        ExitCodes.AUTHENTICATION, ExitCodes.USAGE);
        List<String> texts = new ArrayList<>(results.stream().map(CliRun.Result::all).toList());
        try (var files = Files.walk(tmp)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                texts.add(new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1));
            }
        }
        assertThat(texts).hasSizeGreaterThan(results.size()); // packages were written and searched too
        for (String text : texts) {
            assertThat(text).doesNotContain(TestScenario.SECRET, STS_TOKEN, signature, rawSignature, "Signature=", "OSSAccessKeyId=",
                    "Expires=");
        }
    }

    private static String rawQueryParameter(String url, String name) {
        for (String pair : URI.create(url).getRawQuery().split("&")) {
            int eq = pair.indexOf('=');
            if (pair.substring(0, eq).equals(name)) {
                return pair.substring(eq + 1);
            }
        }
        throw new AssertionError("no " + name + " in the DownloadUrl");
    }
}
