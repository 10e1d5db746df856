package io.jenkins.plugins.dataworks.engine.gate;

import io.jenkins.plugins.dataworks.engine.error.DataWorksException;
import io.jenkins.plugins.dataworks.engine.redact.Redaction;
import io.jenkins.plugins.dataworks.engine.text.UserText;
import io.jenkins.plugins.dataworks.engine.text.Vocabulary;
import io.jenkins.plugins.dataworks.engine.wait.WaitOutcome.Result;
import java.io.Serializable;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The outcome of a whole promotion (export, start, wait, download, upload, import, start, wait):
 * what the CLI's {@code promote} prints as JSON and the promote step returns. Immutable, free of
 * secrets (it holds only {@link GateResult}s and one rendered line) and serializable, so a step can
 * keep it across a controller restart.
 *
 * <p>The combination rule lives here and nowhere else: SUCCESS only when both waits succeeded;
 * UNSTABLE when one is UNSTABLE and none failed; otherwise the result of the stage that stopped the
 * promotion.
 *
 * @param result the overall verdict
 * @param failedStage the stage that stopped the promotion; null when it went through
 * @param exportResult the export's gate result; null when the promotion stopped before the export
 *     wait ended (e.g. at CREATE_EXPORT)
 * @param importResult the import's gate result; null when the promotion stopped before the import
 *     wait ended
 * @param message one line for people, already in the front end's words
 */
public record PromotionResult(
        Result result, Stage failedStage, GateResult exportResult, GateResult importResult, String message)
        implements Serializable {

    private static final long serialVersionUID = 1L;

    /** The steps of a promotion, in order. */
    public enum Stage {
        /** The name looked up in both workspaces, before anything is created or uploaded. */
        CHECK_NAME,
        CREATE_EXPORT,
        START_EXPORT,
        WAIT_EXPORT,
        DOWNLOAD,
        UPLOAD,
        CREATE_IMPORT,
        START_IMPORT,
        WAIT_IMPORT
    }

    public PromotionResult {
        Objects.requireNonNull(result, "result");
        Objects.requireNonNull(message, "message");
        if ((failedStage == null) != (result == Result.SUCCESS || result == Result.UNSTABLE)) {
            throw new IllegalArgumentException("a promotion " + result + " must " + (failedStage == null ? "" : "not ")
                    + "name the stage that stopped it, got " + failedStage);
        }
    }

    /**
     * Both waits ran: the overall verdict follows the combination rule. When the export wait did not
     * succeed the import cannot have run; use {@link #stoppedAtWait} for that.
     */
    public static PromotionResult completed(GateResult exportResult, GateResult importResult) {
        Objects.requireNonNull(exportResult, "exportResult");
        Objects.requireNonNull(importResult, "importResult");
        if (!exportResult.successful()) {
            throw new IllegalArgumentException("the export ended " + exportResult.result()
                    + ", so no import can have run: use stoppedAtWait(exportResult, null)");
        }
        if (!importResult.successful()) {
            return stoppedAtWait(exportResult, importResult);
        }
        boolean unstable = exportResult.result() == Result.UNSTABLE || importResult.result() == Result.UNSTABLE;
        String verdict = unstable ? "promotion done, unstable: " : "promotion done: ";
        String message = verdict + migration(exportResult) + " exported (" + exportResult.status() + "), "
                + migration(importResult) + " imported (" + importResult.status() + ")";
        return new PromotionResult(unstable ? Result.UNSTABLE : Result.SUCCESS, null, exportResult, importResult,
                oneLine(message));
    }

    /**
     * A wait that did not let the promotion through: the export's ({@code importResult} null) or
     * the import's. The result is that wait's; the message is its message (which already names the
     * failed sub-tasks) after the stage.
     */
    public static PromotionResult stoppedAtWait(GateResult exportResult, GateResult importResult) {
        Objects.requireNonNull(exportResult, "exportResult");
        GateResult stopped = importResult != null ? importResult : exportResult;
        if (stopped.successful()) {
            throw new IllegalArgumentException("the " + (importResult != null ? "import" : "export") + " ended "
                    + stopped.result() + ", which does not stop a promotion");
        }
        if (importResult != null && !exportResult.successful()) {
            throw new IllegalArgumentException("the export ended " + exportResult.result()
                    + ", so no import can have run");
        }
        Stage stage = importResult != null ? Stage.WAIT_IMPORT : Stage.WAIT_EXPORT;
        String message = "promotion stopped at " + stage + ": " + stopped.message() + exportContext(stage, exportResult);
        return new PromotionResult(stopped.result(), stage, exportResult, importResult, oneLine(message));
    }

    /**
     * A stage that is not a wait failed with an error (or a wait could not even start): the result
     * is ERROR.
     *
     * @param exportResult nullable: the export wait had not ended
     * @param importResult nullable: the import wait had not ended
     * @param vocabulary the front end's names of the settings the error may name
     */
    public static PromotionResult failedAt(Stage stage, GateResult exportResult, GateResult importResult,
            DataWorksException error, Vocabulary vocabulary) {
        Objects.requireNonNull(error, "error");
        return stoppedAt(stage, Result.ERROR, exportResult, importResult, error.text(), vocabulary);
    }

    /**
     * A stage stopped the promotion with the given verdict and reason, e.g. CANCELLED at DOWNLOAD.
     *
     * @param result anything but SUCCESS and UNSTABLE
     */
    public static PromotionResult stoppedAt(Stage stage, Result result, GateResult exportResult,
            GateResult importResult, UserText reason, Vocabulary vocabulary) {
        Objects.requireNonNull(stage, "stage");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(vocabulary, "vocabulary");
        // The reason may come from an error the service worded: fold lines and mask signed URLs once more.
        String said = reason.mapLiterals(t -> Redaction.text(t.replaceAll("\\s+", " "))).strip().render(vocabulary);
        String context = exportContext(stage, exportResult);
        if (!context.isEmpty() && said.endsWith(".")) {
            // The reason is a sentence; the context goes on after it, not after ".;".
            said = said.substring(0, said.length() - 1);
        }
        return new PromotionResult(result, stage, exportResult, importResult,
                oneLine("promotion stopped at " + stage + ": " + said + context));
    }

    /** Whether the promotion went through: SUCCESS or UNSTABLE. */
    public boolean successful() {
        return result == Result.SUCCESS || result == Result.UNSTABLE;
    }

    /**
     * Plain values for a sandboxed Pipeline script and a JSON writer: {@code result},
     * {@code successful}, {@code failedStage} (absent when none), {@code message}, and {@code export}
     * and {@code import} as {@link GateResult#toMap()} (absent when that wait had not ended).
     */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("result", result.name());
        m.put("successful", successful());
        if (failedStage != null) {
            m.put("failedStage", failedStage.name());
        }
        m.put("message", message);
        if (exportResult != null) {
            m.put("export", exportResult.toMap());
        }
        if (importResult != null) {
            m.put("import", importResult.toMap());
        }
        return Collections.unmodifiableMap(m);
    }

    /** After the export wait, a failure names the export too, so the user knows what was made. */
    private static String exportContext(Stage stage, GateResult exportResult) {
        if (exportResult == null || stage.compareTo(Stage.WAIT_EXPORT) <= 0) {
            return "";
        }
        return "; the export, " + migration(exportResult) + ", ended " + exportResult.status();
    }

    private static String migration(GateResult g) {
        return "migration " + g.migrationId() + " in workspace " + g.projectId();
    }

    private static String oneLine(String s) {
        return s.replaceAll("[\\r\\n]+", " ");
    }
}
