package io.jenkins.plugins.dataworks.engine.download;

import io.jenkins.plugins.dataworks.engine.error.DataWorksException;

/**
 * Supplies a fresh presigned URL when the current one has expired, typically by calling
 * GetMigrationSummary again.
 */
@FunctionalInterface
public interface UrlRefresher {

    String freshUrl() throws DataWorksException;

    UrlRefresher NONE = () -> null;
}
