package io.jenkins.plugins.dataworks;

import hudson.Util;
import io.jenkins.plugins.dataworks.engine.client.ClientSettings;
import io.jenkins.plugins.dataworks.engine.client.Endpoint;
import io.jenkins.plugins.dataworks.engine.client.MigrationRef;
import io.jenkins.plugins.dataworks.engine.download.DownloadSettings;
import io.jenkins.plugins.dataworks.engine.download.PackageNames;
import io.jenkins.plugins.dataworks.engine.error.InvalidInputException;
import io.jenkins.plugins.dataworks.engine.gate.DownloadMode;
import io.jenkins.plugins.dataworks.engine.input.DurationInput;
import io.jenkins.plugins.dataworks.engine.text.Setting;
import io.jenkins.plugins.dataworks.engine.wait.PartialSuccessPolicy;
import io.jenkins.plugins.dataworks.engine.wait.WaitPolicy;
import java.io.Serializable;
import java.time.Duration;
import java.util.Locale;

/**
 * The options of one wait exactly as the user wrote them (Pipeline step or freestyle builder), and
 * their translation into engine types. Translation is all this class does: what a value means and
 * whether it is acceptable is the engine's call, so the error messages are the engine's too
 * (one line, naming the option and the fix). Serializable and free of secrets: it is persisted with
 * the Pipeline program.
 */
public final class GateOptions implements Serializable {

    private static final long serialVersionUID = 1L;

    public static final String DEFAULT_TIMEOUT = "2h";
    public static final String PARTIAL_FAILURE = "FAILURE";
    public static final String PARTIAL_UNSTABLE = "UNSTABLE";
    public static final String PARTIAL_SUCCESS = "SUCCESS";
    public static final String DOWNLOAD_AUTO = "AUTO";

    private final long projectId;
    private final long migrationId;
    private final String credentialsId;
    private final String region;
    private final String endpoint;
    private final boolean vpc;
    private final String timeout;
    private final String pollInterval;
    private final String maxPollInterval;
    private final String partialSuccess;
    private final String download;
    private final String artifactName;
    private final boolean failOnError;
    private final boolean quiet;

    @SuppressWarnings("checkstyle:ParameterNumber")
    GateOptions(
            long projectId,
            long migrationId,
            String credentialsId,
            String region,
            String endpoint,
            boolean vpc,
            String timeout,
            String pollInterval,
            String maxPollInterval,
            String partialSuccess,
            String download,
            String artifactName,
            boolean failOnError,
            boolean quiet) {
        this.projectId = projectId;
        this.migrationId = migrationId;
        this.credentialsId = Util.fixEmptyAndTrim(credentialsId);
        this.region = Util.fixEmptyAndTrim(region);
        this.endpoint = Util.fixEmptyAndTrim(endpoint);
        this.vpc = vpc;
        this.timeout = Util.fixEmptyAndTrim(timeout);
        this.pollInterval = Util.fixEmptyAndTrim(pollInterval);
        this.maxPollInterval = Util.fixEmptyAndTrim(maxPollInterval);
        this.partialSuccess = Util.fixEmptyAndTrim(partialSuccess);
        this.download = Util.fixEmptyAndTrim(download);
        this.artifactName = Util.fixEmptyAndTrim(artifactName);
        this.failOnError = failOnError;
        this.quiet = quiet;
    }

    /**
     * Checks every option against the engine and the global configuration without any I/O, so
     * bad input fails the build at once with a message naming the option.
     */
    public void validate(DataWorksGlobalConfiguration config) {
        ref();
        credentialsId();
        endpoint(config);
        policy(config);
        downloadMode();
        artifactName();
    }

    /**
     * Null for blank text or the default value, so that a form that submits the default (a drop-down
     * always does) configures the same step as leaving the option out, and the snippet generator omits it.
     */
    public static String unlessDefault(String value, String defaultValue) {
        String v = Util.fixEmptyAndTrim(value);
        return v == null || v.equalsIgnoreCase(defaultValue) ? null : v;
    }

    public MigrationRef ref() {
        return new MigrationRef(projectId, migrationId);
    }

