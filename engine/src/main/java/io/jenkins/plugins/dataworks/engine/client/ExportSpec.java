package io.jenkins.plugins.dataworks.engine.client;

import io.jenkins.plugins.dataworks.engine.error.InvalidInputException;
import io.jenkins.plugins.dataworks.engine.text.Setting;
import io.jenkins.plugins.dataworks.engine.text.UserText;
import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

/**
 * The parameters of CreateExportMigration, checked before any call: a name that is unique in the
 * workspace, and an IncrementalSince exactly when the mode is INCREMENTAL.
 *
 * @param projectId the workspace to export from
 * @param name unique in the workspace; the key by which a retry finds a migration it already created
 * @param mode FULL or INCREMENTAL
 * @param incrementalSince changes since this instant; required for INCREMENTAL, refused for FULL
 * @param objectStatus which version of each object goes into the package
 * @param description nullable
 */
public record ExportSpec(long projectId, String name, ExportMode mode, Instant incrementalSince,
        ObjectStatus objectStatus, String description) implements Serializable {

    private static final long serialVersionUID = 1L;

    /** DataWorks caps migration names; longer ones are refused before the call. */
    public static final int MAX_NAME_LENGTH = 128;

    public enum ExportMode {
        FULL,
        INCREMENTAL
    }

    /**
     * SUBMITTED is the default: it exists in basic and standard workspaces alike, while DEPLOYED
     * only exists in standard ones.
     */
    public enum ObjectStatus {
        SAVED,
        SUBMITTED,
        DEPLOYED
    }

    public ExportSpec {
        MigrationRef.checkProjectId(projectId);
        name = MigrationNames.check(name);
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(objectStatus, "objectStatus");
        if (mode == ExportMode.INCREMENTAL && incrementalSince == null) {
            throw new InvalidInputException(Setting.INCREMENTAL_SINCE.engineName(),
                    UserText.of("is missing: an ", UserText.assignment(Setting.EXPORT_MODE, "INCREMENTAL"),
                            " export needs the time to export changes since"));
        }
        if (mode == ExportMode.FULL && incrementalSince != null) {
            throw new InvalidInputException(Setting.INCREMENTAL_SINCE.engineName(),
                    UserText.of("only applies to ", UserText.assignment(Setting.EXPORT_MODE, "INCREMENTAL"),
                            ": remove it or choose that mode"));
        }
        description = description == null || description.isBlank() ? null : description;
    }

    /** A full export of the submitted version of every object. */
    public static ExportSpec full(long projectId, String name) {
        return new ExportSpec(projectId, name, ExportMode.FULL, null, ObjectStatus.SUBMITTED, null);
    }
}
