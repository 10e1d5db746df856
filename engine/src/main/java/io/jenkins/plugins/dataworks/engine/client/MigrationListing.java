package io.jenkins.plugins.dataworks.engine.client;

/**
 * One entry of a ListMigrations answer.
 *
 * @param name as created
 * @param status nullable
 */
public record MigrationListing(MigrationRef ref, String name, MigrationType type, String status) {}
