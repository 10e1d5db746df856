package io.jenkins.plugins.dataworks.engine.gate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.dataworks.engine.client.MigrationTask;
import io.jenkins.plugins.dataworks.engine.error.ApiException;
import io.jenkins.plugins.dataworks.engine.error.ErrorClassifier;
import io.jenkins.plugins.dataworks.engine.error.InvalidInputException;
import io.jenkins.plugins.dataworks.engine.gate.PromotionResult.Stage;
import io.jenkins.plugins.dataworks.engine.text.Setting;
import io.jenkins.plugins.dataworks.engine.text.UserText;
import io.jenkins.plugins.dataworks.engine.text.Vocabulary;
import io.jenkins.plugins.dataworks.engine.wait.WaitOutcome.Result;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The combination rule of a promotion and the map a Pipeline script and the CLI's JSON see. */
class PromotionResultTest {

    private static final List<MigrationTask> PARSE_FAILED =
            List.of(new MigrationTask("ParsePackage", "FAILURE"));

    static GateResult exportGate(Result result, String status) {
        return gate(result, status, 2001, 20010, List.of());
    }

    static GateResult importGate(Result result, String status) {
        List<MigrationTask> failed = status.endsWith("ERROR") || status.equals("PARTIAL_SUCCESS") ? PARSE_FAILED
                : List.of();
        return gate(result, status, 2002, 20011, failed);
    }

    private static GateResult gate(Result result, String status, long project, long migration,
            List<MigrationTask> failed) {
        String message = "migration " + migration + " in workspace " + project + " ended with " + status
                + (failed.isEmpty() ? "" : "; failed sub-tasks: ParsePackage FAILURE");
        return new GateResult(result, status, "release-42", project, migration, Instant.EPOCH, Instant.EPOCH,
                "RID-1", 3, null, null, -1, message, failed);
    }

    static Stream<Arguments> bothWaitsRan() {
        return Stream.of(
                Arguments.of(Result.SUCCESS, "EXPORT_SUCCESS", Result.SUCCESS, "IMPORT_SUCCESS", Result.SUCCESS, null),
                Arguments.of(Result.UNSTABLE, "PARTIAL_SUCCESS", Result.SUCCESS, "IMPORT_SUCCESS", Result.UNSTABLE, null),
                Arguments.of(Result.SUCCESS, "EXPORT_SUCCESS", Result.UNSTABLE, "PARTIAL_SUCCESS", Result.UNSTABLE, null),
                Arguments.of(Result.UNSTABLE, "PARTIAL_SUCCESS", Result.UNSTABLE, "PARTIAL_SUCCESS", Result.UNSTABLE,
                        null),
                Arguments.of(Result.SUCCESS, "EXPORT_SUCCESS", Result.FAILED, "IMPORT_ERROR", Result.FAILED,
                        Stage.WAIT_IMPORT),
                Arguments.of(Result.UNSTABLE, "PARTIAL_SUCCESS", Result.FAILED, "IMPORT_ERROR", Result.FAILED,
                        Stage.WAIT_IMPORT),
                Arguments.of(Result.SUCCESS, "EXPORT_SUCCESS", Result.TIMED_OUT, "IMPORTING", Result.TIMED_OUT,
                        Stage.WAIT_IMPORT),
                Arguments.of(Result.SUCCESS, "EXPORT_SUCCESS", Result.ERROR, "IMPORTING", Result.ERROR,
                        Stage.WAIT_IMPORT),
                Arguments.of(Result.SUCCESS, "EXPORT_SUCCESS", Result.CANCELLED, "IMPORTING", Result.CANCELLED,
                        Stage.WAIT_IMPORT));
    }

    @ParameterizedTest(name = "export {0}, import {2} -> {4} at {5}")
    @MethodSource("bothWaitsRan")
    void combinesBothWaits(Result export, String exportStatus, Result imported, String importStatus, Result expected,
            Stage stage) {
        PromotionResult p = PromotionResult.completed(exportGate(export, exportStatus), importGate(imported, importStatus));

        assertThat(p.result()).isEqualTo(expected);
        assertThat(p.failedStage()).isEqualTo(stage);
        assertThat(p.successful()).isEqualTo(stage == null);
        assertThat(p.message()).doesNotContain("\n").contains("migration 20011 in workspace 2002");
        if (stage == null) {
            assertThat(p.message()).startsWith(expected == Result.UNSTABLE ? "promotion done, unstable: " : "promotion done: ")
                    .contains("migration 20010 in workspace 2001 exported (" + exportStatus + ")",
                            "migration 20011 in workspace 2002 imported (" + importStatus + ")");
        } else {
            assertThat(p.message()).startsWith("promotion stopped at WAIT_IMPORT: migration 20011 in workspace 2002 ended with "
                    + importStatus).endsWith("; the export, migration 20010 in workspace 2001, ended " + exportStatus);
        }
    }

