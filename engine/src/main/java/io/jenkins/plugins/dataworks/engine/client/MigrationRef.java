package io.jenkins.plugins.dataworks.engine.client;

import io.jenkins.plugins.dataworks.engine.error.InvalidInputException;
import java.io.Serializable;

/** Identifies one migration task: the workspace (ProjectId) and the task (MigrationId). */
public record MigrationRef(long projectId, long migrationId) implements Serializable {

    public MigrationRef {
        checkProjectId(projectId);
        if (migrationId <= 0) {
            throw new InvalidInputException("migrationId", "must be a positive migration task ID, got " + migrationId);
        }
    }

    /** The one check of a workspace ID, for every call that names a workspace. */
    public static long checkProjectId(long projectId) {
        if (projectId <= 0) {
            throw new InvalidInputException("projectId", "must be a positive DataWorks workspace ID, got " + projectId);
        }
        return projectId;
    }

    @Override
    public String toString() {
        return "migration " + migrationId + " in workspace " + projectId;
    }
}
