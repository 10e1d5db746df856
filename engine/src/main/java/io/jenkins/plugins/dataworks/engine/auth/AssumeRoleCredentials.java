package io.jenkins.plugins.dataworks.engine.auth;

import io.jenkins.plugins.dataworks.engine.client.EndpointUrls;
import io.jenkins.plugins.dataworks.engine.error.InvalidInputException;
import java.net.URI;
import java.time.Duration;

/**
 * Assume a RAM role with STS and use its temporary credentials, refreshed before they expire.
 *
 * @param base the credentials that call AssumeRole
 * @param roleArn e.g. acs:ram::123456789012:role/dataworks-release
 * @param sessionName RoleSessionName, shown in the audit trail
 * @param duration how long each session lasts, 15 to 60 minutes
 * @param stsEndpoint nullable: where STS is reached, {@code https://host[:port]} (http only for a
 *     loopback host, e.g. the emulator); null means the public STS endpoint {@value #DEFAULT_STS_ENDPOINT}.
 *     Stored normalised.
 */
public record AssumeRoleCredentials(
        CredentialsSource base, String roleArn, String sessionName, Duration duration, String stsEndpoint)
        implements CredentialsSource {

    public static final Duration MIN_DURATION = Duration.ofSeconds(900);
    public static final Duration MAX_DURATION = Duration.ofSeconds(3600);
    public static final String DEFAULT_STS_ENDPOINT = "https://sts.aliyuncs.com";

    public AssumeRoleCredentials {
        if (base == null || base instanceof AssumeRoleCredentials) {
            throw new InvalidInputException("credentials", "AssumeRole needs an AccessKey or session credential to start from");
        }
        if (roleArn == null || !roleArn.matches("acs:ram::\\d+:role/\\S+")) {
            throw new InvalidInputException("roleArn", "must look like acs:ram::<account-id>:role/<role-name>");
        }
        if (sessionName == null || !sessionName.matches("[A-Za-z0-9._@-]{2,64}")) {
            throw new InvalidInputException("roleSessionName", "must be 2 to 64 letters, digits or . _ @ -");
        }
        if (duration == null || duration.compareTo(MIN_DURATION) < 0 || duration.compareTo(MAX_DURATION) > 0) {
            throw new InvalidInputException("roleSessionDuration", "must be between 900 and 3600 seconds");
        }
        if (stsEndpoint != null) {
            stsEndpoint = EndpointUrls.parse("stsEndpoint", stsEndpoint).toString();
        }
    }

    /** A role session of {@code duration} through the public STS endpoint. */
    public static AssumeRoleCredentials of(CredentialsSource base, String roleArn, String sessionName, Duration duration) {
        return new AssumeRoleCredentials(base, roleArn, sessionName, duration, null);
    }

    /** The same role through another STS endpoint (e.g. the emulator's). */
    public AssumeRoleCredentials withStsEndpoint(String url) {
        return new AssumeRoleCredentials(base, roleArn, sessionName, duration, url);
    }

    /** Where AssumeRole is called: {@link #stsEndpoint()} or the public STS endpoint. */
    public URI stsUri() {
        return URI.create(stsEndpoint == null ? DEFAULT_STS_ENDPOINT : stsEndpoint);
    }

    @Override
    public String accessKeyId() {
        return base.accessKeyId();
    }

    @Override
    public String toString() {
        return "AssumeRoleCredentials[base=" + base + ", roleArn=" + roleArn + ", sessionName=" + sessionName
                + ", duration=" + duration + ", stsEndpoint=" + stsUri() + "]";
    }
}
