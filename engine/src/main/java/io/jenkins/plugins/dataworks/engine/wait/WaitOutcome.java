package io.jenkins.plugins.dataworks.engine.wait;

import io.jenkins.plugins.dataworks.engine.client.MigrationSummary;
import io.jenkins.plugins.dataworks.engine.client.MigrationTask;
import io.jenkins.plugins.dataworks.engine.error.DataWorksException;
import io.jenkins.plugins.dataworks.engine.text.UserText;
import io.jenkins.plugins.dataworks.engine.text.Vocabulary;
import java.util.List;

/**
 * How a wait ended.
 *
 * @param result the verdict
 * @param summary the last summary seen; null when no poll succeeded
 * @param text one line for people: status, migration, workspace, RequestId; never a secret. It names
 *     settings as keys: render it with the front end's {@link Vocabulary}
 * @param error the error that ended the wait for {@link Result#ERROR}; otherwise null
 * @param snapshot the progress at the end (calls made, last status)
 * @param failedTasks the sub-tasks GetMigrationProcess reported as failed, in the service's order, when
 *     the wait ended in EXPORT_ERROR, IMPORT_ERROR or PARTIAL_SUCCESS and the detail could be fetched;
 *     empty otherwise (the text then says why it is missing)
 */
public record WaitOutcome(Result result, MigrationSummary summary, UserText text, DataWorksException error,
        WaitSnapshot snapshot, List<MigrationTask> failedTasks) {

    public WaitOutcome {
        failedTasks = failedTasks == null ? List.of() : List.copyOf(failedTasks);
    }

    /** An outcome without failed sub-tasks. */
    public WaitOutcome(Result result, MigrationSummary summary, UserText text, DataWorksException error,
            WaitSnapshot snapshot) {
        this(result, summary, text, error, snapshot, List.of());
    }

    /** An outcome without failed sub-tasks whose message names no setting. */
    public WaitOutcome(Result result, MigrationSummary summary, String message, DataWorksException error,
            WaitSnapshot snapshot) {
        this(result, summary, UserText.of(message), error, snapshot, List.of());
    }

    /** The message in the engine's words. */
    public String message() {
        return text.toString();
    }

    /** The message in a front end's words. */
    public String message(Vocabulary vocabulary) {
        return text.render(vocabulary);
    }

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
