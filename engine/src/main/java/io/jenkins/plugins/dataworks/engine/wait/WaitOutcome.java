package io.jenkins.plugins.dataworks.engine.wait;

import io.jenkins.plugins.dataworks.engine.client.MigrationSummary;
import io.jenkins.plugins.dataworks.engine.error.DataWorksException;

/**
 * How a wait ended.
 *
 * @param result the verdict
 * @param summary the last summary seen; null when no poll succeeded
 * @param message one line for people: status, migration, workspace, RequestId; never a secret
 * @param error the error that ended the wait for {@link Result#ERROR}; otherwise null
 * @param snapshot the progress at the end (calls made, last status)
 */
public record WaitOutcome(Result result, MigrationSummary summary, String message, DataWorksException error,
        WaitSnapshot snapshot) {

    public enum Result {
        /** EXPORT_SUCCESS, IMPORT_SUCCESS, or PARTIAL_SUCCESS under policy SUCCEED. */
        SUCCESS,
        /** PARTIAL_SUCCESS under policy UNSTABLE. */
        UNSTABLE,
        /** A failing terminal status: EXPORT_ERROR, IMPORT_ERROR, REVOKED, PARTIAL_SUCCESS under FAIL, or an unknown status. */
        FAILED,
        /** The deadline passed (or the API-call budget ran out) before a terminal status. */
        TIMED_OUT,
        /** An error ended the wait: non-retryable, or too many transient errors in a row. */
        ERROR,
        /** The caller cancelled. */
        CANCELLED
    }
}
