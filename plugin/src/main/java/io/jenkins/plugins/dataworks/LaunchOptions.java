package io.jenkins.plugins.dataworks;

import hudson.Util;
import hudson.model.Item;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import io.jenkins.plugins.dataworks.engine.client.ExportSpec;
import io.jenkins.plugins.dataworks.engine.client.ImportSpec;
import io.jenkins.plugins.dataworks.engine.error.DataWorksException;
import io.jenkins.plugins.dataworks.engine.error.InvalidInputException;
import io.jenkins.plugins.dataworks.engine.input.InstantInput;
import io.jenkins.plugins.dataworks.engine.text.Setting;
import io.jenkins.plugins.dataworks.engine.upload.UploadSettings;
import io.jenkins.plugins.dataworks.runtime.ControllerProxy;
import java.io.Serializable;
import java.time.Instant;
import java.util.Locale;

/**
 * The options of the steps that create migrations exactly as the user wrote them, and their
 * translation into the engine's specs, which decide what is acceptable and word the errors (one
 * line naming the parameter). Serializable and secret-free: persisted with the Pipeline program.
 */
final class LaunchOptions {

    static final String EXPORT_MODE_DEFAULT = "FULL";
    static final String OBJECT_STATUS_DEFAULT = "SUBMITTED";
    static final String PACKAGE_TYPE_DEFAULT = "DATAWORKS_MODEL";

    private LaunchOptions() {}

    /** The options of {@code createDataWorksExport}. */
    static final class Export implements Serializable {

        private static final long serialVersionUID = 1L;

        private final long projectId;
        private final String name;
        private final String exportMode;
        private final String incrementalSince;
        private final String objectStatus;
        private final String description;

        Export(
                long projectId,
                String name,
                String exportMode,
                String incrementalSince,
                String objectStatus,
                String description) {
            this.projectId = projectId;
            this.name = Util.fixEmptyAndTrim(name);
            this.exportMode = Util.fixEmptyAndTrim(exportMode);
            this.incrementalSince = Util.fixEmptyAndTrim(incrementalSince);
            this.objectStatus = Util.fixEmptyAndTrim(objectStatus);
            this.description = Util.fixEmptyAndTrim(description);
        }

        long projectId() {
            return projectId;
        }

        String name() {
            return name;
        }

        /** The engine's spec; its checks (name, mode and incrementalSince together) run here. */
        ExportSpec spec() {
            ExportSpec.ExportMode mode =
                    choice(Setting.EXPORT_MODE, exportMode, EXPORT_MODE_DEFAULT, ExportSpec.ExportMode.class);
            ExportSpec.ObjectStatus status =
                    choice(Setting.OBJECT_STATUS, objectStatus, OBJECT_STATUS_DEFAULT, ExportSpec.ObjectStatus.class);
            return new ExportSpec(projectId, name, mode, instant(incrementalSince), status, description);
        }
    }

    /** The options of {@code createDataWorksImport} other than where the package is. */
    static final class Import implements Serializable {

        private static final long serialVersionUID = 1L;

        private final long projectId;
        private final String name;
        private final String packageType;
        private final String calculateEngineMap;
        private final String resourceGroupMap;
        private final String workspaceMap;
        private final String commitRule;
        private final String description;
        private final long maxUploadBytes;

        @SuppressWarnings("checkstyle:ParameterNumber")
        Import(
                long projectId,
                String name,
                String packageType,
                String calculateEngineMap,
                String resourceGroupMap,
                String workspaceMap,
                String commitRule,
                String description,
                long maxUploadBytes) {
            this.projectId = projectId;
            this.name = Util.fixEmptyAndTrim(name);
            this.packageType = Util.fixEmptyAndTrim(packageType);
            this.calculateEngineMap = Util.fixEmptyAndTrim(calculateEngineMap);
            this.resourceGroupMap = Util.fixEmptyAndTrim(resourceGroupMap);
            this.workspaceMap = Util.fixEmptyAndTrim(workspaceMap);
            this.commitRule = Util.fixEmptyAndTrim(commitRule);
            this.description = Util.fixEmptyAndTrim(description);
            this.maxUploadBytes = maxUploadBytes;
        }

