package io.jenkins.plugins.dataworks.engine.auth;

/**
 * Where the client gets the credentials that sign each call. Implementations never print a
 * secret in {@code toString()} and are not serializable.
 */
public sealed interface CredentialsSource permits AccessKeyCredentials, SessionCredentials, AssumeRoleCredentials {

    /** The AccessKey ID (never secret) that the credentials start from, for messages. */
    String accessKeyId();
}
