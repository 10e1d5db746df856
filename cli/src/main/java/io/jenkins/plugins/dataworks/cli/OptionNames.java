package io.jenkins.plugins.dataworks.cli;

import io.jenkins.plugins.dataworks.engine.error.DataWorksException;
import io.jenkins.plugins.dataworks.engine.text.Setting;
import io.jenkins.plugins.dataworks.engine.text.Vocabulary;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

/**
 * The command line's {@link Vocabulary}: the engine's settings as the options users type, so that
 * an error reads "--poll-interval must be between 100ms and 1h" rather than "initialInterval must
 * be...", and a hint to change a setting the command does not offer (maxUrlRefreshes, maxBytes...)
 * is left out.
 */
final class OptionNames implements Vocabulary {

    static final OptionNames CLI = new OptionNames();

    private static final Map<Setting, String> OPTION_OF_SETTING = new EnumMap<>(Map.ofEntries(
            Map.entry(Setting.PROJECT_ID, "--project-id"),
            Map.entry(Setting.MIGRATION_ID, "--migration-id"),
            Map.entry(Setting.REGION, "--region"),
            Map.entry(Setting.ENDPOINT, "--endpoint"),
            Map.entry(Setting.VPC, "--vpc"),
            Map.entry(Setting.TIMEOUT, "--timeout"),
            Map.entry(Setting.POLL_INTERVAL, "--poll-interval"),
            Map.entry(Setting.MAX_POLL_INTERVAL, "--max-poll-interval"),
            Map.entry(Setting.MAX_API_CALLS, "--max-api-calls"),
            Map.entry(Setting.PARTIAL_SUCCESS, "--partial-success"),
            Map.entry(Setting.KEEP_WAITING_ON_UNKNOWN_STATUS, "--keep-waiting-on-unknown-status"),
            Map.entry(Setting.DOWNLOAD, "--download"),
            Map.entry(Setting.DOWNLOAD_DIR, "--download-dir"),
            Map.entry(Setting.FILE_NAME, "--file-name"),
            Map.entry(Setting.PROXY, "--proxy"),
            Map.entry(Setting.NON_PROXY_HOSTS, "--non-proxy-hosts"),
            Map.entry(Setting.ROLE_ARN, "--role-arn"),
            Map.entry(Setting.ROLE_SESSION_NAME, "--role-session-name"),
            Map.entry(Setting.STS_ENDPOINT, "--sts-endpoint"),
            Map.entry(Setting.NAME, "--name"),
            Map.entry(Setting.DESCRIPTION, "--description"),
            Map.entry(Setting.EXPORT_MODE, "--export-mode"),
            Map.entry(Setting.INCREMENTAL_SINCE, "--incremental-since"),
            Map.entry(Setting.OBJECT_STATUS, "--object-status"),
            Map.entry(Setting.PACKAGE_FILE, "--package-file"),
            Map.entry(Setting.PACKAGE_TYPE, "--package-type"),
            Map.entry(Setting.CALCULATE_ENGINE_MAP, "--calculate-engine-map"),
            Map.entry(Setting.RESOURCE_GROUP_MAP, "--resource-group-map"),
            Map.entry(Setting.WORKSPACE_MAP, "--workspace-map"),
            Map.entry(Setting.COMMIT_RULE, "--commit-rule"),
            Map.entry(Setting.MAX_UPLOAD_BYTES, "--max-upload-size"),
            Map.entry(Setting.TARGET_PROJECT_ID, "--target-project-id")));

    /** Input fields that are not settings but still come from the user: other option names, environment variables. */
    private static final Map<String, String> OPTION_OF_FIELD = Map.ofEntries(
            Map.entry("regionId", "--region"),
            Map.entry("credentials", "--role-arn"),
            Map.entry("profile", "--profile"),
            Map.entry("directory", "--download-dir"),
            Map.entry("accessKeyId", CredentialsResolver.ENV_ID),
            Map.entry("accessKeySecret", CredentialsResolver.ENV_SECRET),
            Map.entry("securityToken", CredentialsResolver.ENV_TOKEN));

    private OptionNames() {}

    /** The option, or null for a setting this command does not offer. */
    @Override
    public String name(Setting setting) {
        return OPTION_OF_SETTING.get(setting);
    }

    /** Option values are typed in lower case: {@code --partial-success unstable}. */
    @Override
    public String value(Setting setting, String engineValue) {
        return engineValue.toLowerCase(Locale.ROOT);
    }

    @Override
    public String assignment(Setting setting, String engineValue) {
        return name(setting) + " " + value(setting, engineValue);
    }

    @Override
    public String field(String field) {
        String option = OPTION_OF_FIELD.get(field);
        return option != null ? option : Vocabulary.super.field(field);
    }

    /** The engine's one-line message in this command's options. */
    static String describe(DataWorksException e) {
        return CLI.message(e);
    }
}
