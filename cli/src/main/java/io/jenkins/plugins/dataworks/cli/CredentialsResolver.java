package io.jenkins.plugins.dataworks.cli;

import io.jenkins.plugins.dataworks.engine.auth.AliyunCliConfig;
import io.jenkins.plugins.dataworks.engine.auth.AliyunCliProfile;
import io.jenkins.plugins.dataworks.engine.auth.AssumeRoleCredentials;
import io.jenkins.plugins.dataworks.engine.auth.CredentialsSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * Finds the credentials the way Alibaba Cloud tools do, minus anything that would put a secret on
 * the command line (where {@code ps} and CI logs would show it):
 * <ol>
 * <li>{@code --profile NAME}: that profile of the Alibaba Cloud CLI file {@code ~/.aliyun/config.json};</li>
 * <li>otherwise ALIBABA_CLOUD_ACCESS_KEY_ID / ALIBABA_CLOUD_ACCESS_KEY_SECRET (plus
 *     ALIBABA_CLOUD_SECURITY_TOKEN for STS credentials) when any of them is set;</li>
 * <li>otherwise the profile named by ALIBABA_CLOUD_PROFILE, or the file's current profile, when the file exists.</li>
 * </ol>
 * {@code --role-arn} (or ALIBABA_CLOUD_ROLE_ARN) then wraps the result in an AssumeRole. Reading the
 * variables and the file is the engine's job; this class only decides which source applies.
 */
final class CredentialsResolver {

    static final String ENV_ID = "ALIBABA_CLOUD_ACCESS_KEY_ID";
    static final String ENV_SECRET = "ALIBABA_CLOUD_ACCESS_KEY_SECRET";
    static final String ENV_TOKEN = "ALIBABA_CLOUD_SECURITY_TOKEN";
    static final String ENV_PROFILE = "ALIBABA_CLOUD_PROFILE";
    static final String ENV_ROLE_ARN = "ALIBABA_CLOUD_ROLE_ARN";
    static final String ENV_ROLE_SESSION_NAME = "ALIBABA_CLOUD_ROLE_SESSION_NAME";
    static final String DEFAULT_SESSION_NAME = "dataworks-migration-cli";
    static final Duration ROLE_SESSION_DURATION = Duration.ofHours(1);

    private final Map<String, String> env;
    private final Path configFile;

    CredentialsResolver(Map<String, String> env, Path userHome) {
        this.env = env;
        this.configFile = AliyunCliConfig.defaultPath(userHome);
    }

    /**
     * @param profile nullable: --profile
     * @param roleArn nullable: --role-arn
     * @param roleSessionName nullable: --role-session-name
     * @param stsEndpoint nullable: where AssumeRole goes; null for the public STS endpoint
     */
    CredentialsSource resolve(String profile, String roleArn, String roleSessionName, String stsEndpoint) {
        CredentialsSource base = baseCredentials(profile);
        String arn = roleArn != null ? roleArn : blankToNull(env.get(ENV_ROLE_ARN));
        if (arn == null) {
            if (roleSessionName != null) {
                throw new UsageException("--role-session-name needs --role-arn: add --role-arn acs:ram::<account-id>:role/<role-name>");
            }
            if (stsEndpoint != null && base instanceof AssumeRoleCredentials assumed) {
                return assumed.withStsEndpoint(stsEndpoint);
            }
            if (stsEndpoint != null) {
                throw new UsageException("--sts-endpoint needs --role-arn: it only says where AssumeRole goes");
            }
            return base;
        }
        if (base instanceof AssumeRoleCredentials) {
            throw new UsageException("--role-arn cannot be combined with a RamRoleArn profile, which already assumes a role: drop one of them");
        }
        String session = roleSessionName != null ? roleSessionName
                : env.getOrDefault(ENV_ROLE_SESSION_NAME, DEFAULT_SESSION_NAME);
        return new AssumeRoleCredentials(base, arn, session, ROLE_SESSION_DURATION, stsEndpoint);
    }

    /** The region of the profile in use, for when neither --region nor --endpoint is given; nullable. */
    String profileRegion(String profile) {
        if (profile == null && (hasCredentialVariables() || !Files.isRegularFile(configFile))) {
            return null;
        }
        return profile(profile).regionId();
    }

    private CredentialsSource baseCredentials(String profile) {
        if (profile != null) {
            return profile(profile).credentials();
        }
        if (hasCredentialVariables()) {
            return CredentialsSource.fromEnvironment(env);
        }
        if (Files.isRegularFile(configFile)) {
            return profile(null).credentials();
        }
        throw new UsageException("no credentials found: set ALIBABA_CLOUD_ACCESS_KEY_ID and ALIBABA_CLOUD_ACCESS_KEY_SECRET"
                + " (plus ALIBABA_CLOUD_SECURITY_TOKEN for STS), or use --profile NAME with ~/.aliyun/config.json");
    }

    /** @param name null for ALIBABA_CLOUD_PROFILE, then the file's current profile */
    private AliyunCliProfile profile(String name) {
        return AliyunCliConfig.load(configFile, name != null ? name : blankToNull(env.get(ENV_PROFILE)));
    }

    private boolean hasCredentialVariables() {
        return blankToNull(env.get(ENV_ID)) != null || blankToNull(env.get(ENV_SECRET)) != null
                || blankToNull(env.get(ENV_TOKEN)) != null;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
