package io.jenkins.plugins.dataworks.engine.text;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * A setting a user can give, as the engine names it. Messages refer to settings by this key, never
 * by a spelled-out name, so that each front end shows the name the user typed: the command line its
 * option ({@code --partial-success}), the Pipeline step its parameter, the freestyle form its field
 * label. A setting with {@link #choices()} is an enumeration whose values messages may name as well.
 */
public enum Setting {
    PROJECT_ID("projectId"),
    MIGRATION_ID("migrationId"),
    REGION("region"),
    ENDPOINT("endpoint"),
    VPC("vpc"),
    TIMEOUT("timeout"),
    POLL_INTERVAL("initialInterval"),
    MAX_POLL_INTERVAL("maxInterval"),
    MAX_API_CALLS("maxApiCalls"),
    PARTIAL_SUCCESS("partialSuccess", "FAIL", "UNSTABLE", "SUCCEED"),
    KEEP_WAITING_ON_UNKNOWN_STATUS("keepWaitingOnUnknownStatus"),
    DOWNLOAD("download", "AUTO", "ALWAYS", "NEVER"),
    DOWNLOAD_DIR("downloadDir"),
    FILE_NAME("fileName"),
    MAX_BYTES("maxBytes"),
    MAX_URL_REFRESHES("maxUrlRefreshes"),
    MAX_RESUMES("maxResumes"),
    READ_TIMEOUT("readTimeout"),
    ALLOWED_HOSTS("allowedHosts"),
    RATE_LIMIT("rateLimit"),
    PROXY("proxy"),
    NON_PROXY_HOSTS("nonProxyHosts"),
    ROLE_ARN("roleArn"),
    ROLE_SESSION_NAME("roleSessionName"),
    STS_ENDPOINT("stsEndpoint"),
    NAME("name"),
    DESCRIPTION("description"),
    EXPORT_MODE("exportMode", "FULL", "INCREMENTAL"),
    INCREMENTAL_SINCE("incrementalSince"),
    OBJECT_STATUS("objectStatus", "SAVED", "SUBMITTED", "DEPLOYED"),
    PACKAGE_FILE("packageFile"),
    PACKAGE_TYPE("packageType", "DATAWORKS_MODEL", "DATAWORKS_V2", "DATAWORKS_V3"),
    CALCULATE_ENGINE_MAP("calculateEngineMap"),
    RESOURCE_GROUP_MAP("resourceGroupMap"),
    WORKSPACE_MAP("workspaceMap"),
    COMMIT_RULE("commitRule"),
    MAX_UPLOAD_BYTES("maxUploadBytes"),
    TARGET_PROJECT_ID("targetProjectId");

    private final String engineName;
    private final List<String> values;

    Setting(String engineName, String... values) {
        this.engineName = engineName;
        this.values = List.of(values);
    }

    /** The engine's name: a {@code WaitPolicy}/{@code DownloadSettings} property or an input field. */
    public String engineName() {
        return engineName;
    }

    /** The engine's names of the values, empty unless the setting is an enumeration. */
    public List<String> choices() {
        return values;
    }

    /** The setting an {@code InvalidInputException} field names, if it is one. */
    public static Optional<Setting> ofField(String field) {
        return Arrays.stream(values()).filter(s -> s.engineName.equals(field)).findFirst();
    }
}
