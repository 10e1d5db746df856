package io.jenkins.plugins.dataworks.engine.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.dataworks.engine.error.InvalidInputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CredentialsSourceTest {

    private static final String SECRET = "very-secret-AK-value";
    private static final String TOKEN = "CAIS-very-secret-token";

    @TempDir
    Path dir;

    @Test
    void environmentAccessKey() {
        CredentialsSource c = CredentialsSource.fromEnvironment(Map.of(
                "ALIBABA_CLOUD_ACCESS_KEY_ID", "LTAI5example", "ALIBABA_CLOUD_ACCESS_KEY_SECRET", SECRET));
        assertThat(c).isInstanceOf(AccessKeyCredentials.class);
        assertThat(c.accessKeyId()).isEqualTo("LTAI5example");
        assertThat(((AccessKeyCredentials) c).accessKeySecret().reveal()).isEqualTo(SECRET);
    }

    @Test
    void environmentSession() {
        CredentialsSource c = CredentialsSource.fromEnvironment(Map.of(
                "ALIBABA_CLOUD_ACCESS_KEY_ID", "STS.example", "ALIBABA_CLOUD_ACCESS_KEY_SECRET", SECRET,
                "ALIBABA_CLOUD_SECURITY_TOKEN", TOKEN));
        assertThat(c).isInstanceOf(SessionCredentials.class);
        assertThat(((SessionCredentials) c).securityToken().reveal()).isEqualTo(TOKEN);
    }

    @Test
    void environmentMissingOrPartial() {
        assertThatThrownBy(() -> CredentialsSource.fromEnvironment(Map.of()))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("ALIBABA_CLOUD_ACCESS_KEY_ID is not set: export ALIBABA_CLOUD_ACCESS_KEY_ID and ALIBABA_CLOUD_ACCESS_KEY_SECRET "
                        + "(and ALIBABA_CLOUD_SECURITY_TOKEN for STS credentials), or pass credentials explicitly");
        assertThatThrownBy(() -> CredentialsSource.fromEnvironment(Map.of("ALIBABA_CLOUD_ACCESS_KEY_ID", "LTAI5example")))
                .hasMessage("ALIBABA_CLOUD_ACCESS_KEY_SECRET is not set although ALIBABA_CLOUD_ACCESS_KEY_ID is: export both")
                .extracting(e -> ((InvalidInputException) e).field()).isEqualTo("ALIBABA_CLOUD_ACCESS_KEY_SECRET");
        assertThatThrownBy(() -> CredentialsSource.fromEnvironment(Map.of("ALIBABA_CLOUD_ACCESS_KEY_SECRET", SECRET, "ALIBABA_CLOUD_ACCESS_KEY_ID", " ")))
                .hasMessage("ALIBABA_CLOUD_ACCESS_KEY_ID is not set although ALIBABA_CLOUD_ACCESS_KEY_SECRET is: export both")
                .hasMessageNotContaining(SECRET);
        assertThatThrownBy(() -> CredentialsSource.fromEnvironment(Map.of(
                "ALIBABA_CLOUD_ACCESS_KEY_ID", "STS.example", "ALIBABA_CLOUD_ACCESS_KEY_SECRET", SECRET)))
                .hasMessage("ALIBABA_CLOUD_SECURITY_TOKEN is not set although ALIBABA_CLOUD_ACCESS_KEY_ID is an STS AccessKey (STS.*): "
                        + "export the security token too");
    }

    @Test
    void cliProfileModes() throws IOException {
        Path file = write("""
                {"current": "sts", "profiles": [
                  {"name": "default", "mode": "AK", "access_key_id": "LTAI5default", "access_key_secret": "%s", "region_id": "cn-shanghai"},
                  {"name": "sts", "mode": "StsToken", "access_key_id": "STS.x", "access_key_secret": "%s", "sts_token": "%s", "region_id": "cn-beijing"},
                  {"name": "role", "mode": "RamRoleArn", "access_key_id": "LTAI5role", "access_key_secret": "%s",
                   "ram_role_arn": "acs:ram::123456789012:role/release", "ram_session_name": "ci", "expired_seconds": 1800},
                  {"name": "ecs", "mode": "EcsRamRole", "ram_role_name": "r"}
                ]}
                """.formatted(SECRET, SECRET, TOKEN, SECRET));
        AliyunCliProfile current = AliyunCliConfig.load(file, null);
        assertThat(current.name()).isEqualTo("sts");
        assertThat(current.regionId()).isEqualTo("cn-beijing");
        assertThat(current.credentials()).isInstanceOf(SessionCredentials.class);
        assertThat(current.toString()).doesNotContain(SECRET).doesNotContain(TOKEN);

        assertThat(CredentialsSource.fromAliyunCliProfile(file, "default")).isInstanceOf(AccessKeyCredentials.class)
                .extracting(CredentialsSource::accessKeyId).isEqualTo("LTAI5default");
        AssumeRoleCredentials role = (AssumeRoleCredentials) CredentialsSource.fromAliyunCliProfile(file, "role");
        assertThat(role.roleArn()).isEqualTo("acs:ram::123456789012:role/release");
        assertThat(role.sessionName()).isEqualTo("ci");
        assertThat(role.duration()).isEqualTo(Duration.ofSeconds(1800));
        assertThat(role.stsUri()).hasToString("https://sts.aliyuncs.com");

        assertThatThrownBy(() -> CredentialsSource.fromAliyunCliProfile(file, "ecs"))
                .hasMessage("profile 'ecs' in " + file + " uses mode EcsRamRole, which is not supported: "
                        + "use a profile of mode AK, StsToken or RamRoleArn, or pass credentials explicitly");
        assertThatThrownBy(() -> CredentialsSource.fromAliyunCliProfile(file, "nope"))
                .hasMessage("profile 'nope' is not in " + file + ": use one of default, sts, role, ecs");
    }

    @Test
    void cliProfileProblems() throws IOException {
        Path missing = dir.resolve("none.json");
        assertThatThrownBy(() -> CredentialsSource.fromAliyunCliProfile(missing, null))
                .hasMessage("profile config file " + missing + " does not exist: run 'aliyun configure' or pass credentials explicitly");
        Path broken = write("{\"profiles\": [ {\"name\": \"default\", \"access_key_secret\": \"" + SECRET + "\"");
        assertThatThrownBy(() -> CredentialsSource.fromAliyunCliProfile(broken, null))
                .hasMessage("profile config file " + broken + " is not valid JSON: fix it or run 'aliyun configure'")
                .hasMessageNotContaining(SECRET);
        Path noSecret = write("{\"profiles\": [ {\"name\": \"default\", \"mode\": \"AK\", \"access_key_id\": \"LTAI5\"} ]}");
        assertThatThrownBy(() -> CredentialsSource.fromAliyunCliProfile(noSecret, "default"))
                .hasMessage("access_key_secret is empty of profile 'default' in " + noSecret + ": run 'aliyun configure --profile default'");
    }

    @Test
    void defaultPathIsUnderHome() {
        assertThat(AliyunCliConfig.defaultPath(Path.of("/home/u"))).isEqualTo(Path.of("/home/u/.aliyun/config.json"));
    }

    @Test
    void toStringNeverShowsSecrets() {
        AccessKeyCredentials ak = AccessKeyCredentials.of("LTAI5example", SECRET);
        SessionCredentials session = SessionCredentials.of("STS.example", SECRET, TOKEN);
        AssumeRoleCredentials role = AssumeRoleCredentials.of(session, "acs:ram::123456789012:role/r", "ci-run", Duration.ofMinutes(15))
                .withStsEndpoint("http://127.0.0.1:9999");
        for (Object o : new Object[] {ak, session, role, ak.accessKeySecret()}) {
            assertThat(o.toString()).doesNotContain(SECRET).doesNotContain(TOKEN);
        }
        assertThat(role.toString()).isEqualTo("AssumeRoleCredentials[base=SessionCredentials[accessKeyId=STS.example], "
                + "roleArn=acs:ram::123456789012:role/r, sessionName=ci-run, duration=PT15M, stsEndpoint=http://127.0.0.1:9999]");
    }

    @Test
    void assumeRoleInputIsValidated() {
        AccessKeyCredentials ak = AccessKeyCredentials.of("LTAI5example", SECRET);
        assertThatThrownBy(() -> AssumeRoleCredentials.of(ak, "arn:aws:iam::1:role/x", "ci", Duration.ofMinutes(15)))
                .hasMessage("roleArn must look like acs:ram::<account-id>:role/<role-name>");
        assertThatThrownBy(() -> AssumeRoleCredentials.of(ak, "acs:ram::1:role/x", "ci", Duration.ofMinutes(5)))
                .hasMessage("roleSessionDuration must be between 900 and 3600 seconds");
        assertThatThrownBy(() -> AssumeRoleCredentials.of(ak, "acs:ram::1:role/x", "ci", Duration.ofMinutes(15))
                .withStsEndpoint("http://sts.example.com"))
                .hasMessage("stsEndpoint must use https:// (plain http is allowed only for loopback hosts: 127.0.0.1, ::1, localhost)");
    }

    @Test
    void blankSecretsAreRefused() {
        assertThatThrownBy(() -> AccessKeyCredentials.of(" ", SECRET)).hasMessage("accessKeyId is missing: provide the AccessKey ID");
        assertThatThrownBy(() -> AccessKeyCredentials.of("LTAI5", "")).hasMessage("accessKeySecret is missing: provide it");
        assertThatThrownBy(() -> SessionCredentials.of("STS.x", SECRET, null)).hasMessage("securityToken is missing: provide it");
    }

    private Path write(String json) throws IOException {
        Path f = Files.createTempFile(dir, "config", ".json");
        Files.writeString(f, json);
        return f;
    }
}
