package io.jenkins.plugins.dataworks.cli;

import io.jenkins.plugins.dataworks.engine.client.MigrationRef;
import io.jenkins.plugins.dataworks.engine.download.DownloadResult;
import io.jenkins.plugins.dataworks.engine.error.DataWorksException;
import io.jenkins.plugins.dataworks.engine.error.InvalidInputException;
import io.jenkins.plugins.dataworks.engine.gate.DownloadMode;
import io.jenkins.plugins.dataworks.engine.gate.GateResult;
import io.jenkins.plugins.dataworks.engine.input.DurationInput;
import io.jenkins.plugins.dataworks.engine.wait.MigrationWaiter;
import io.jenkins.plugins.dataworks.engine.wait.PartialSuccessPolicy;
import io.jenkins.plugins.dataworks.engine.wait.WaitHandle;
import io.jenkins.plugins.dataworks.engine.wait.WaitOutcome;
import io.jenkins.plugins.dataworks.engine.wait.WaitPolicy;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code dataworks-migration wait}: poll until the migration ends, then download its package. */
@Command(name = "wait", sortOptions = false,
        description = {
            "Wait until a DataWorks migration reaches a final status, then (for a successful export) download and verify its package.",
            "Status changes, heartbeats and hints go to stderr; the result goes to stdout."})
final class WaitCommand implements Callable<Integer>, Cli.WithOutput {

    /** Demo pace: the emulator's export finishes after 5 polls, so the demo takes about 4 seconds. */
    static final Duration EMULATOR_POLL = Duration.ofSeconds(1);

    @Mixin
    MigrationOptions migration;

    @Mixin
    ConnectionOptions connection;

    @Option(names = "--download-dir", paramLabel = "DIR",
            description = "Directory for the export package (created when missing). Without it nothing is downloaded.")
    String downloadDir;

    @Option(names = "--download", paramLabel = "auto|always|never", defaultValue = "auto",
            description = "auto (default): download when the export succeeded; always: fail when there is no package; never.")
    DownloadMode download = DownloadMode.AUTO;

    @Option(names = "--file-name", paramLabel = "NAME",
            description = "File name of the package. Default: dataworks-export-<project>-<migration>[-<name>].zip.")
    String fileName;

    @Option(names = "--timeout", paramLabel = "DURATION",
            description = "Give up after this long (exit 4), e.g. 90s, 15m, 2h, PT2H. Default: 2h.")
    String timeout;

    @Option(names = "--poll-interval", paramLabel = "DURATION",
            description = "First delay between two polls, 100ms to 1h; it then grows by 1.5x per poll. Default: 15s (1s with --emulator).")
    String pollInterval;

    @Option(names = "--max-poll-interval", paramLabel = "DURATION",
            description = "Longest delay between two polls, 100ms to 1h. Default: 2m30s, or --poll-interval if larger (1s with --emulator).")
    String maxPollInterval;

    @Option(names = "--partial-success", paramLabel = "fail|unstable|succeed", defaultValue = "fail",
            description = "What PARTIAL_SUCCESS means: fail (default, exit 1), unstable (exit 3, package still downloaded), succeed (exit 0).")
    PartialSuccessPolicy partialSuccess = PartialSuccessPolicy.FAIL;

    @Option(names = "--max-api-calls", paramLabel = "N", defaultValue = "0",
            description = "Stop after N GetMigrationSummary calls (exit 4); 0 (default) means no budget. The Basic edition allows 100 calls a day.")
    int maxApiCalls;

    @Option(names = "--keep-waiting-on-unknown-status",
            description = "Keep polling when the service reports an undocumented status, instead of failing (exit 1).")
    boolean keepWaitingOnUnknownStatus;

    @Mixin
    OutputOptions output;

    private final CliContext ctx;
    private final ClientFactory clients;
    private final DemoEmulator.Launcher emulators;

    WaitCommand(CliContext ctx, ClientFactory clients, DemoEmulator.Launcher emulators) {
        this.ctx = ctx;
        this.clients = clients;
        this.emulators = emulators;
    }

    @Override
    public OutputOptions output() {
        return output;
    }

