package io.jenkins.plugins.dataworks.cli;

import io.jenkins.plugins.dataworks.engine.error.InvalidInputException;
import java.util.Map;

/**
 * Translates the engine's field names into this command's option names, so that an error reads
 * "--poll-interval must be between 100ms and 1h" rather than "initialInterval must be...".
 */
final class OptionNames {

    private static final Map<String, String> OPTION_OF_FIELD = Map.ofEntries(
            Map.entry("projectId", "--project-id"),
            Map.entry("migrationId", "--migration-id"),
            Map.entry("region", "--region"),
            Map.entry("regionId", "--region"),
            Map.entry("endpoint", "--endpoint"),
            Map.entry("stsEndpoint", "--sts-endpoint"),
            Map.entry("timeout", "--timeout"),
            Map.entry("initialInterval", "--poll-interval"),
            Map.entry("maxInterval", "--max-poll-interval"),
            Map.entry("maxApiCalls", "--max-api-calls"),
            Map.entry("partialSuccess", "--partial-success"),
            Map.entry("roleArn", "--role-arn"),
            Map.entry("roleSessionName", "--role-session-name"),
            Map.entry("credentials", "--role-arn"),
            Map.entry("fileName", "--file-name"),
            Map.entry("profile", "--profile"),
            Map.entry("directory", "--download-dir"),
            Map.entry("downloadDir", "--download-dir"),
            Map.entry("maxBytes", "--max-package-size"),
            Map.entry("proxy", "--proxy"),
            Map.entry("nonProxyHosts", "--non-proxy-hosts"),
            Map.entry("accessKeyId", CredentialsResolver.ENV_ID),
            Map.entry("accessKeySecret", CredentialsResolver.ENV_SECRET),
            Map.entry("securityToken", CredentialsResolver.ENV_TOKEN));

    private OptionNames() {}

    /** The engine's one-line message with its field replaced by the option the user typed. */
    static String message(InvalidInputException e) {
        String field = e.field();
        String message = e.getMessage();
        String option = OPTION_OF_FIELD.get(field);
        if (option == null || field == null || !message.startsWith(field)) {
            return message;
        }
        return option + message.substring(field.length());
    }
}
