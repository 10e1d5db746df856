package io.jenkins.plugins.dataworks.engine.auth;

import java.nio.file.Path;
import java.util.Map;

/**
 * Where the client gets the credentials that sign each call. Implementations never print a
 * secret in {@code toString()} and are not serializable.
 */
public sealed interface CredentialsSource permits AccessKeyCredentials, SessionCredentials, AssumeRoleCredentials {

    /** The AccessKey ID (never secret) that the credentials start from, for messages. */
    String accessKeyId();

    /**
     * Credentials from the standard variables ALIBABA_CLOUD_ACCESS_KEY_ID and
     * ALIBABA_CLOUD_ACCESS_KEY_SECRET, plus ALIBABA_CLOUD_SECURITY_TOKEN for session credentials.
     *
     * @param env the environment, e.g. {@code System.getenv()}
     * @throws io.jenkins.plugins.dataworks.engine.error.InvalidInputException naming the missing variable
     */
    static CredentialsSource fromEnvironment(Map<String, String> env) {
        return EnvironmentCredentials.read(env);
    }

    /**
     * Credentials of a profile of the Alibaba Cloud CLI's config file (modes AK, StsToken and
     * RamRoleArn).
     *
     * @param configFile usually {@link AliyunCliConfig#defaultPath(Path)} (~/.aliyun/config.json)
     * @param profileName null or blank for the file's current profile
     * @throws io.jenkins.plugins.dataworks.engine.error.InvalidInputException naming the file, profile and field
     */
    static CredentialsSource fromAliyunCliProfile(Path configFile, String profileName) {
        return AliyunCliConfig.load(configFile, profileName).credentials();
    }
}
