package io.jenkins.plugins.dataworks.engine.wait;

import io.jenkins.plugins.dataworks.engine.client.MigrationStatus;

/**
 * The acceptor table: what each migration status means for a wait. The one place that decides
 * which statuses end a wait and how.
 */
public final class Acceptors {

    /** What one polled status means. */
    public enum Verdict {
        /** Terminal: the wait succeeds. */
        SUCCEED,
        /** Terminal: the wait succeeds but the result is unstable. */
        UNSTABLE,
        /** Terminal: the wait fails. */
        FAIL,
        /** Not terminal: poll again. */
        KEEP_WAITING;

        public boolean terminal() {
            return this != KEEP_WAITING;
        }
    }

    private Acceptors() {}

    public static Verdict verdict(MigrationStatus status, PartialSuccessPolicy partialSuccess,
            boolean keepWaitingOnUnknownStatus) {
        return switch (status) {
            case EXPORT_SUCCESS, IMPORT_SUCCESS -> Verdict.SUCCEED;
            case EXPORT_ERROR, IMPORT_ERROR, REVOKED -> Verdict.FAIL;
            case PARTIAL_SUCCESS -> switch (partialSuccess) {
                case FAIL -> Verdict.FAIL;
                case UNSTABLE -> Verdict.UNSTABLE;
                case SUCCEED -> Verdict.SUCCEED;
            };
            case INIT, EDITING, IMPORTING, EXPORTING -> Verdict.KEEP_WAITING;
            // A status the service added after this code was written: failing loudly beats
            // waiting until the deadline for something that may never change.
            case UNKNOWN -> keepWaitingOnUnknownStatus ? Verdict.KEEP_WAITING : Verdict.FAIL;
        };
    }

    public static Verdict verdict(MigrationStatus status, WaitPolicy policy) {
        return verdict(status, policy.partialSuccess(), policy.keepWaitingOnUnknownStatus());
    }

    /**
     * Terminal statuses whose failed sub-tasks are worth one GetMigrationProcess call, whatever the
     * verdict: the status alone does not say which part failed. Not REVOKED (someone stopped it) nor
     * an unknown status (its sub-tasks would be as unknown).
     */
    public static boolean needsFailureDetail(MigrationStatus status) {
        return status == MigrationStatus.EXPORT_ERROR || status == MigrationStatus.IMPORT_ERROR
                || status == MigrationStatus.PARTIAL_SUCCESS;
    }

    /**
     * Statuses of a migration that was created but not started: it stays there forever unless
     * someone calls StartMigration, so a long stay deserves a hint.
     */
    public static boolean isIdle(MigrationStatus status) {
        return status == MigrationStatus.INIT || status == MigrationStatus.EDITING;
    }
}
