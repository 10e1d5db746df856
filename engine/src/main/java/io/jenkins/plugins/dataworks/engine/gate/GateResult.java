package io.jenkins.plugins.dataworks.engine.gate;

import io.jenkins.plugins.dataworks.engine.client.MigrationSummary;
import io.jenkins.plugins.dataworks.engine.client.MigrationTask;
import io.jenkins.plugins.dataworks.engine.download.DownloadResult;
import io.jenkins.plugins.dataworks.engine.text.Vocabulary;
import io.jenkins.plugins.dataworks.engine.wait.WaitOutcome;
import java.io.Serializable;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a release gate learns from a finished wait (and download): the values the CLI prints as
 * JSON and the Jenkins step returns to the script. Free of secrets: no download URL.
 *
 * @param result SUCCESS, UNSTABLE, FAILED, TIMED_OUT, ERROR or CANCELLED
 * @param status raw migration status last seen; nullable
 * @param name migration name; nullable
 * @param created nullable
 * @param modified nullable
 * @param requestId RequestId of the last call; nullable
 * @param packageFile path of the downloaded package as the caller wants it shown; nullable
 * @param packageSha256 nullable
 * @param packageSize -1 when nothing was downloaded
 * @param message one line for people
 * @param failedTasks sub-tasks GetMigrationProcess reported as failed (see {@link WaitOutcome#failedTasks()});
 *     empty when none failed or the detail was not fetched
 */
public record GateResult(
        WaitOutcome.Result result,
        String status,
        String name,
        long projectId,
        long migrationId,
        Instant created,
        Instant modified,
        String requestId,
        int apiCalls,
        String packageFile,
        String packageSha256,
        long packageSize,
        String message,
        List<MigrationTask> failedTasks) implements Serializable {

    private static final long serialVersionUID = 2L;

    public GateResult {
        // List.copyOf: immutable and serializable, whatever list the caller passed.
        failedTasks = failedTasks == null ? List.of() : List.copyOf(failedTasks);
    }

    /** A result without failed sub-tasks (the shape before failure detail existed). */
    public GateResult(
            WaitOutcome.Result result,
            String status,
            String name,
            long projectId,
            long migrationId,
            Instant created,
            Instant modified,
            String requestId,
            int apiCalls,
            String packageFile,
            String packageSha256,
            long packageSize,
            String message) {
        this(result, status, name, projectId, migrationId, created, modified, requestId, apiCalls, packageFile,
                packageSha256, packageSize, message, List.of());
    }

    /** @param download nullable: nothing was downloaded */
    public static GateResult of(WaitOutcome outcome, DownloadResult download, String packageFileShown) {
        return of(outcome, download, packageFileShown, Vocabulary.ENGINE);
    }

    /**
     * @param download nullable: nothing was downloaded
     * @param vocabulary the front end's names of the settings the message may name
     */
    public static GateResult of(
            WaitOutcome outcome, DownloadResult download, String packageFileShown, Vocabulary vocabulary) {
        MigrationSummary s = outcome.summary();
        return new GateResult(
                outcome.result(),
                s == null ? outcome.snapshot().lastStatus() : s.rawStatus(),
                s == null ? null : s.name(),
                outcome.snapshot().ref().projectId(),
                outcome.snapshot().ref().migrationId(),
                s == null ? null : s.created(),
                s == null ? null : s.modified(),
                s != null ? s.requestId() : outcome.snapshot().lastRequestId(),
                outcome.snapshot().apiCalls(),
                download == null ? null : packageFileShown,
                download == null ? null : download.sha256(),
                download == null ? -1 : download.size(),
                outcome.message(vocabulary),
                outcome.failedTasks());
    }

    /** Same result with a downloaded package. */
    public GateResult withPackage(String file, String sha256, long size) {
        return new GateResult(result, status, name, projectId, migrationId, created, modified, requestId, apiCalls,
                file, sha256, size, message, failedTasks);
    }

    /**
     * The same migration facts (failed sub-tasks included) with another verdict and message, e.g. when
     * the download after an accepted wait failed; any package is dropped.
     */
    public GateResult withVerdict(WaitOutcome.Result newResult, String newMessage) {
        return new GateResult(newResult, status, name, projectId, migrationId, created, modified, requestId,
                apiCalls, null, null, -1, newMessage, failedTasks);
    }

    /** Same result with another count of API calls, e.g. plus the URL refreshes of a download. */
    public GateResult withApiCalls(int calls) {
        return new GateResult(result, status, name, projectId, migrationId, created, modified, requestId, calls,
                packageFile, packageSha256, packageSize, message, failedTasks);
    }

    /** Whether the gate let the release through: SUCCESS or UNSTABLE. */
    public boolean successful() {
        return result == WaitOutcome.Result.SUCCESS || result == WaitOutcome.Result.UNSTABLE;
    }

    /**
     * The result as plain values (String, Long, Integer, Boolean, and Lists and Maps of them), the
     * shape a sandboxed Pipeline script can read ({@code r.status}, {@code r.failedTasks[0].name})
     * and a JSON writer can print. Absent values are absent keys.
     */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("result", result.name());
        m.put("successful", successful());
        putIfPresent(m, "status", status);
        putIfPresent(m, "name", name);
        m.put("projectId", projectId);
        m.put("migrationId", migrationId);
        putIfPresent(m, "gmtCreate", created == null ? null : created.toEpochMilli());
        putIfPresent(m, "gmtModified", modified == null ? null : modified.toEpochMilli());
        putIfPresent(m, "requestId", requestId);
        m.put("apiCalls", apiCalls);
        putIfPresent(m, "packageFile", packageFile);
        putIfPresent(m, "sha256", packageSha256);
        if (packageSize >= 0) {
            m.put("packageSize", packageSize);
        }
        if (!failedTasks.isEmpty()) {
            m.put("failedTasks", failedTasks.stream().map(GateResult::taskMap).toList());
        }
        putIfPresent(m, "message", message);
        return Collections.unmodifiableMap(m);
    }

    private static Map<String, Object> taskMap(MigrationTask task) {
        Map<String, Object> t = new LinkedHashMap<>();
        t.put("name", task.name());
        t.put("status", task.status());
        return Collections.unmodifiableMap(t);
    }

    private static void putIfPresent(Map<String, Object> m, String key, Object value) {
        if (value != null) {
            m.put(key, value);
        }
    }
}
