package io.jenkins.plugins.dataworks.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.dataworks.emulator.junit.DataWorksEmulatorExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Where credentials come from: variables, an Alibaba Cloud CLI profile, an assumed role. */
class CredentialsTest {

    @RegisterExtension
    final DataWorksEmulatorExtension emulator = TestScenario.extension();

    @TempDir
    Path home;

    @BeforeEach
    void writeAliyunConfig() throws Exception {
        Path dir = Files.createDirectories(home.resolve(".aliyun"));
        Files.writeString(dir.resolve("config.json"), """
                {
                  "current": "ci",
                  "profiles": [
                    {"name": "ci", "mode": "AK", "access_key_id": "%s", "access_key_secret": "%s", "region_id": "%s"},
                    {"name": "stale", "mode": "AK", "access_key_id": "%s", "access_key_secret": "wrong-secret", "region_id": "%s"},
                    {"name": "sso", "mode": "CloudSSO", "region_id": "cn-hangzhou"}
                  ]
                }
                """.formatted(TestScenario.KEY_ID, TestScenario.SECRET, TestScenario.REGION, TestScenario.KEY_ID,
                TestScenario.REGION));
    }

    private String[] summary(String... more) {
        java.util.List<String> a = new java.util.ArrayList<>(java.util.List.of("summary",
                "--endpoint", emulator.endpoint().toString(), "--project-id", "10001", "--migration-id", "20001"));
        a.addAll(java.util.List.of(more));
        return a.toArray(String[]::new);
    }

    @Test
    void aNamedProfileGivesCredentialsAndRegion() {
        CliRun.Result r = new CliRun(home).run(summary("--profile", "ci")); // no --region: the profile's

        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(emulator.emulator().calls()).singleElement()
                .satisfies(c -> assertThat(c.accessKeyId()).isEqualTo(TestScenario.KEY_ID));
    }

    @Test
    void theCurrentProfileIsUsedWhenNoVariableIsSet() {
        assertThat(new CliRun(home).run(summary()).exitCode()).isZero();
    }

    @Test
    void variablesWinOverTheImplicitProfile() {
        CliRun.Result r = new CliRun(home).env(CredentialsResolver.ENV_ID, TestScenario.KEY_ID)
                .env(CredentialsResolver.ENV_SECRET, "not-the-secret").run(summary("--region", TestScenario.REGION));

        assertThat(r.exitCode()).isEqualTo(ExitCodes.AUTHENTICATION);
    }

    @Test
    void anExplicitProfileWinsOverVariables() {
        CliRun.Result r = new CliRun(home).credentials("other", "other").run(summary("--profile", "ci"));

        assertThat(r.exitCode()).as(r.err()).isZero();
    }

    @Test
    void aRejectedProfileSecretExitsFive() {
        assertThat(new CliRun(home).run(summary("--profile", "stale")).exitCode()).isEqualTo(ExitCodes.AUTHENTICATION);
    }

    @Test
    void anUnknownProfileNamesTheExistingOnes() {
        CliRun.Result r = new CliRun(home).run(summary("--profile", "nope"));

        assertThat(r.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err().lines().toList()).containsExactly("dataworks-migration summary: --profile 'nope' is not in "
                + home.resolve(".aliyun/config.json") + ": use one of ci, stale, sso");
        assertThat(emulator.emulator().calls()).isEmpty();
    }

    @Test
    void anUnsupportedProfileModeSaysWhichModesWork() {
        CliRun.Result r = new CliRun(home).run(summary("--profile", "sso"));

        assertThat(r.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).contains("uses mode CloudSSO, which is not supported: use a profile of mode AK, StsToken or RamRoleArn");
    }

    @Test
    void aProfileWithoutTheFileIsAUsageError() {
        CliRun.Result r = new CliRun(home.resolve("elsewhere")).run(summary("--profile", "ci", "--region", "cn-shanghai"));

        assertThat(r.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).contains("--profile config file ").contains("does not exist");
    }

    @Test
    void assumeRoleGoesThroughSts() {
        CliRun.Result r = new CliRun(home.resolve("elsewhere")).credentials(TestScenario.KEY_ID, TestScenario.SECRET)
                .run(summary("--region", TestScenario.REGION, "--role-arn", "acs:ram::1000000000000001:role/release",
                        "--role-session-name", "ci-build-42", "--sts-endpoint", emulator.endpoint().toString()));

        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(emulator.emulator().callCount("AssumeRole")).isEqualTo(1);
        assertThat(emulator.emulator().calls()).filteredOn(c -> c.action().equals("GetMigrationSummary"))
                .singleElement().satisfies(c -> assertThat(c.accessKeyId()).isNotEqualTo(TestScenario.KEY_ID));
    }

    @Test
    void aMalformedRoleArnIsAUsageError() {
        CliRun.Result r = new CliRun(home).run(summary("--role-arn", "arn:aws:iam::1:role/x"));

        assertThat(r.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err().lines().toList()).containsExactly(
                "dataworks-migration summary: --role-arn must look like acs:ram::<account-id>:role/<role-name>");
    }
}
