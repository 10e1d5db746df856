package io.jenkins.plugins.dataworks.engine.wait;

import io.jenkins.plugins.dataworks.engine.client.DataWorksClient;
import io.jenkins.plugins.dataworks.engine.client.MigrationProcess;
import io.jenkins.plugins.dataworks.engine.client.MigrationRef;
import io.jenkins.plugins.dataworks.engine.client.MigrationSummary;
import io.jenkins.plugins.dataworks.engine.client.MigrationTask;
import io.jenkins.plugins.dataworks.engine.error.DataWorksException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * A fake client. Each answer is either a status or an exception, chosen by a function of the call
 * (its number and the clock), so both scripts ("INIT, then EXPORTING, ...") and timelines
 * ("EXPORTING until 1h, then EXPORT_SUCCESS") are easy to write. Records when each call was made.
 * GetMigrationProcess answers with fixed sub-tasks (one FAILURE by default) or an exception, and
 * its calls are recorded apart from the polls.
 */
final class ScriptedClient implements DataWorksClient {

    static final String SECRET_URL = "https://bucket.oss-cn-shanghai.aliyuncs.com/export/pkg.zip"
            + "?Expires=1735689600&OSSAccessKeyId=STS.SECRETKEYID&Signature=SeCrEtSiGnAtUrE";

    /** One answer: a status, or an exception to throw. */
    record Answer(String status, DataWorksException error) {
        static Answer status(String s) {
            return new Answer(s, null);
        }

        static Answer error(DataWorksException e) {
            return new Answer(null, e);
        }
    }

    /** Which call (1-based) and when. */
    record Call(int number, Instant at) {}

    private final Clock clock;
    private final Function<Call, Answer> script;
    private final List<Call> calls = new ArrayList<>();
    private volatile Runnable duringCall = () -> {};
    private volatile boolean urlOnEveryAnswer;
    private final List<Call> processCalls = new ArrayList<>();
    private volatile List<MigrationTask> processTasks = List.of(new MigrationTask("PrepareExport", "SUCCESS"),
            new MigrationTask("ExportObjects", "FAILURE"), new MigrationTask("UploadPackage", "INIT"));
    private volatile RuntimeException processError;

    ScriptedClient(Clock clock, Function<Call, Answer> script) {
        this.clock = clock;
        this.script = script;
    }

    /** Answers in order; the last answer repeats forever. */
    static ScriptedClient sequence(Clock clock, Answer... answers) {
        return new ScriptedClient(clock, c -> answers[Math.min(c.number(), answers.length) - 1]);
    }

    static ScriptedClient statuses(Clock clock, String... statuses) {
        Answer[] answers = new Answer[statuses.length];
        for (int i = 0; i < statuses.length; i++) {
            answers[i] = Answer.status(statuses[i]);
        }
        return sequence(clock, answers);
    }

    /** Runs {@code hook} inside every call, before answering: lets a test race a cancel against a call. */
    void duringCall(Runnable hook) {
        duringCall = hook;
    }

    /** Returns the signed download URL with every status, as a careless service might. */
    ScriptedClient withUrlOnEveryAnswer() {
        urlOnEveryAnswer = true;
        return this;
    }

    /** GetMigrationProcess answers with these sub-tasks. */
    ScriptedClient withProcess(MigrationTask... tasks) {
        processTasks = List.of(tasks);
        processError = null;
        return this;
    }

    /** GetMigrationProcess throws this (a DataWorksException, or anything a buggy client might throw). */
    ScriptedClient withProcessError(RuntimeException error) {
        processError = error;
        return this;
    }

    @Override
    public MigrationProcess getMigrationProcess(MigrationRef ref) {
        synchronized (this) {
            processCalls.add(new Call(processCalls.size() + 1, clock.instant()));
        }
        RuntimeException e = processError;
        if (e != null) {
            throw e;
        }
        return new MigrationProcess(ref, processTasks, "RID-P" + processCallCount());
    }

    synchronized int processCallCount() {
        return processCalls.size();
    }

    synchronized List<Call> processCalls() {
        return List.copyOf(processCalls);
    }

    @Override
    public MigrationSummary getMigrationSummary(MigrationRef ref) {
        Call call;
        synchronized (this) {
            call = new Call(calls.size() + 1, clock.instant());
            calls.add(call);
        }
        duringCall.run();
        Answer a = script.apply(call);
        if (a.error() != null) {
            throw a.error();
        }
        String url = urlOnEveryAnswer || "EXPORT_SUCCESS".equals(a.status()) ? SECRET_URL : null;
        return new MigrationSummary(ref.projectId(), ref.migrationId(), "release-42", a.status(),
                Instant.parse("2025-01-06T07:00:00Z"), call.at(), "alice", "alice", url, "RID-" + call.number());
    }

    synchronized int callCount() {
        return calls.size();
    }

    synchronized List<Call> calls() {
        return List.copyOf(calls);
    }

    @Override
    public void close() {}
}
