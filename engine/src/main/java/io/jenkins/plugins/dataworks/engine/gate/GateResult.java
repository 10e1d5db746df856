package io.jenkins.plugins.dataworks.engine.gate;

import io.jenkins.plugins.dataworks.engine.client.MigrationSummary;
import io.jenkins.plugins.dataworks.engine.download.DownloadResult;
import io.jenkins.plugins.dataworks.engine.text.Vocabulary;
import io.jenkins.plugins.dataworks.engine.wait.WaitOutcome;
import java.io.Serializable;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
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
        String message) implements Serializable {

    private static final long serialVersionUID = 1L;

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
                outcome.message(vocabulary));
    }

    /** Same result with a downloaded package. */
    public GateResult withPackage(String file, String sha256, long size) {
        return new GateResult(result, status, name, projectId, migrationId, created, modified, requestId, apiCalls,
                file, sha256, size, message);
    }

    /**
     * The result as plain values (String, Long, Integer, Boolean), the shape a sandboxed Pipeline
     * script can read ({@code r.status}) and a JSON writer can print. Absent values are absent keys.
     */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("result", result.name());
        m.put("successful", result == WaitOutcome.Result.SUCCESS || result == WaitOutcome.Result.UNSTABLE);
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
        putIfPresent(m, "message", message);
        return Collections.unmodifiableMap(m);
    }

    private static void putIfPresent(Map<String, Object> m, String key, Object value) {
        if (value != null) {
            m.put(key, value);
        }
    }
}
