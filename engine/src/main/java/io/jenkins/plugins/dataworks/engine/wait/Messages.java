package io.jenkins.plugins.dataworks.engine.wait;

import io.jenkins.plugins.dataworks.engine.client.MigrationRef;
import io.jenkins.plugins.dataworks.engine.client.MigrationTask;
import io.jenkins.plugins.dataworks.engine.error.DataWorksException;
import io.jenkins.plugins.dataworks.engine.input.DurationInput;
import io.jenkins.plugins.dataworks.engine.redact.Redaction;
import io.jenkins.plugins.dataworks.engine.error.ErrorClassifier;
import io.jenkins.plugins.dataworks.engine.text.Setting;
import io.jenkins.plugins.dataworks.engine.text.UserText;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The one-line texts of a wait: status, migration, workspace, RequestId. They are built only from
 * the snapshot and error messages, never from a download URL, and every piece of outside text
 * (error messages, statuses, RequestIds) is scrubbed once more by {@link Redaction#text(String)}
 * in case it carries a signed URL query or a token.
 */
final class Messages {

    private Messages() {}

    static String finished(WaitSnapshot s, String verdict, Duration elapsed) {
        return subject(s) + " " + verdict + " after " + human(elapsed) + " and " + calls(s) + requestId(s);
    }

    static UserText partialSuccessFails(WaitSnapshot s, Duration elapsed) {
        Setting p = Setting.PARTIAL_SUCCESS;
        return UserText.of(subject(s) + " ended with PARTIAL_SUCCESS after " + human(elapsed) + " and " + calls(s)
                + ", which fails under ", UserText.assignment(p, "FAIL"),
                UserText.hint(p, " (choose ", UserText.value(p, "UNSTABLE"), " or ", UserText.value(p, "SUCCEED"),
                        " to accept it)"),
                requestId(s));
    }

    static UserText unknownStatus(WaitSnapshot s, Duration elapsed) {
        Setting k = Setting.KEEP_WAITING_ON_UNKNOWN_STATUS;
        return UserText.of(subject(s) + " reported the undocumented status '" + oneLine(s.lastStatus()) + "' after "
                + human(elapsed) + " and " + calls(s), UserText.hint(k, "; set ", k, " to wait through it"),
                requestId(s));
    }

    static String deadlinePassed(WaitSnapshot s) {
        return subject(s) + " " + lastSeen(s) + " when the " + human(s.policy().timeout())
                + " deadline passed, after " + calls(s) + requestId(s);
    }

    static String slotAfterDeadline(WaitSnapshot s, Duration slotAfterDeadline) {
        return subject(s) + " " + lastSeen(s) + " when the wait timed out: the rate limit shared by the waits of"
                + " its AccessKey allows the next call only " + human(slotAfterDeadline) + " after the "
                + human(s.policy().timeout()) + " deadline; " + calls(s) + " made" + requestId(s);
    }

    static String budgetSpent(WaitSnapshot s, Duration elapsed) {
        return subject(s) + " " + lastSeen(s) + " when the budget of " + s.policy().maxApiCalls()
                + " API calls ran out, after " + human(elapsed) + requestId(s);
    }

    /**
     * The client's errors already say "GetMigrationSummary for migration 7 in workspace 3 failed: ...";
     * that prefix is dropped so the call and the migration are named once.
     */
    static UserText failedCall(WaitSnapshot s, DataWorksException error) {
        return UserText.of(subject(s) + ": " + CALL + " failed (" + lastSeen(s) + "): ",
                withoutCallPrefix(s, describe(error)));
    }

    static UserText pacerFailed(WaitSnapshot s, DataWorksException error) {
        return UserText.of(subject(s) + ": the call pacer failed before the next call (" + lastSeen(s) + "): ",
                describe(error));
    }

    static UserText tooManyErrors(WaitSnapshot s, DataWorksException error) {
        return UserText.of(subject(s) + ": gave up after " + s.consecutiveErrors() + " transient errors in a row ("
                + lastSeen(s) + "); last: ", withoutCallPrefix(s, describe(error)));
    }

    static UserText unresolvedHost(WaitSnapshot s, String host) {
        // In the client's words ("<call> for <migration> failed: ..."), as failedCall expects.
        return UserText.of(CALL + " for " + subject(s) + " failed: SDK.ServerUnreachable: unknown host " + oneLine(host)
                + ", and no call of this wait has reached DataWorks, so retrying will not help; ",
                ErrorClassifier.unresolvedHostFix());
    }

    static String cancelled(WaitSnapshot s, Duration elapsed) {
        // Cancelling stops only the polling, never the migration: said, or an aborted build passes for a stopped migration.
        return "wait for " + s.ref() + " cancelled after " + human(elapsed) + " and " + calls(s) + ", "
                + lastSeen(s) + requestId(s) + "; the migration itself goes on in DataWorks";
    }

    static String idleHint(WaitSnapshot s, Duration idleFor) {
        return s.ref() + " is still " + oneLine(s.lastStatus()) + " after " + human(idleFor)
                + ": a migration that was never started never finishes; call StartMigration"
                + " (or start it in the DataWorks console)";
    }

    // ---- failure detail: a suffix to the message of the terminal status -----------------------

    /** "; failed sub-tasks: ParsePackage FAILURE, ImportObjects FAILURE". */
    static UserText failedTasks(List<MigrationTask> failed) {
        if (failed.isEmpty()) {
            return UserText.of("; " + PROCESS_CALL + " reported no failed sub-task");
        }
        return UserText.of("; failed sub-tasks: " + failed.stream()
                .map(t -> oneLine(t.name()) + " " + oneLine(t.status())).collect(Collectors.joining(", ")));
    }

    static UserText detailBudgetSpent(WaitSnapshot s) {
        return detailNotFetched(UserText.of("the budget of " + s.policy().maxApiCalls() + " API calls (",
                Setting.MAX_API_CALLS, ") is spent"));
    }

    static UserText detailSlotAfterDeadline(Duration slotAfterDeadline) {
        return detailNotFetched(UserText.of("the rate limit shared by the waits of its AccessKey allows the next call"
                + " only " + human(slotAfterDeadline) + " after the deadline"));
    }

    static UserText detailPacerFailed(DataWorksException error) {
        return detailNotFetched(UserText.of("the call pacer failed: ", describe(error)));
    }

    /** The client's errors say "GetMigrationProcess for migration 7 in workspace 3 failed: ..."; named once here. */
    static UserText detailCallFailed(WaitSnapshot s, DataWorksException error) {
        UserText text = describe(error);
        UserText shorter = text.withoutPrefix(PROCESS_CALL + " for " + s.ref() + " failed: ");
        if (shorter == text) {
            shorter = text.withoutPrefix(PROCESS_CALL + " failed: ");
        }
        return detailNotFetched(UserText.of(PROCESS_CALL + " failed: ", shorter));
    }

    private static UserText detailNotFetched(UserText why) {
        return UserText.of("; the failed sub-tasks could not be fetched: ", why);
    }

    static String rejected(String what) {
        return "the " + what + " refused the next poll, probably because it is shutting down";
    }

    /** "1h2m3s", "45s", "0.25s": short and unambiguous in a log line. */
    static String human(Duration d) {
        return DurationInput.human(d);
    }

    /** One line, with the query of any URL cut off and signed parameters masked. */
    static String oneLine(String text) {
        if (text == null) {
            return "";
        }
        return Redaction.text(text.replaceAll("\\s+", " ").trim());
    }

    private static final String CALL = "GetMigrationSummary";
    private static final String PROCESS_CALL = "GetMigrationProcess";

    private static UserText withoutCallPrefix(WaitSnapshot s, UserText text) {
        String own = CALL + " for " + s.ref() + " failed: ";
        UserText shorter = text.withoutPrefix(own);
        return shorter != text ? shorter : text.withoutPrefix(CALL + " failed: ");
    }

    private static UserText describe(DataWorksException error) {
        UserText text = error.text().mapLiterals(t -> Redaction.text(t.replaceAll("\\s+", " "))).strip();
        String shown = text.toString();
        String code = error.errorCode();
        if (code != null && !shown.contains(code)) {
            text = UserText.of(oneLine(code) + ": ", text);
        }
        String rid = error.requestId();
        if (rid != null && !shown.contains(rid)) {
            text = UserText.of(text, " (RequestId " + oneLine(rid) + ")");
        }
        return text;
    }

    private static String subject(WaitSnapshot s) {
        return s.ref().toString();
    }

    private static String lastSeen(WaitSnapshot s) {
        return s.lastStatus() == null ? "no status seen yet" : "last status " + oneLine(s.lastStatus());
    }

    private static String calls(WaitSnapshot s) {
        return s.apiCalls() == 1 ? "1 API call" : s.apiCalls() + " API calls";
    }

    private static String requestId(WaitSnapshot s) {
        return s.lastRequestId() == null ? "" : " (RequestId " + oneLine(s.lastRequestId()) + ")";
    }
}
