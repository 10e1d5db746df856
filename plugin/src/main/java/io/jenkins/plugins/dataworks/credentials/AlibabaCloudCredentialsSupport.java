package io.jenkins.plugins.dataworks.credentials;

import com.alibabacloud.credentials.plugin.auth.AlibabaCredentials;
import com.alibabacloud.credentials.plugin.auth.AlibabaSessionTokenCredentials;
import com.cloudbees.plugins.credentials.common.StandardCredentials;
import io.jenkins.plugins.dataworks.engine.auth.AccessKeyCredentials;
import io.jenkins.plugins.dataworks.engine.auth.CredentialsSource;
import io.jenkins.plugins.dataworks.engine.auth.SessionCredentials;

/**
 * The only class that touches the optional alibabacloud-credentials plugin. Callers reach it only
 * after {@link CredentialsResolver#alibabaCloudPluginActive()} said the plugin is there, so without
 * it these types are never loaded.
 *
 * <p>Only the getters declared by that plugin's own classes are called (getAccessKey, getSecretKey,
 * getSecretToken): both plugins bundle an Alibaba Cloud SDK, and ours is masked from theirs, so the
 * SDK interface {@code com.aliyuncs.auth.AlibabaCloudCredentials} they implement must not cross over.
 */
final class AlibabaCloudCredentialsSupport {

    private AlibabaCloudCredentialsSupport() {}

    static Class<AlibabaCredentials> accessKeyType() {
        return AlibabaCredentials.class;
    }

    static boolean accepts(StandardCredentials credentials) {
        return credentials instanceof AlibabaCredentials;
    }

    /** The STS type is a subclass of the AccessKey type, so it is checked first. */
    static CredentialsSource toEngine(StandardCredentials credentials) {
        if (credentials instanceof AlibabaSessionTokenCredentials sts) {
            return SessionCredentials.of(sts.getAccessKey(), sts.getSecretKey().getPlainText(), sts.getSecretToken());
        }
        AlibabaCredentials ak = (AlibabaCredentials) credentials;
        return AccessKeyCredentials.of(ak.getAccessKey(), ak.getSecretKey().getPlainText());
    }
}
