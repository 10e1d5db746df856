package io.jenkins.plugins.dataworks.emulator.state;

import java.time.Instant;

/** Session credentials issued by AssumeRole. toString never shows the secret or the token. */
public record StsSession(String accessKeyId, String accessKeySecret, String securityToken, Instant expiration,
        String roleArn, String roleSessionName, String assumedRoleId, String userId) {

    @Override
    public String toString() {
        return "StsSession[accessKeyId=" + accessKeyId + ", expiration=" + expiration + ", roleArn=" + roleArn
                + ", roleSessionName=" + roleSessionName + "]";
    }
}
