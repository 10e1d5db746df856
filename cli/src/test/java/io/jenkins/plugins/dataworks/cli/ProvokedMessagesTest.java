package io.jenkins.plugins.dataworks.cli;

import static io.jenkins.plugins.dataworks.cli.MessageVocabularyTest.assertNoEngineOnlyName;
import static io.jenkins.plugins.dataworks.cli.TestScenario.array;
import static io.jenkins.plugins.dataworks.cli.TestScenario.waitArgs;
import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.dataworks.emulator.junit.DataWorksEmulatorExtension;
import io.jenkins.plugins.dataworks.emulator.oss.PackageSource;
import io.jenkins.plugins.dataworks.emulator.proxy.ForwardingProxy;
import io.jenkins.plugins.dataworks.emulator.scenario.DownloadFault;
import io.jenkins.plugins.dataworks.emulator.scenario.MigrationSpec;
import io.jenkins.plugins.dataworks.emulator.scenario.Timeline;
import io.jenkins.plugins.dataworks.engine.download.DownloadSettings;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The engine messages that name a setting and were until now checked only by table-driven
 * rendering tests (issue 9), provoked for real through the command against the emulator, a
 * refusing proxy or a file size limit: each line names the option typed here, a hint about a
 * setting the command has no option for is left out, and no engine name shows.
 *
 * <p>Where each message that names a setting is provoked through the command line:
 *
 * <pre>
 * message (engine site)                                   | setting(s)              | provoked in
 * --------------------------------------------------------+-------------------------+-----------------------------
 * too-large package (Transfer.requireWithinCap)           | MAX_BYTES (no option)   | this class
 * write failure (Transfer.write)                          | DOWNLOAD_DIR            | this class (child JVM, ulimit -f)
 * broken transfer (Transfer.brokenTransfer)               | MAX_RESUMES, READ_TIMEOUT (no options) | this class
 * host not allowed (UrlPolicy.check)                      | ALLOWED_HOSTS (no option)| this class
 * proxy answers 407 (ErrorClassifier.classify)            | NON_PROXY_HOSTS         | this class
 * RAM role cannot be assumed (ErrorClassifier)            | ROLE_ARN                | this class
 * expired URLs (Transfer.refreshUrl)                      | MAX_URL_REFRESHES (none)| MessageVocabularyTest
 * PARTIAL_SUCCESS / unknown status (wait.Messages)        | PARTIAL_SUCCESS, KEEP_WAITING_... | MessageVocabularyTest
 * migration not found (ErrorClassifier)                   | PROJECT_ID, MIGRATION_ID| MessageVocabularyTest
 * download ALWAYS without package (DownloadMode)          | DOWNLOAD                | MessageVocabularyTest
 * interval pair / interval range (WaitPolicyValidation)   | POLL_INTERVAL, MAX_...  | MessageVocabularyTest, UsageErrorsTest
 * API call budget spent (wait.Messages)                   | MAX_API_CALLS           | FailureDetailTest
 * unknown region, missing region (Endpoints)              | REGION, ENDPOINT        | UsageErrorsTest
 * name taken (ErrorClassifier, MigrationLauncher)         | NAME                    | ImportCommandTest
 * package over the upload limit (PackageUploader)         | MAX_UPLOAD_BYTES        | ImportCommandTest
 * incremental since (ExportSpec)                          | INCREMENTAL_SINCE, EXPORT_MODE | CreateUsageErrorsTest, PromoteCommandTest
 * JSON maps, commit rule (ImportSpec)                     | *_MAP, COMMIT_RULE      | ImportCommandTest
 * upload CONNECT refused (PackageUploader)                | NON_PROXY_HOSTS         | not here: the emulator's upload
 *     URL is plain http on loopback, which a proxy forwards without CONNECT; the CONNECT path needs a
 *     real https OSS host (engine test ProxyUploadTest covers the text, this class the 407 wording)
 * upload settings (UploadSettings: allowedHosts, readTimeout) | ALLOWED_HOSTS, READ_TIMEOUT | cannot reach the command:
 *     it builds them from constants and the endpoint's loopback host
 * download settings (DownloadSettings: maxBytes, maxResumes...) | (no options) | cannot reach the command: constants
 * </pre>
 */
class ProvokedMessagesTest {

    private static final String ROLE = "acs:ram::1000000000000001:role/release";
    private static final long HUGE = 20101;

    @RegisterExtension
    final DataWorksEmulatorExtension emulator = TestScenario.extension().configure(b -> b.role(ROLE));

    @TempDir
    Path tmp;

    private CliRun cli;

    @BeforeEach
    void setUp() {
        cli = new CliRun(tmp.resolve("home")).credentials(TestScenario.KEY_ID, TestScenario.SECRET);
    }

    private String[] summaryArgs(String... more) {
        List<String> a = new ArrayList<>(List.of("summary", "--project-id", String.valueOf(TestScenario.PROJECT),
                "--migration-id", String.valueOf(TestScenario.EXPORT_OK)));
        a.addAll(List.of(more));
        return array(a);
    }

    @Test
    void aPackageOverTheSizeCapIsRefusedWithoutAHintTheCommandCannotFollow() {
        emulator.emulator().addMigration(MigrationSpec.export(HUGE, TestScenario.PROJECT, "huge")
                .timeline(Timeline.fixed("EXPORT_SUCCESS")).pkg(new AnnouncedOnly(DownloadSettings.DEFAULT_MAX_BYTES + 1)));

        CliRun.Result r = cli.run(array(waitArgs(emulator, HUGE, "--download-dir", tmp.resolve("out").toString())));

        assertThat(r.exitCode()).as(r.all()).isEqualTo(ExitCodes.DOWNLOAD);
        assertThat(r.all()).contains("is 10737418241 bytes (10.0 GiB), over the limit of 10737418240 bytes (10.0 GiB)")
                .doesNotContain("raise", "maxBytes");
        assertNoEngineOnlyName(r.all());
    }

