/*
 * Stand-in for com.alibabacloud.credentials.plugin.auth.AlibabaSessionTokenCredentials: jenkinsci/alibabacloud-credentials-plugin src/main/java/com/alibabacloud/credentials/plugin/auth/AlibabaSessionTokenCredentials.java (HEAD of 2025-04).
 * Written for this project with upstream's signature for the members the plugin uses;
 * no behaviour (bodies throw), compile-time only.
 */
package com.alibabacloud.credentials.plugin.auth;

// Upstream also implements AlibabaCloudRamCredentials (the SDK's session-credentials view).
public class AlibabaSessionTokenCredentials extends AlibabaCredentials {
    public AlibabaSessionTokenCredentials(String accessKey, String secretKey, String securityToken) {
        super(accessKey, secretKey);
    }

    public String getSecretToken() {
        throw new UnsupportedOperationException("stand-in");
    }
}