    static Stream<Arguments> exportWaitStopped() {
        return Stream.of(Result.FAILED, Result.TIMED_OUT, Result.ERROR, Result.CANCELLED).map(Arguments::of);
    }

    @ParameterizedTest(name = "export {0} stops at WAIT_EXPORT")
    @MethodSource("exportWaitStopped")
    void exportWaitThatDidNotSucceedStopsThePromotion(Result export) {
        PromotionResult p = PromotionResult.stoppedAtWait(exportGate(export, "EXPORT_ERROR"), null);

        assertThat(p.result()).isEqualTo(export);
        assertThat(p.failedStage()).isEqualTo(Stage.WAIT_EXPORT);
        assertThat(p.importResult()).isNull();
        assertThat(p.message()).isEqualTo(
                "promotion stopped at WAIT_EXPORT: migration 20010 in workspace 2001 ended with EXPORT_ERROR");
    }

    @Test
    void importFailureNamesTheStageBothMigrationsAndTheFailedSubTasks() {
        PromotionResult p = PromotionResult.completed(exportGate(Result.SUCCESS, "EXPORT_SUCCESS"),
                importGate(Result.FAILED, "IMPORT_ERROR"));

        assertThat(p.message()).isEqualTo("promotion stopped at WAIT_IMPORT: migration 20011 in workspace 2002 ended"
                + " with IMPORT_ERROR; failed sub-tasks: ParsePackage FAILURE; the export, migration 20010 in"
                + " workspace 2001, ended EXPORT_SUCCESS");
    }

