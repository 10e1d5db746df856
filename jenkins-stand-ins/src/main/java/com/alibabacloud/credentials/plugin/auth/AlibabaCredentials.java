/*
 * Stand-in for com.alibabacloud.credentials.plugin.auth.AlibabaCredentials: jenkinsci/alibabacloud-credentials-plugin src/main/java/com/alibabacloud/credentials/plugin/auth/AlibabaCredentials.java (HEAD of 2025-04).
 * Written for this project with upstream's signature for the members the plugin uses;
 * no behaviour (bodies throw), compile-time only.
 */
package com.alibabacloud.credentials.plugin.auth;

import com.aliyuncs.auth.AlibabaCloudCredentials;
import com.cloudbees.plugins.credentials.impl.BaseStandardCredentials;
import edu.umd.cs.findbugs.annotations.CheckForNull;
import hudson.util.Secret;

// The plugin only reads these credentials (optional dependency).
public class AlibabaCredentials extends BaseStandardCredentials implements AlibabaCloudCredentials {
    public AlibabaCredentials(@CheckForNull String accessKey, @CheckForNull String secretKey) {
        super(null, null);
    }

    public String getAccessKey() {
        throw new UnsupportedOperationException("stand-in");
    }

    public Secret getSecretKey() {
        throw new UnsupportedOperationException("stand-in");
    }

    @Override
    public String getAccessKeyId() {
        throw new UnsupportedOperationException("stand-in");
    }

    @Override
    public String getAccessKeySecret() {
        throw new UnsupportedOperationException("stand-in");
    }
}
