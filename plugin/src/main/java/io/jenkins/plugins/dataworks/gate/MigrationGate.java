package io.jenkins.plugins.dataworks.gate;

import hudson.FilePath;
import hudson.Launcher;
import hudson.model.Run;
import hudson.model.TaskListener;
import io.jenkins.plugins.dataworks.DataWorksGlobalConfiguration;
import io.jenkins.plugins.dataworks.DataWorksMigrationAction;
import io.jenkins.plugins.dataworks.FrontEndNames;
import io.jenkins.plugins.dataworks.GateOptions;
import io.jenkins.plugins.dataworks.Messages;
import io.jenkins.plugins.dataworks.credentials.CredentialsResolver;
import io.jenkins.plugins.dataworks.engine.auth.CredentialsSource;
import io.jenkins.plugins.dataworks.engine.client.MigrationSummary;
import io.jenkins.plugins.dataworks.engine.download.DownloadSettings;
import io.jenkins.plugins.dataworks.engine.download.UrlRefresher;
import io.jenkins.plugins.dataworks.engine.error.DataWorksException;
import io.jenkins.plugins.dataworks.engine.error.DownloadException;
import io.jenkins.plugins.dataworks.engine.gate.GateResult;
import io.jenkins.plugins.dataworks.engine.redact.Redaction;
import io.jenkins.plugins.dataworks.engine.wait.WaitHandle;
import io.jenkins.plugins.dataworks.engine.wait.WaitOutcome;
import io.jenkins.plugins.dataworks.engine.wait.WaitSnapshot;
import io.jenkins.plugins.dataworks.runtime.ControllerProxy;
import io.jenkins.plugins.dataworks.runtime.DataWorksRuntime;
import io.jenkins.plugins.dataworks.runtime.RateLimitedClient;
import java.io.IOException;
import java.nio.file.Files;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;
import java.util.logging.Level;
import java.util.logging.Logger;
import jenkins.util.BuildListenerAdapter;

/**
 * One release gate: wait for the migration with the engine, then (if the engine's download mode
 * says so) download the export package where the build can use it and archive it. Pipeline and
 * freestyle both drive this class; they differ only in how they wait for {@link #result()} and
 * what they persist ({@link Host}).
 *
 * <p>Threads: credentials lookup and polls run on the runtime's poll pool, download and archiving on
 * its download pool; nothing runs on the CPS VM thread or a timer thread, and no thread is held
 * between polls, nor while a poll waits for its slot of the AccessKey's rate limit (the waiter
 * moves it there on the scheduler). The few single calls outside the wait (a fresh URL for a
 * download) wait for their slot on their own thread, never on the poll pool.
 *
 * <p>The presigned download URL never leaves local variables: it goes from the engine's last summary
 * (or a fresh GetMigrationSummary after a restart) straight into the download callable. When it
 * expires mid-download, the agent asks the controller for a fresh one through a proxy of
 * {@link ControllerUrlRefresher}, because only the controller holds the credentials; the engine's
 * downloader bounds how often (DownloadSettings.maxUrlRefreshes) and resumes where it stopped.
 */
public final class MigrationGate {

    private static final Logger LOGGER = Logger.getLogger(MigrationGate.class.getName());

    /** What the Jenkins side of a gate supplies and must persist. */
    public interface Host {

        Run<?, ?> run();

        TaskListener listener();

        /** The current workspace, or null outside {@code node {}}. */
        FilePath workspace() throws IOException, InterruptedException;

        /** The launcher of the current node, or null outside {@code node {}}. */
        Launcher launcher() throws IOException, InterruptedException;

        /** The wait progressed; persist the snapshot to resume from it after a restart. */
        void persistSnapshot(WaitSnapshot snapshot);

        /** The wait ended well and a download starts; persist this to redo only the download after a restart. */
        void persistWaitResult(GateResult waitResult);

        /** How the messages name the settings: the Pipeline step's parameters or the freestyle form's labels. */
        FrontEndNames vocabulary();
    }

