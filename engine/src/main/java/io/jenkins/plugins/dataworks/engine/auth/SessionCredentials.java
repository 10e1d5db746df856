package io.jenkins.plugins.dataworks.engine.auth;

import io.jenkins.plugins.dataworks.engine.error.InvalidInputException;

/** Temporary STS credentials: an AccessKey pair plus its SecurityToken. */
public record SessionCredentials(String accessKeyId, SecretValue accessKeySecret, SecretValue securityToken)
        implements CredentialsSource {

    public SessionCredentials {
        if (accessKeyId == null || accessKeyId.isBlank()) {
            throw new InvalidInputException("accessKeyId", "is missing: provide the STS AccessKey ID");
        }
        if (accessKeySecret == null) {
            throw new InvalidInputException("accessKeySecret", "is missing: provide the STS AccessKey secret");
        }
        if (securityToken == null) {
            throw new InvalidInputException("securityToken", "is missing: provide the STS security token");
        }
    }

    public static SessionCredentials of(String accessKeyId, String accessKeySecret, String securityToken) {
        return new SessionCredentials(accessKeyId,
                SecretValue.of("accessKeySecret", accessKeySecret),
                SecretValue.of("securityToken", securityToken));
    }

    @Override
    public String toString() {
        return "SessionCredentials[accessKeyId=" + accessKeyId + "]";
    }
}
