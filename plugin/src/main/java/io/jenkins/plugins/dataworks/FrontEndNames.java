package io.jenkins.plugins.dataworks;

import io.jenkins.plugins.dataworks.engine.text.Setting;
import io.jenkins.plugins.dataworks.engine.text.Vocabulary;
import java.util.EnumMap;
import java.util.Map;

/**
 * The engine's settings as this plugin's users know them: the Pipeline step by its parameters
 * ({@code partialSuccess: 'UNSTABLE'}), the freestyle builder by its form labels ('On
 * PARTIAL_SUCCESS'). A setting of the whole controller (the allowed download hosts, the proxy's
 * exceptions) is named by its field in the global configuration. A setting the plugin does not offer
 * (keepWaitingOnUnknownStatus, maxUrlRefreshes, the download's limits) maps to nothing, so the
 * engine's hints to change it are left out.
 */
public enum FrontEndNames implements Vocabulary {
    PIPELINE {
        @Override
        public String name(Setting setting) {
            String parameter = PARAMETERS.get(setting);
            return parameter != null ? parameter : GLOBAL.get(setting);
        }

        @Override
        public String value(Setting setting, String engineValue) {
            return "'" + pluginValue(setting, engineValue) + "'";
        }

        @Override
        public String assignment(Setting setting, String engineValue) {
            return name(setting) + ": " + value(setting, engineValue);
        }

        @Override
        public String field(String field) {
            return field.equals("credentialsId") ? field : super.field(field);
        }
    },

    FREESTYLE {
        @Override
        public String name(Setting setting) {
            String label = LABELS.get(setting);
            return label != null ? "'" + label + "'" : GLOBAL.get(setting);
        }

        @Override
        public String value(Setting setting, String engineValue) {
            return "'" + valueLabel(setting, pluginValue(setting, engineValue)) + "'";
        }

        @Override
        public String assignment(Setting setting, String engineValue) {
            return name(setting) + " = " + value(setting, engineValue);
        }

        @Override
        public String field(String field) {
            return field.equals("credentialsId") ? "'" + CREDENTIALS_LABEL + "'" : super.field(field);
        }
    };

    /**
     * The parameters of the Pipeline steps; the builder's fields have the same names as the wait
     * step's parameters.
     */
    static final Map<Setting, String> PARAMETERS = new EnumMap<>(Map.ofEntries(
            Map.entry(Setting.PROJECT_ID, "projectId"),
            Map.entry(Setting.MIGRATION_ID, "migrationId"),
            Map.entry(Setting.REGION, "region"),
            Map.entry(Setting.ENDPOINT, "endpoint"),
            Map.entry(Setting.VPC, "vpc"),
            Map.entry(Setting.TIMEOUT, "timeout"),
            Map.entry(Setting.POLL_INTERVAL, "pollInterval"),
            Map.entry(Setting.MAX_POLL_INTERVAL, "maxPollInterval"),
            Map.entry(Setting.PARTIAL_SUCCESS, "partialSuccess"),
            Map.entry(Setting.DOWNLOAD, "download"),
            Map.entry(Setting.FILE_NAME, "artifactName"),
            // Only the Pipeline steps that create and start migrations have these; the freestyle
            // builder (a wait) does not, so FREESTYLE leaves hints to them out.
            Map.entry(Setting.NAME, "name"),
            Map.entry(Setting.DESCRIPTION, "description"),
            Map.entry(Setting.EXPORT_MODE, "exportMode"),
            Map.entry(Setting.INCREMENTAL_SINCE, "incrementalSince"),
            Map.entry(Setting.OBJECT_STATUS, "objectStatus"),
            Map.entry(Setting.PACKAGE_FILE, "packageFile"),
            Map.entry(Setting.PACKAGE_TYPE, "packageType"),
            Map.entry(Setting.CALCULATE_ENGINE_MAP, "calculateEngineMap"),
            Map.entry(Setting.RESOURCE_GROUP_MAP, "resourceGroupMap"),
            Map.entry(Setting.WORKSPACE_MAP, "workspaceMap"),
            Map.entry(Setting.COMMIT_RULE, "commitRule"),
            Map.entry(Setting.MAX_UPLOAD_BYTES, "maxUploadBytes"),
            Map.entry(Setting.TARGET_PROJECT_ID, "targetProjectId")));

    /** The titles of the builder's form fields (its config.jelly; a test keeps the two equal). */
    static final Map<Setting, String> LABELS = new EnumMap<>(Map.ofEntries(
            Map.entry(Setting.PROJECT_ID, "Workspace ID"),
            Map.entry(Setting.MIGRATION_ID, "Migration ID"),
            Map.entry(Setting.REGION, "Region"),
            Map.entry(Setting.ENDPOINT, "Endpoint override"),
            Map.entry(Setting.VPC, "Use the VPC endpoint"),
            Map.entry(Setting.TIMEOUT, "Timeout"),
            Map.entry(Setting.POLL_INTERVAL, "Poll interval"),
            Map.entry(Setting.MAX_POLL_INTERVAL, "Longest poll interval"),
            Map.entry(Setting.PARTIAL_SUCCESS, "On PARTIAL_SUCCESS"),
            Map.entry(Setting.DOWNLOAD, "Download the export package"),
            Map.entry(Setting.FILE_NAME, "Artifact name")));

    /**
     * Settings of the whole controller, which only an administrator changes: both front ends name the
     * field and the page it is on (a test keeps the labels equal to those pages).
     */
    static final Map<Setting, String> GLOBAL = new EnumMap<>(Map.of(
            Setting.ALLOWED_HOSTS,
            DataWorksGlobalConfiguration.label("allowedDownloadHosts"),
            Setting.RATE_LIMIT,
            DataWorksGlobalConfiguration.label("rateLimit"),
            Setting.PROXY,
            DataWorksGlobalConfiguration.fieldOnPage(Messages.Global_proxyServer(), Messages.Global_proxyPage()),
            Setting.NON_PROXY_HOSTS,
            DataWorksGlobalConfiguration.fieldOnPage(Messages.Global_noProxyHost(), Messages.Global_proxyPage())));

    static final String CREDENTIALS_LABEL = "Credentials";

    /** PARTIAL_SUCCESS is FAILURE / UNSTABLE / SUCCESS here, like a build result; the engine says FAIL / SUCCEED. */
    static String pluginValue(Setting setting, String engineValue) {
        if (setting == Setting.PARTIAL_SUCCESS) {
            switch (engineValue) {
                case "FAIL":
                    return GateOptions.PARTIAL_FAILURE;
                case "SUCCEED":
                    return GateOptions.PARTIAL_SUCCESS;
                default:
                    return engineValue;
            }
        }
        return engineValue;
    }

    /** The text the form's drop-down shows for a value. */
    static String valueLabel(Setting setting, String pluginValue) {
        if (setting == Setting.PARTIAL_SUCCESS) {
            switch (pluginValue) {
                case GateOptions.PARTIAL_FAILURE:
                    return Messages.PartialSuccess_failure();
                case GateOptions.PARTIAL_UNSTABLE:
                    return Messages.PartialSuccess_unstable();
                case GateOptions.PARTIAL_SUCCESS:
                    return Messages.PartialSuccess_success();
                default:
                    return pluginValue;
            }
        }
        if (setting == Setting.DOWNLOAD) {
            switch (pluginValue) {
                case "AUTO":
                    return Messages.Download_auto();
                case "ALWAYS":
                    return Messages.Download_always();
                case "NEVER":
                    return Messages.Download_never();
                default:
                    return pluginValue;
            }
        }
        return pluginValue;
    }
}
