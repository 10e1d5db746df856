package io.jenkins.plugins.dataworks.cli;

import io.jenkins.plugins.dataworks.engine.error.AuthenticationException;
import io.jenkins.plugins.dataworks.engine.error.DownloadException;
import io.jenkins.plugins.dataworks.engine.error.InvalidInputException;
import io.jenkins.plugins.dataworks.engine.wait.WaitOutcome;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The one place that turns a verdict into a process exit code, so scripts can branch on it.
 * The codes are part of the command's contract: documented in {@code --help} and the README, and
 * never reused for another meaning.
 */
public final class ExitCodes {

    /** The migration succeeded (and the package, when asked for, is downloaded and verified). */
    public static final int SUCCESS = 0;
    /** The migration ended in an error status (EXPORT_ERROR, IMPORT_ERROR, REVOKED, PARTIAL_SUCCESS under fail, unknown status); for process, a sub-task failed. */
    public static final int MIGRATION_FAILED = 1;
    /** Bad options or input; nothing was called and nothing was written. Picocli's own code for usage errors. */
    public static final int USAGE = 2;
    /** PARTIAL_SUCCESS under --partial-success unstable. */
    public static final int UNSTABLE = 3;
    /** The --timeout deadline passed or the --max-api-calls budget ran out. */
    public static final int TIMEOUT = 4;
    /** Credentials were rejected or lack permission. */
    public static final int AUTHENTICATION = 5;
    /** Any other API failure: quota, migration not found, transient errors exhausted, or an unexpected error. */
    public static final int API_ERROR = 6;
    /** The package could not be downloaded or failed verification. */
    public static final int DOWNLOAD = 7;
    /** Interrupted (Ctrl-C / SIGINT / SIGTERM): the wait was cancelled and partial files removed. */
    public static final int CANCELLED = 130;

    /** The table shown at the end of every {@code --help}; cli/README.md repeats it. */
    static Map<String, String> helpTable() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put(String.valueOf(SUCCESS), "success");
        m.put(String.valueOf(MIGRATION_FAILED), "the migration failed (error status, or PARTIAL_SUCCESS with --partial-success fail); process: a sub-task failed");
        m.put(String.valueOf(USAGE), "usage error: bad option or input; nothing was called or written");
        m.put(String.valueOf(UNSTABLE), "PARTIAL_SUCCESS with --partial-success unstable");
        m.put(String.valueOf(TIMEOUT), "timed out: --timeout passed or --max-api-calls used up");
        m.put(String.valueOf(AUTHENTICATION), "authentication or permission error");
        m.put(String.valueOf(API_ERROR), "other API error: quota, migration not found, transient errors exhausted");
        m.put(String.valueOf(DOWNLOAD), "download or verification error");
        m.put(String.valueOf(CANCELLED), "cancelled (Ctrl-C); partial files removed");
        return m;
    }

    private ExitCodes() {}

    /** The code of a finished wait; for {@link WaitOutcome.Result#ERROR} the error decides. */
    public static int of(WaitOutcome outcome) {
        return switch (outcome.result()) {
            case SUCCESS -> SUCCESS;
            case UNSTABLE -> UNSTABLE;
            case FAILED -> MIGRATION_FAILED;
            case TIMED_OUT -> TIMEOUT;
            case CANCELLED -> CANCELLED;
            case ERROR -> of(outcome.error());
        };
    }

    /** The code of an error that ended the command. */
    public static int of(Throwable error) {
        if (error instanceof InvalidInputException || error instanceof UsageException) {
            return USAGE;
        }
        if (error instanceof AuthenticationException) {
            return AUTHENTICATION;
        }
        if (error instanceof DownloadException) {
            return DOWNLOAD;
        }
        if (error instanceof CancelledException) {
            return CANCELLED;
        }
        // Quota, not found, transient retries exhausted, other API errors, and anything unforeseen.
        return API_ERROR;
    }
}
