package io.jenkins.plugins.dataworks.cli;

import static io.jenkins.plugins.dataworks.cli.TestScenario.array;
import static io.jenkins.plugins.dataworks.cli.TestScenario.waitArgs;
import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.dataworks.emulator.junit.DataWorksEmulatorExtension;
import io.jenkins.plugins.dataworks.emulator.scenario.DownloadFault;
import io.jenkins.plugins.dataworks.engine.client.DataWorksClient;
import io.jenkins.plugins.dataworks.engine.client.MigrationRef;
import io.jenkins.plugins.dataworks.engine.client.MigrationSummary;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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

    /** An error nobody foresaw is printed as it is, so it goes through redaction like any other text. */
    @Test
    void anUnexpectedErrorIsPrintedWithoutTheQueryOfAUrlItQuotes() {
        ClientFactory failing = (credentials, settings) -> new DataWorksClient() {
            @Override
            public MigrationSummary getMigrationSummary(MigrationRef ref) {
                throw new IllegalStateException(
                        "GET https://b.oss-cn-shanghai.aliyuncs.com/p.zip?Expires=1&Signature=must-not-leak failed");
            }

            @Override
            public void close() {}
        };
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CliContext ctx = new CliContext(Map.of(CredentialsResolver.ENV_ID, TestScenario.KEY_ID,
                CredentialsResolver.ENV_SECRET, TestScenario.SECRET), tmp.resolve("home"), new PrintWriter(out, true),
                new PrintWriter(err, true), false, VirtualTimeRuntime::new, new Cancellation());

        int code = new Cli(ctx, failing, EmbeddedEmulator::startDemo).run("summary", "--endpoint",
                emulator.endpoint().toString(), "--region", TestScenario.REGION, "--project-id", "10001",
                "--migration-id", "20001", "--output", "json");

        assertThat(code).isEqualTo(ExitCodes.API_ERROR);
        assertThat(err.toString()).contains("unexpected error: java.lang.IllegalStateException: "
                + "GET https://b.oss-cn-shanghai.aliyuncs.com/p.zip?<redacted> failed");
        assertThat(out + err.toString()).doesNotContain("must-not-leak", "Signature=", "Expires=");
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
