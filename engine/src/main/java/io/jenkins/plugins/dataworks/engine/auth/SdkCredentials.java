package io.jenkins.plugins.dataworks.engine.auth;

import com.aliyuncs.auth.AlibabaCloudCredentials;
import com.aliyuncs.auth.BasicCredentials;
import com.aliyuncs.auth.BasicSessionCredentials;
import java.util.List;

/** Maps the engine's long-lived credentials to aliyun-java-sdk-core's credential types. */
public final class SdkCredentials {

    private SdkCredentials() {}

    /**
     * The SDK credentials for an AccessKey pair or an STS session. Role credentials have no static
     * form: use {@link AssumeRoleSessionProvider}.
     *
     * @throws IllegalArgumentException for {@link AssumeRoleCredentials}
     */
    public static AlibabaCloudCredentials of(CredentialsSource source) {
        if (source instanceof AccessKeyCredentials ak) {
            return new BasicCredentials(ak.accessKeyId(), ak.accessKeySecret().reveal());
        }
        if (source instanceof SessionCredentials s) {
            return new BasicSessionCredentials(s.accessKeyId(), s.accessKeySecret().reveal(), s.securityToken().reveal());
        }
        throw new IllegalArgumentException("role credentials need an AssumeRoleSessionProvider, not static credentials");
    }

    /** The secret values a source starts from, for scrubbing text that might echo them. */
    public static List<String> secretsOf(CredentialsSource source) {
        if (source instanceof AccessKeyCredentials ak) {
            return List.of(ak.accessKeySecret().reveal());
        }
        if (source instanceof SessionCredentials s) {
            return List.of(s.accessKeySecret().reveal(), s.securityToken().reveal());
        }
        return secretsOf(((AssumeRoleCredentials) source).base());
    }
}
