package io.jenkins.plugins.dataworks.engine.client;

import java.io.Serializable;
import java.util.Objects;

/**
 * One sub-task of a migration as GetMigrationProcess reports it.
 *
 * @param name TaskName, e.g. ParsePackage
 * @param status TaskStatus as the service spelled it: INIT, RUNNING, FAILURE, SUCCESS, or one this
 *     client does not know yet
 */
public record MigrationTask(String name, String status) implements Serializable {

    private static final long serialVersionUID = 1L;

    public MigrationTask {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(status, "status");
    }

    /** FAILURE, or any status that is none of the four known ones (an unknown status is not assumed fine). */
    public boolean failed() {
        return switch (status) {
            case "INIT", "RUNNING", "SUCCESS" -> false;
            default -> true;
        };
    }

    @Override
    public String toString() {
        return name + " " + status;
    }
}