    private final GateOptions options;
    private final DataWorksGlobalConfiguration config;
    private final DataWorksRuntime runtime;
    private final Host host;
    private final GateLog log;
    private final DataWorksMigrationAction action;
    private final CompletableFuture<GateResult> result = new CompletableFuture<>();

    /**
     * Guards the hand-over between {@link #cancel()} and the threads that start work: once cancel()
     * has taken it, no wait, API call or download starts, and whatever started before is seen by it.
     * Never held during an API call, a credentials lookup or a listener call of the engine.
     */
    private final Object lock = new Object();

    private volatile RateLimitedClient client;
    private volatile WaitHandle handle;
    private volatile Future<?> download;
    private volatile ControllerUrlRefresher refresher;
    private volatile boolean cancelled;

    public MigrationGate(
            GateOptions options,
            DataWorksGlobalConfiguration config,
            DataWorksRuntime runtime,
            Host host,
            DataWorksMigrationAction action) {
        this.options = options;
        this.config = config;
        this.runtime = runtime;
        this.host = host;
        this.action = action;
        this.log = new GateLog(
                host.listener(), action, options.quiet(), runtime.clock(), host::persistSnapshot, host.vocabulary());
    }

    /** Completes once with the gate's result (never exceptionally, except when cancelled). */
    public CompletableFuture<GateResult> result() {
        return result;
    }

    /** Starts a new wait. */
    public void start() {
        runtime.pollExecutor().execute(() -> beginWait(null));
    }

    /** Resumes a wait from its persisted snapshot: same deadline, same call count. */
    public void resume(WaitSnapshot snapshot) {
        runtime.pollExecutor().execute(() -> beginWait(snapshot));
    }

    /**
     * Redoes the download of a wait that had ended well before a restart. The URL was never
     * persisted, so a fresh GetMigrationSummary provides one.
     */
    public void resumeDownload(GateResult waitResult) {
        synchronized (lock) {
            if (!cancelled) {
                // On the download pool: the call may wait there for its rate-limit slot, which a poll
                // thread must never do; cancel() interrupts that wait, so no call starts after it.
                download = runtime.downloadExecutor().submit(() -> fetchUrlAndDownload(waitResult));
            }
        }
    }

    private void fetchUrlAndDownload(GateResult waitResult) {
        try {
            RateLimitedClient c = openClient();
            if (c == null) {
                return; // cancelled
            }
            MigrationSummary fresh = c.singleCalls().getMigrationSummary(options.ref());
            startDownload(waitResult, fresh);
        } catch (RuntimeException e) {
            finish(failed(waitResult, e));
        }
    }

    /** Stops promptly: no API call starts after this, a running download is interrupted. */
    public void cancel() {
        WaitHandle h;
        Future<?> d;
        ControllerUrlRefresher r;
        synchronized (lock) {
            cancelled = true;
            h = handle;
            d = download;
            r = refresher;
        }
        if (h != null) {
            h.cancel(); // the engine's guarantee: no poll starts a call after this returns
        }
        if (r != null) {
            r.close(); // an agent still downloading gets no fresh URL, so no GetMigrationSummary either
        }
        if (d != null) {
            d.cancel(true);
        }
        closeClient();
        result.cancel(false);
    }

    /**
     * The build was aborted: stops as {@link #cancel()} does, then ends the build page's entry and
     * says in the log what stopped: this wait (or its download), never the migration, which goes on
     * in DataWorks. Nothing more when the gate had already ended.
     */
    public void abort() {
        boolean ended = result.isDone();
        WaitHandle h = handle;
        cancel();
        if (ended) {
            return;
        }
        // After cancel() the engine has completed a running wait's outcome (CANCELLED, or how it ended before).
        WaitOutcome outcome = h == null ? null : h.outcome().getNow(null);
        GateResult aborted;
        if (outcome == null) {
            aborted = new GateResult(
                    WaitOutcome.Result.CANCELLED,
                    null,
                    null,
                    options.projectId(),
                    options.migrationId(),
                    null,
                    null,
                    null,
                    0,
                    null,
                    null,
                    -1,
                    Messages.Abort_beforeFirstCall(options.ref()));
        } else if (outcome.result() == WaitOutcome.Result.CANCELLED) {
            aborted = GateResult.of(outcome, null, null, host.vocabulary());
        } else {
            GateResult waited = GateResult.of(outcome, null, null, host.vocabulary());
            aborted = waited.withVerdict(WaitOutcome.Result.CANCELLED, Messages.Abort_download(waited.message()));
        }
        action.finished(aborted);
        host.listener().getLogger().println(Messages.Log_final(Messages.Abort_result(), aborted.message()));
    }

