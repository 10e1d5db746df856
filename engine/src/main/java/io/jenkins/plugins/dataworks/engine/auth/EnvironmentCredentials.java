package io.jenkins.plugins.dataworks.engine.auth;

import io.jenkins.plugins.dataworks.engine.error.InvalidInputException;
import java.util.Map;
import java.util.Objects;

/** Reads the standard Alibaba Cloud credential variables; see {@link CredentialsSource#fromEnvironment(Map)}. */
final class EnvironmentCredentials {

    static final String ACCESS_KEY_ID = "ALIBABA_CLOUD_ACCESS_KEY_ID";
    static final String ACCESS_KEY_SECRET = "ALIBABA_CLOUD_ACCESS_KEY_SECRET";
    static final String SECURITY_TOKEN = "ALIBABA_CLOUD_SECURITY_TOKEN";

    private EnvironmentCredentials() {}

    static CredentialsSource read(Map<String, String> env) {
        Objects.requireNonNull(env, "env");
        String id = value(env, ACCESS_KEY_ID);
        String secret = value(env, ACCESS_KEY_SECRET);
        String token = value(env, SECURITY_TOKEN);
        if (id == null && secret == null) {
            throw new InvalidInputException(ACCESS_KEY_ID,
                    "is not set: export " + ACCESS_KEY_ID + " and " + ACCESS_KEY_SECRET + " (and " + SECURITY_TOKEN
                            + " for STS credentials), or pass credentials explicitly");
        }
        if (id == null) {
            throw new InvalidInputException(ACCESS_KEY_ID, "is not set although " + ACCESS_KEY_SECRET + " is: export both");
        }
        if (secret == null) {
            throw new InvalidInputException(ACCESS_KEY_SECRET, "is not set although " + ACCESS_KEY_ID + " is: export both");
        }
        if (token == null) {
            if (id.startsWith("STS.")) {
                throw new InvalidInputException(SECURITY_TOKEN,
                        "is not set although " + ACCESS_KEY_ID + " is an STS AccessKey (STS.*): export the security token too");
            }
            return new AccessKeyCredentials(id, SecretValue.of(ACCESS_KEY_SECRET, secret));
        }
        return new SessionCredentials(id, SecretValue.of(ACCESS_KEY_SECRET, secret), SecretValue.of(SECURITY_TOKEN, token));
    }

    private static String value(Map<String, String> env, String name) {
        String v = env.get(name);
        return v == null || v.isBlank() ? null : v.strip();
    }
}