    @Test
    void aTransferThatKeepsBreakingLeavesOutTheLimitsTheCommandHasNoOptionFor() {
        emulator.emulator().inject(DownloadFault.truncateAfter(1000).always());

        CliRun.Result r = cli.run(array(waitArgs(emulator, TestScenario.EXPORT_OK,
                "--download-dir", tmp.resolve("out").toString())));

        assertThat(r.exitCode()).as(r.all()).isEqualTo(ExitCodes.DOWNLOAD);
        assertThat(r.all()).contains(" after 5 resumes: ").contains(": check the network")
                .doesNotContain("check the network or", "maxResumes", "readTimeout");
        assertNoEngineOnlyName(r.all());
    }

    /** The command trusts the loopback host of --endpoint only: localhost is not the 127.0.0.1 the emulator links to. */
    @Test
    void aDownloadHostThatIsNotOssIsRefusedInWords() {
        String localhost = "http://localhost:" + emulator.emulator().port();

        List<String> args = waitArgs(emulator, TestScenario.EXPORT_OK, "--download-dir", tmp.resolve("out").toString());
        args.set(args.indexOf(emulator.endpoint().toString()), localhost);

        CliRun.Result r = cli.run(array(args));

        assertThat(r.exitCode()).as(r.all()).isEqualTo(ExitCodes.DOWNLOAD);
        assertThat(r.all()).contains("download URL host 127.0.0.1 is not an Alibaba Cloud OSS endpoint")
                .doesNotContain("downloadUrl", "allowedHosts", "add it to");
        assertNoEngineOnlyName(r.all());
        assertThat(emulator.emulator().downloadCount()).isZero();
    }

    @Test
    void aProxyDemandingAuthenticationNamesTheNonProxyHostsOption() throws Exception {
        try (ForwardingProxy proxy = ForwardingProxy.start().answerConnectWith("407 Proxy Authentication Required")) {
            CliRun.Result r = cli.run(summaryArgs("--region", TestScenario.REGION, "--proxy", proxy.address()));

            assertThat(r.exitCode()).as(r.all()).isNotZero();
            assertThat(r.all()).contains("HTTP 407").contains(
                    "the HTTP proxy demands authentication, which is not supported; use a proxy that does not,"
                            + " or list the endpoint in --non-proxy-hosts");
            assertNoEngineOnlyName(r.all());
            assertThat(proxy.count("CONNECT")).isPositive();
        }
    }

    @Test
    void aRoleThatCannotBeAssumedNamesTheRoleArnOption() {
        CliRun.Result r = cli.run(summaryArgs("--endpoint", emulator.endpoint().toString(), "--region", TestScenario.REGION,
                "--role-arn", "acs:ram::1000000000000001:role/nobody", "--sts-endpoint", emulator.endpoint().toString()));

        assertThat(r.exitCode()).as(r.all()).isNotZero();
        assertThat(r.all()).contains("the RAM role cannot be assumed; check --role-arn").doesNotContain("roleArn");
        assertNoEngineOnlyName(r.all());
        assertThat(emulator.emulator().callCount("GetMigrationSummary")).isZero();
    }

    /**
     * A full disk, as far as the download can tell: the command runs in a child JVM whose files may
     * not grow past 64 KiB (ulimit -f; the JVM ignores SIGXFSZ, so the write fails with EFBIG).
     */
    @Test
    void aWriteFailureNamesTheDownloadDirOption() throws Exception {
        Path out = tmp.resolve("out");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:-UsePerfData", "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
                Main.class.getName()));
        command.addAll(waitArgs(emulator, TestScenario.EXPORT_OK, "--download-dir", out.toString()));
        StringBuilder shell = new StringBuilder("ulimit -f 64 && exec");
        for (String arg : command) {
            shell.append(" '").append(arg.replace("'", "'\\''")).append('\'');
        }
        ProcessBuilder pb = new ProcessBuilder("bash", "-c", shell.toString()).redirectErrorStream(true)
                .redirectOutput(tmp.resolve("child.log").toFile());
        pb.environment().put(CredentialsResolver.ENV_ID, TestScenario.KEY_ID);
        pb.environment().put(CredentialsResolver.ENV_SECRET, TestScenario.SECRET);
        pb.environment().put("HOME", tmp.resolve("home").toString());
        Process p = pb.start();
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("the child finishes").isTrue();
        String log = Files.readString(tmp.resolve("child.log"), StandardCharsets.UTF_8);

        assertThat(p.exitValue()).as(log).isEqualTo(ExitCodes.DOWNLOAD);
        assertThat(log).contains("cannot write the package into " + out)
                .contains(": free disk space or choose another --download-dir");
        assertNoEngineOnlyName(log);
    }

    /** A package that announces its size and streams zeros: for a size cap, nothing is read or hashed. */
    private record AnnouncedOnly(long size) implements PackageSource {
        @Override
        public void read(long offset, byte[] buffer, int bufferOffset, int length) {
            java.util.Arrays.fill(buffer, bufferOffset, bufferOffset + length, (byte) 0);
        }

        @Override
        public long crc64() {
            return 0;
        }

        @Override
        public String describe() {
            return size + " announced bytes";
        }
    }
}