    private void beginWait(WaitSnapshot snapshot) {
        try {
            RateLimitedClient c = openClient();
            if (c == null) {
                return; // cancelled
            }
            WaitHandle h;
            synchronized (lock) {
                if (cancelled) {
                    return;
                }
                // Starting only schedules the first poll (and hands the snapshot over): nothing here blocks.
                // The waiter paces the polls with the AccessKey's rate limiter on the scheduler.
                var waiter = runtime.waiter(c);
                h = snapshot == null
                        ? waiter.start(options.ref(), options.policy(config), log)
                        : waiter.resume(snapshot, log);
                handle = h;
            }
            h.outcome().thenAccept(this::waitEnded);
        } catch (RuntimeException e) {
            finish(failedBeforeWait(snapshot, e));
        }
    }

    /**
     * The client of this gate, opened on first use; null once cancelled. The credentials lookup may
     * be slow (an external credentials store), so it runs outside the lock; a client opened while
     * cancel() ran is closed again at once.
     */
    private RateLimitedClient openClient() {
        RateLimitedClient c = client;
        if (c != null || cancelled) {
            return cancelled ? null : c;
        }
        CredentialsSource credentials = CredentialsResolver.forRun(options.credentialsId(), host.run());
        RateLimitedClient opened =
                runtime.openRateLimitedClient(credentials, options.clientSettings(config), config.rateLimitPerSecond());
        synchronized (lock) {
            if (!cancelled) {
                client = opened;
                return opened;
            }
        }
        close(opened);
        return null;
    }

    private void waitEnded(WaitOutcome outcome) {
        GateResult waitResult = GateResult.of(outcome, null, null, host.vocabulary());
        boolean accepted =
                outcome.result() == WaitOutcome.Result.SUCCESS || outcome.result() == WaitOutcome.Result.UNSTABLE;
        if (!accepted || cancelled) {
            finish(waitResult);
            return;
        }
        try {
            startDownload(waitResult, outcome.summary());
        } catch (RuntimeException e) {
            finish(failed(waitResult, e));
        }
    }

    private void startDownload(GateResult waitResult, MigrationSummary summary) {
        if (!options.downloadMode().shouldDownload(summary)) {
            finish(waitResult);
            return;
        }
        host.persistWaitResult(waitResult);
        String url = summary.downloadUrl();
        synchronized (lock) {
            if (!cancelled) {
                download = runtime.downloadExecutor().submit(() -> downloadAndArchive(waitResult, url));
            }
        }
    }

