package io.jenkins.plugins.dataworks.engine.client;

import java.util.List;

/**
 * One page of a ListMigrations answer.
 *
 * @param pageNumber 1-based
 * @param totalCount all migrations of the type in the workspace
 * @param requestId nullable
 */
public record MigrationPage(List<MigrationListing> migrations, int pageNumber, int pageSize, int totalCount,
        String requestId) {

    public MigrationPage {
        migrations = List.copyOf(migrations);
    }

    /** Whether pages after this one hold more migrations. */
    public boolean hasMore() {
        return (long) pageNumber * pageSize < totalCount && !migrations.isEmpty();
    }
}
