package io.jenkins.plugins.dataworks.engine.auth;

import io.jenkins.plugins.dataworks.engine.error.InvalidInputException;

/** A long-lived AccessKey pair of an Alibaba Cloud account or RAM user. */
public record AccessKeyCredentials(String accessKeyId, SecretValue accessKeySecret) implements CredentialsSource {

    public AccessKeyCredentials {
        if (accessKeyId == null || accessKeyId.isBlank()) {
            throw new InvalidInputException("accessKeyId", "is missing: provide the AccessKey ID");
        }
        if (accessKeySecret == null) {
            throw new InvalidInputException("accessKeySecret", "is missing: provide the AccessKey secret");
        }
    }

    public static AccessKeyCredentials of(String accessKeyId, String accessKeySecret) {
        return new AccessKeyCredentials(accessKeyId, SecretValue.of("accessKeySecret", accessKeySecret));
    }

    @Override
    public String toString() {
        return "AccessKeyCredentials[accessKeyId=" + accessKeyId + "]";
    }
}
