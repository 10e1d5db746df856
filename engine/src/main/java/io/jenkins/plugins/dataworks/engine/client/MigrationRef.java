package io.jenkins.plugins.dataworks.engine.client;

import io.jenkins.plugins.dataworks.engine.error.InvalidInputException;
import java.io.Serializable;

/** Identifies one migration task: the workspace (ProjectId) and the task (MigrationId). */
public record MigrationRef(long projectId, long migrationId) implements Serializable {

    public MigrationRef {
        if (projectId <= 0) {
            throw new InvalidInputException("projectId", "must be a positive DataWorks workspace ID, got " + projectId);
        }
        if (migrationId <= 0) {
            throw new InvalidInputException("migrationId", "must be a positive migration task ID, got " + migrationId);
        }
    }

    @Override
    public String toString() {
        return "migration " + migrationId + " in workspace " + projectId;
    }
}