    @Test
    void aWaitThatSucceededDoesNotStopAPromotion() {
        GateResult ok = exportGate(Result.SUCCESS, "EXPORT_SUCCESS");
        assertThatThrownBy(() -> PromotionResult.stoppedAtWait(ok, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("does not stop a promotion");
        assertThatThrownBy(() -> PromotionResult.completed(exportGate(Result.FAILED, "EXPORT_ERROR"), ok))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no import can have run");
        assertThatThrownBy(() -> new PromotionResult(Result.FAILED, null, ok, null, "m"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PromotionResult(Result.SUCCESS, Stage.DOWNLOAD, ok, null, "m"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aSentenceEndingInAPeriodIsFollowedByTheExportWithoutAStrayPeriod() {
        ApiException taken = ErrorClassifier.nameTaken("release", 2002, new ApiException("taken", "NameExists", null, null));
        Vocabulary cli = s -> "--" + s.engineName().toLowerCase(java.util.Locale.ROOT);

        PromotionResult atImport = PromotionResult.failedAt(Stage.CREATE_IMPORT, exportGate(Result.SUCCESS, "EXPORT_SUCCESS"),
                null, taken, cli);
        PromotionResult beforeExport = PromotionResult.failedAt(Stage.CHECK_NAME, null, null, taken, cli);

        assertThat(atImport.message()).isEqualTo("promotion stopped at CREATE_IMPORT: a migration named 'release' already"
                + " exists in workspace 2002; choose another --name; the export, migration 20010 in workspace 2001, ended"
                + " EXPORT_SUCCESS");
        assertThat(beforeExport.message()).isEqualTo("promotion stopped at CHECK_NAME: a migration named 'release' already"
                + " exists in workspace 2002; choose another --name.");
        assertThat(beforeExport.toMap()).containsEntry("failedStage", "CHECK_NAME").doesNotContainKey("export");
    }

    static Stream<Arguments> errorStages() {
        return Stream.of(
                Arguments.of(Stage.CREATE_EXPORT, false, "promotion stopped at CREATE_EXPORT: CreateExportMigration failed:"
                        + " name 'release' exists (RequestId RID-9)"),
                Arguments.of(Stage.START_EXPORT, false, "promotion stopped at START_EXPORT: CreateExportMigration failed:"
                        + " name 'release' exists (RequestId RID-9)"),
                Arguments.of(Stage.DOWNLOAD, true, "promotion stopped at DOWNLOAD: CreateExportMigration failed:"
                        + " name 'release' exists (RequestId RID-9); the export, migration 20010 in workspace 2001,"
                        + " ended EXPORT_SUCCESS"),
                Arguments.of(Stage.CREATE_IMPORT, true, "promotion stopped at CREATE_IMPORT: CreateExportMigration"
                        + " failed: name 'release' exists (RequestId RID-9); the export, migration 20010 in workspace"
                        + " 2001, ended EXPORT_SUCCESS"));
    }

    @ParameterizedTest(name = "error at {0}")
    @MethodSource("errorStages")
    void errorAtAStageIsAnError(Stage stage, boolean exported, String message) {
        ApiException error = new ApiException("CreateExportMigration failed:\n name 'release' exists (RequestId RID-9)",
                "NameExists", "RID-9", null);
        GateResult export = exported ? exportGate(Result.SUCCESS, "EXPORT_SUCCESS") : null;

        PromotionResult p = PromotionResult.failedAt(stage, export, null, error, Vocabulary.ENGINE);

        assertThat(p.result()).isEqualTo(Result.ERROR);
        assertThat(p.failedStage()).isEqualTo(stage);
        assertThat(p.message()).isEqualTo(message);
    }

    @Test
    void errorMessageRendersSettingsInTheFrontEndsVocabulary() {
        InvalidInputException error = new InvalidInputException("packageFile", "is empty");
        Vocabulary cli = s -> "--" + s.engineName().toLowerCase();

        PromotionResult p = PromotionResult.failedAt(Stage.UPLOAD, exportGate(Result.SUCCESS, "EXPORT_SUCCESS"), null,
                error, cli);

        assertThat(p.message()).startsWith("promotion stopped at UPLOAD: ").contains("--packagefile")
                .doesNotContain("packageFile");
    }

    @Test
    void reasonIsOneLineWithoutSignedUrlQuery() {
        UserText reason = UserText.of("download of https://b.oss.aliyuncs.com/p.zip?OSSAccessKeyId=STS.K&Signature=SeCrEt"
                + "\nfailed; set ", Setting.MAX_BYTES);

        PromotionResult p = PromotionResult.stoppedAt(Stage.DOWNLOAD, Result.CANCELLED, null, null, reason,
                Vocabulary.ENGINE);

        assertThat(p.result()).isEqualTo(Result.CANCELLED);
        assertThat(p.message()).doesNotContain("SeCrEt", "\n").contains("failed; set maxBytes");
    }

    @Test
    void mapShape() {
        PromotionResult failed = PromotionResult.completed(exportGate(Result.SUCCESS, "EXPORT_SUCCESS"),
                importGate(Result.FAILED, "IMPORT_ERROR"));

        Map<String, Object> m = failed.toMap();

        assertThat(m).containsOnlyKeys("result", "successful", "failedStage", "message", "export", "import");
        assertThat(m).containsEntry("result", "FAILED").containsEntry("successful", false)
                .containsEntry("failedStage", "WAIT_IMPORT").containsEntry("message", failed.message());
        assertThat(m.get("export")).isEqualTo(failed.exportResult().toMap());
        @SuppressWarnings("unchecked")
        Map<String, Object> imported = (Map<String, Object>) m.get("import");
        assertThat(imported).containsEntry("migrationId", 20011L)
                .containsEntry("failedTasks", List.of(Map.of("name", "ParsePackage", "status", "FAILURE")));

        PromotionResult early = PromotionResult.failedAt(Stage.CREATE_EXPORT, null, null,
                new ApiException("CreateExportMigration failed", "X", null, null), Vocabulary.ENGINE);
        assertThat(early.toMap()).containsOnlyKeys("result", "successful", "failedStage", "message");

        PromotionResult done = PromotionResult.completed(exportGate(Result.SUCCESS, "EXPORT_SUCCESS"),
                importGate(Result.SUCCESS, "IMPORT_SUCCESS"));
        assertThat(done.toMap()).containsOnlyKeys("result", "successful", "message", "export", "import")
                .containsEntry("result", "SUCCESS").containsEntry("successful", true);
        assertThat(plainValues(done.toMap())).isTrue();
        assertThat(plainValues(m)).isTrue();
    }

    @Test
    void survivesJavaSerialization() throws Exception {
        PromotionResult p = PromotionResult.completed(exportGate(Result.SUCCESS, "EXPORT_SUCCESS"),
                importGate(Result.FAILED, "IMPORT_ERROR"));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(p);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            assertThat(in.readObject()).isEqualTo(p);
        }
    }

    /** What a sandboxed script may read: strings, numbers, booleans, and lists and maps of them. */
    static boolean plainValues(Object v) {
        if (v instanceof Map<?, ?> m) {
            return m.keySet().stream().allMatch(k -> k instanceof String) && m.values().stream().allMatch(
                    PromotionResultTest::plainValues);
        }
        if (v instanceof List<?> l) {
            return l.stream().allMatch(PromotionResultTest::plainValues);
        }
        return v instanceof String || v instanceof Number || v instanceof Boolean;
    }
}