    /** Credentials, region, endpoint and VPC: the part every step of the plugin shares. */
    public Connection connection() {
        return new Connection(credentialsId, region, endpoint, vpc);
    }

    public String credentialsId() {
        return connection().credentialsId();
    }

    /** Region from the step or the global default; endpoint override only if an administrator allowed it. */
    public Endpoint endpoint(DataWorksGlobalConfiguration config) {
        return connection().endpoint(config);
    }

    /** The endpoint, through Jenkins' HTTP proxy when one is configured. */
    public ClientSettings clientSettings(DataWorksGlobalConfiguration config) {
        return connection().clientSettings(config);
    }

    /**
     * The engine's defaults, overridden by the global configuration, overridden by the step. The
     * heartbeat and hint behaviour stay the engine's.
     */
    public WaitPolicy policy(DataWorksGlobalConfiguration config) {
        WaitPolicy.Builder b = WaitPolicy.builder()
                .timeout(DurationInput.parse("timeout", timeout != null ? timeout : DEFAULT_TIMEOUT))
                .partialSuccess(partialSuccessPolicy());
        Duration initial = duration(
                Setting.POLL_INTERVAL.engineName(),
                pollInterval,
                "defaultPollInterval",
                config.getDefaultPollInterval());
        if (initial != null) {
            b.initialInterval(initial);
        }
        Duration max = duration(
                Setting.MAX_POLL_INTERVAL.engineName(),
                maxPollInterval,
                "defaultMaxPollInterval",
                config.getDefaultMaxPollInterval());
        if (max != null) {
            b.maxInterval(max);
        } else if (initial != null && initial.compareTo(WaitPolicy.defaults().maxInterval()) > 0) {
            b.maxInterval(initial); // a slow poll interval alone must not trip the engine's "max < initial" rule
        }
        return b.build();
    }

    /**
     * The step's duration, else the global one. A bad global value (stored before its setter checked
     * it) is named as the global setting, not as the step option the Jenkinsfile does not contain.
     */
    private static Duration duration(String field, String fromStep, String globalField, String fromGlobal) {
        if (fromStep != null) {
            return DurationInput.parse(field, fromStep);
        }
        return fromGlobal == null
                ? null
                : DurationInput.parse(DataWorksGlobalConfiguration.label(globalField), fromGlobal);
    }

    public PartialSuccessPolicy partialSuccessPolicy() {
        String v = partialSuccess == null ? PARTIAL_FAILURE : partialSuccess.toUpperCase(Locale.ROOT);
        return switch (v) {
            case PARTIAL_FAILURE -> PartialSuccessPolicy.FAIL;
            case PARTIAL_UNSTABLE -> PartialSuccessPolicy.UNSTABLE;
            // SUCCEED is the engine's name, which its messages suggest; accept it as well
            case PARTIAL_SUCCESS, "SUCCEED" -> PartialSuccessPolicy.SUCCEED;
            case "FAIL" -> PartialSuccessPolicy.FAIL;
            default ->
                throw new InvalidInputException("partialSuccess", Messages.PartialSuccess_invalid(partialSuccess));
        };
    }

    public DownloadMode downloadMode() {
        if (download == null) {
            return DownloadMode.AUTO;
        }
        try {
            return DownloadMode.valueOf(download.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("download", Messages.Download_invalid(download));
        }
    }

    /** The file name in the workspace and in the archived artifacts; never derived from the URL. */
    public String artifactName() {
        if (artifactName != null) {
            return PackageNames.requireSafe(artifactName);
        }
        return PackageNames.forMigration(projectId, migrationId, null);
    }

    /** OSS hosts (the engine's rule) plus whatever the administrator added. */
    public DownloadSettings downloadSettings(DataWorksGlobalConfiguration config) {
        return DownloadSettings.defaults().withAllowedHosts(config.allowedDownloadHostSet());
    }

    public long projectId() {
        return projectId;
    }

    public long migrationId() {
        return migrationId;
    }

    public boolean failOnError() {
        return failOnError;
    }

    public boolean quiet() {
        return quiet;
    }

    @Override
    public String toString() {
        return "GateOptions[" + projectId + "/" + migrationId + ", credentialsId=" + credentialsId + "]";
    }
}