        long projectId() {
            return projectId;
        }

        String name() {
            return name;
        }

        /** The engine's spec; its checks (name, the maps' and the commit rule's JSON) run here. */
        ImportSpec spec() {
            ImportSpec.PackageType type =
                    choice(Setting.PACKAGE_TYPE, packageType, PACKAGE_TYPE_DEFAULT, ImportSpec.PackageType.class);
            return new ImportSpec(
                    projectId, name, type, calculateEngineMap, resourceGroupMap, workspaceMap, commitRule, description);
        }

        /**
         * The engine's upload settings: the same extra hosts as downloads, the step's cap (the
         * engine's default when unset) and, on the controller, Jenkins' proxy.
         */
        UploadSettings uploadSettings(DataWorksGlobalConfiguration config, boolean onController) {
            UploadSettings s = UploadSettings.defaults().withAllowedHosts(config.allowedDownloadHostSet());
            if (maxUploadBytes != 0) {
                s = s.withMaxUploadBytes(maxUploadBytes);
            }
            return onController ? s.withProxy(ControllerProxy.current()) : s;
        }
    }

    /**
     * One of a setting's choices, case-insensitive; the engine's enum constants carry the same
     * names as {@link Setting#choices()}.
     */
    static <E extends Enum<E>> E choice(Setting setting, String value, String defaultValue, Class<E> type) {
        String v = value == null ? defaultValue : value.toUpperCase(Locale.ROOT);
        if (!setting.choices().contains(v)) {
            throw new InvalidInputException(
                    setting.engineName(), Messages.Choice_invalid(String.join(", ", setting.choices()), value));
        }
        return Enum.valueOf(type, v);
    }

    /** incrementalSince as written, parsed as every front end parses it (the engine decides what a time is). */
    static Instant instant(String value) {
        return value == null ? null : InstantInput.parse(value);
    }

    static ListBoxModel choices(Setting setting) {
        ListBoxModel m = new ListBoxModel();
        for (String choice : setting.choices()) {
            m.add(choice);
        }
        return m;
    }

    static FormValidation checkName(Item item, String value) {
        if (!MigrationForms.mayConfigure(item)) {
            return FormValidation.ok();
        }
        return check(() -> ExportSpec.full(1, value));
    }

    static FormValidation checkIncrementalSince(Item item, String value, String exportMode) {
        if (!MigrationForms.mayConfigure(item)) {
            return FormValidation.ok();
        }
        return check(() -> new Export(1, "form-check", exportMode, value, null, null).spec());
    }

    /** A JSON option of an import (a map or the commit rule), checked by the engine's ImportSpec. */
    static FormValidation checkImportJson(Item item, Setting setting, String value) {
        if (!MigrationForms.mayConfigure(item) || Util.fixEmptyAndTrim(value) == null) {
            return FormValidation.ok();
        }
        return check(() -> new ImportSpec(
                1,
                "form-check",
                ImportSpec.PackageType.DATAWORKS_MODEL,
                setting == Setting.CALCULATE_ENGINE_MAP ? value : null,
                setting == Setting.RESOURCE_GROUP_MAP ? value : null,
                setting == Setting.WORKSPACE_MAP ? value : null,
                setting == Setting.COMMIT_RULE ? value : null,
                null));
    }

    /** OK, or the engine's message in the Pipeline's words. */
    static FormValidation check(Runnable engineCheck) {
        try {
            engineCheck.run();
            return FormValidation.ok();
        } catch (DataWorksException e) {
            return FormValidation.error(FrontEndNames.PIPELINE.message(e));
        }
    }
}
