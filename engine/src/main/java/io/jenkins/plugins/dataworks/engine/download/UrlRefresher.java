package io.jenkins.plugins.dataworks.engine.download;

import io.jenkins.plugins.dataworks.engine.error.DataWorksException;

/**
 * Supplies a fresh presigned URL when the current one has expired, typically by calling
 * GetMigrationSummary again.
 */
@FunctionalInterface
public interface UrlRefresher {

    /** A fresh presigned URL, or null when there is none: the download then fails as expired. */
    String freshUrl() throws DataWorksException;

    /** Never has a fresh URL. */
    UrlRefresher NONE = () -> null;
}
