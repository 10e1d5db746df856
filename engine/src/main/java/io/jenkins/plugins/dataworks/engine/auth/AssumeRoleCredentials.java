package io.jenkins.plugins.dataworks.engine.auth;

import io.jenkins.plugins.dataworks.engine.error.InvalidInputException;
import java.time.Duration;

/**
 * Assume a RAM role with STS and use its temporary credentials, refreshed before they expire.
 *
 * @param base the credentials that call AssumeRole
 * @param roleArn e.g. acs:ram::123456789012:role/dataworks-release
 * @param sessionName RoleSessionName, shown in the audit trail
 * @param duration how long each session lasts, 15 to 60 minutes
 * @param stsEndpoint nullable: where STS is reached; null means the public STS endpoint
 */
public record AssumeRoleCredentials(
        CredentialsSource base, String roleArn, String sessionName, Duration duration, String stsEndpoint)
        implements CredentialsSource {

    public static final Duration MIN_DURATION = Duration.ofSeconds(900);
    public static final Duration MAX_DURATION = Duration.ofSeconds(3600);

    public AssumeRoleCredentials {
        if (base == null || base instanceof AssumeRoleCredentials) {
            throw new InvalidInputException("credentials", "AssumeRole needs an AccessKey or session credential to start from");
        }
        if (roleArn == null || !roleArn.startsWith("acs:ram::")) {
            throw new InvalidInputException("roleArn", "must look like acs:ram::<account-id>:role/<role-name>");
        }
        if (sessionName == null || !sessionName.matches("[A-Za-z0-9._@-]{2,64}")) {
            throw new InvalidInputException("roleSessionName", "must be 2 to 64 letters, digits or . _ @ -");
        }
        if (duration == null || duration.compareTo(MIN_DURATION) < 0 || duration.compareTo(MAX_DURATION) > 0) {
            throw new InvalidInputException("roleSessionDuration", "must be between 900 and 3600 seconds");
        }
    }

    @Override
    public String accessKeyId() {
        return base.accessKeyId();
    }
}