    private void downloadAndArchive(GateResult waitResult, String url) {
        String name = options.artifactName();
        try {
            // Without its scheme: the console would make a URL a link, and this one leads nowhere without its query.
            String shown = Redaction.url(url).replaceFirst("\\?<redacted>$", "");
            int scheme = shown.indexOf("://");
            log.info(Messages.Log_downloading(
                    name,
                    scheme < 0 ? shown : shown.substring(scheme + 3),
                    scheme < 0 ? "?" : shown.substring(0, scheme)));
            FilePath workspace = host.workspace();
            DownloadReport report;
            if (workspace != null) {
                report = downloadInto(workspace, name, url, options.downloadSettings(config));
                archive(workspace, host.launcher(), name);
            } else {
                // Outside node {}: a private temporary directory on the controller, removed once archived.
                FilePath temp = new FilePath(
                        Files.createTempDirectory("dataworks-migration").toFile());
                try {
                    report = downloadInto(
                            temp, name, url, options.downloadSettings(config).withProxy(ControllerProxy.current()));
                    archive(temp, new Launcher.LocalLauncher(host.listener()), name);
                } finally {
                    deleteQuietly(temp); // a leftover must not turn an archived package into a failed build
                }
            }
            finish(waitResult.withPackage(name, report.sha256(), report.size()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            result.cancel(false);
        } catch (DataWorksException e) {
            finish(failed(waitResult, e));
        } catch (IOException | RuntimeException e) {
            LOGGER.log(Level.FINE, "download of " + options.ref() + " failed", e);
            finish(failed(
                    waitResult,
                    new DownloadException(
                            Messages.Download_failed(options.ref(), Redaction.text(String.valueOf(e.getMessage()))),
                            "DownloadFailed",
                            null,
                            null)));
        }
    }

    private DownloadReport downloadInto(FilePath dir, String name, String url, DownloadSettings settings)
            throws IOException, InterruptedException {
        RateLimitedClient c = client;
        // Null once cancelled: the refresher then answers nothing.
        ControllerUrlRefresher urls = new ControllerUrlRefresher(
                c == null ? null : c.singleCalls(), options.ref(), settings.maxUrlRefreshes());
        refresher = urls;
        if (cancelled) {
            urls.close(); // cancel() may have looked before the assignment
        }
        try {
            UrlRefresher remote = dir.getChannel().export(UrlRefresher.class, urls);
            DownloadReport report =
                    dir.act(new PackageDownloadCallable(url, name, remote, settings, host.vocabulary()));
            if (!report.ok()) {
                throw report.error();
            }
            return report;
        } finally {
            urls.close();
        }
    }

    private static void deleteQuietly(FilePath dir) {
        try {
            dir.deleteRecursive();
        } catch (IOException | InterruptedException | RuntimeException e) {
            LOGGER.log(Level.WARNING, "could not remove the temporary directory " + dir, e);
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void archive(FilePath dir, Launcher launcher, String name) throws IOException, InterruptedException {
        host.run()
                .pickArtifactManager()
                .archive(dir, launcher, BuildListenerAdapter.wrap(host.listener()), Map.of(name, name));
    }

    private void finish(GateResult gate) {
        closeClient();
        // During a shutdown the result is most likely the shutdown's own doing (a rejected or
        // interrupted poll); a Pipeline wait resumes afterwards, so the build page keeps waiting.
        if (!cancelled && !runtime.isShuttingDown()) {
            action.finished(gate);
        }
        result.complete(gate);
    }

    private void closeClient() {
        RateLimitedClient c;
        synchronized (lock) {
            c = client;
            client = null;
        }
        close(c);
    }

    private static void close(RateLimitedClient c) {
        if (c != null) {
            try {
                c.close();
            } catch (RuntimeException e) {
                LOGGER.log(Level.FINE, "closing the DataWorks client failed", e);
            }
        }
    }

    /** The gate ended in an error after the wait itself ended well (download, archive, ALWAYS without package). */
    private GateResult failed(GateResult base, RuntimeException e) {
        String message = e instanceof DataWorksException d
                ? host.vocabulary().message(d)
                : Redaction.text(String.valueOf(e.getMessage()));
        // The migration's facts stay, its failed sub-tasks (an accepted PARTIAL_SUCCESS) included.
        return base.withVerdict(WaitOutcome.Result.ERROR, message);
    }

    /** The gate could not even start waiting: bad credentials id, endpoint not allowed, invalid options. */
    private GateResult failedBeforeWait(WaitSnapshot snapshot, RuntimeException e) {
        String message = e instanceof DataWorksException d
                ? host.vocabulary().message(d)
                : Redaction.text(String.valueOf(e.getMessage()));
        if (!(e instanceof DataWorksException)) {
            LOGGER.log(Level.WARNING, "could not start waiting for " + options.ref(), e);
        }
        String requestId = e instanceof DataWorksException d ? d.requestId() : null;
        return new GateResult(
                WaitOutcome.Result.ERROR,
                snapshot == null ? null : snapshot.lastStatus(),
                null,
                options.projectId(),
                options.migrationId(),
                null,
                null,
                requestId,
                snapshot == null ? 0 : snapshot.apiCalls(),
                null,
                null,
                -1,
                message);
    }
}
