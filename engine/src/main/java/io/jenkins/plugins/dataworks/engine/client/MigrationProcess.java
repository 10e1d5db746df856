package io.jenkins.plugins.dataworks.engine.client;

import java.util.List;
import java.util.Objects;

/**
 * A GetMigrationProcess answer: the sub-tasks of one migration in the service's order.
 *
 * @param requestId nullable
 */
public record MigrationProcess(MigrationRef ref, List<MigrationTask> tasks, String requestId) {

    public MigrationProcess {
        Objects.requireNonNull(ref, "ref");
        tasks = List.copyOf(tasks);
    }

    /** The sub-tasks that failed, in order; empty when none did. */
    public List<MigrationTask> failedTasks() {
        return tasks.stream().filter(MigrationTask::failed).toList();
    }
}