    @Override
    public Integer call() {
        // Every check first: a usage error must cost no API call and leave no file.
        Connection.Plan plan = Connection.plan(connection, ctx);
        MigrationRef ref = migration.ref(plan.emulator() ? DemoEmulator.DEMO_MIGRATION : null);
        WaitPolicy policy = policy(plan.emulator());
        DownloadTarget target = downloadDir == null ? null : DownloadTarget.check(downloadDir, fileName);
        if (target == null && download == DownloadMode.ALWAYS) {
            throw new UsageException("--download always needs --download-dir DIR: say where the package goes");
        }
        if (target == null && fileName != null) {
            throw new UsageException("--file-name needs --download-dir DIR: say where the package goes");
        }
        ResultPrinter printer = new ResultPrinter(ctx.out(), output.json());
        try (Connection conn = plan.open(clients, emulators); WaitRuntime runtime = ctx.runtime().get()) {
            StatusReporter reporter = new StatusReporter(ctx.err(), output.quiet, runtime.clock());
            if (conn.isEmulator()) {
                reporter.note("using the built-in DataWorks emulator at " + conn.endpoint().uri()
                        + " with its demo " + ref + " (fake credentials; nothing leaves this machine)");
            }
            if (conn.proxy().proxy() != null) {
                reporter.note(conn.proxy().describe());
            }
            MigrationWaiter waiter = new MigrationWaiter(conn.client(), runtime.scheduler(), runtime.pollExecutor(),
                    runtime.clock(), runtime.random());
            WaitOutcome outcome = await(waiter, ref, policy, reporter);
            GateResult gate = GateResult.of(outcome, null, null, OptionNames.CLI);
            int code = ExitCodes.of(outcome);
            if (outcome.result() == WaitOutcome.Result.SUCCESS || outcome.result() == WaitOutcome.Result.UNSTABLE) {
                PackageFetcher fetcher = new PackageFetcher(conn.downloadSettings(), conn.client(), ctx.cancellation());
                try {
                    gate = downloadIfWanted(outcome, gate, target, fetcher, reporter);
                } catch (CancelledException e) {
                    gate = Gates.withVerdict(gate, WaitOutcome.Result.CANCELLED, e.getMessage());
                    code = ExitCodes.CANCELLED;
                } catch (DataWorksException e) {
                    String message = OptionNames.describe(e);
                    gate = Gates.withVerdict(gate, WaitOutcome.Result.ERROR, "download failed: " + message);
                    // Input checks at this stage concern the URL the service handed out, not the user's options.
                    code = e instanceof InvalidInputException ? ExitCodes.DOWNLOAD : ExitCodes.of(e);
                }
                gate = Gates.withApiCalls(gate, gate.apiCalls() + fetcher.refreshCalls());
            }
            if (code != ExitCodes.SUCCESS) {
                reporter.outcome(gate.result() + ": " + gate.message());
            }
            printer.print(gate);
            return code;
        }
    }

    private GateResult downloadIfWanted(WaitOutcome outcome, GateResult gate, DownloadTarget target,
            PackageFetcher fetcher, StatusReporter reporter) {
        if (target == null) {
            if (download == DownloadMode.AUTO && download.shouldDownload(outcome.summary())) {
                reporter.note("hint: the export package was not downloaded: add --download-dir DIR to fetch and verify it");
            }
            return gate;
        }
        if (!download.shouldDownload(outcome.summary())) {
            return gate;
        }
        reporter.note("downloading the export package into " + target.directory());
        ProgressBar bar = ctx.stderrIsTerminal() && !output.quiet ? new ProgressBar(ctx.err()) : null;
        DownloadResult result = fetcher.fetch(outcome.summary(), target, bar, reporter);
        return gate.withPackage(target.shown(result), result.sha256(), result.size());
    }

    private WaitOutcome await(MigrationWaiter waiter, MigrationRef ref, WaitPolicy policy, StatusReporter reporter) {
        WaitHandle handle = waiter.start(ref, policy, reporter);
        ctx.cancellation().onCancel(handle::cancel);
        try {
            return handle.outcome().get();
        } catch (InterruptedException e) {
            handle.cancel();
            Thread.currentThread().interrupt();
            return handle.outcome().join();
        } catch (ExecutionException e) {
            throw new IllegalStateException("the wait ended abnormally", e.getCause());
        } finally {
            ctx.cancellation().clear();
        }
    }

    private WaitPolicy policy(boolean emulator) {
        WaitPolicy.Builder b = WaitPolicy.builder()
                .partialSuccess(partialSuccess)
                .maxApiCalls(maxApiCalls)
                .keepWaitingOnUnknownStatus(keepWaitingOnUnknownStatus);
        if (emulator) {
            b.initialInterval(EMULATOR_POLL).maxInterval(EMULATOR_POLL).multiplier(1.0).jitter(0.0);
        }
        if (timeout != null) {
            b.timeout(DurationInput.parse("--timeout", timeout));
        }
        Duration initial = pollInterval == null ? null : DurationInput.parse("--poll-interval", pollInterval);
        if (initial != null) {
            b.initialInterval(initial);
        }
        if (maxPollInterval != null) {
            b.maxInterval(DurationInput.parse("--max-poll-interval", maxPollInterval));
        } else if (initial != null) {
            // A longer first interval alone should not trip over the default cap.
            Duration defaultMax = emulator ? EMULATOR_POLL : WaitPolicy.defaults().maxInterval();
            if (initial.compareTo(defaultMax) > 0) {
                b.maxInterval(initial);
            }
        }
        return b.build();
    }
}
