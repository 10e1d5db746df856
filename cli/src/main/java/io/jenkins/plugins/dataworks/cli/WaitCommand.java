package io.jenkins.plugins.dataworks.cli;

import io.jenkins.plugins.dataworks.engine.client.MigrationRef;
import io.jenkins.plugins.dataworks.engine.download.DownloadResult;
import io.jenkins.plugins.dataworks.engine.error.DataWorksException;
import io.jenkins.plugins.dataworks.engine.error.InvalidInputException;
import io.jenkins.plugins.dataworks.engine.gate.DownloadMode;
import io.jenkins.plugins.dataworks.engine.gate.GateResult;
import io.jenkins.plugins.dataworks.engine.wait.WaitOutcome;
import io.jenkins.plugins.dataworks.engine.wait.WaitPolicy;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code dataworks-migration wait}: poll until the migration ends, then download its package. */
@Command(name = "wait", sortOptions = false,
        description = {
            "Wait until a DataWorks migration reaches a final status, then (for a successful export) download and verify its package.",
            "Status changes, heartbeats and hints go to stderr; the result goes to stdout."})
final class WaitCommand implements Callable<Integer>, Cli.WithOutput {

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

    @Mixin
    WaitOptions waiting;

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
        WaitPolicy policy = waiting.policy(plan.emulator());
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
            WaitOutcome outcome = MigrationWait.await(ctx, conn.client(), runtime, ref, policy, reporter);
            GateResult gate = GateResult.of(outcome, null, null, OptionNames.CLI);
            int code = ExitCodes.of(outcome);
            if (outcome.result() == WaitOutcome.Result.SUCCESS || outcome.result() == WaitOutcome.Result.UNSTABLE) {
                PackageFetcher fetcher = new PackageFetcher(conn.downloadSettings(), conn.client(), ctx.cancellation());
                try {
                    gate = downloadIfWanted(outcome, gate, target, fetcher, reporter);
                } catch (CancelledException e) {
                    gate = gate.withVerdict(WaitOutcome.Result.CANCELLED, e.getMessage());
                    code = ExitCodes.CANCELLED;
                } catch (DataWorksException e) {
                    String message = OptionNames.describe(e);
                    gate = gate.withVerdict(WaitOutcome.Result.ERROR, "download failed: " + message);
                    // Input checks at this stage concern the URL the service handed out, not the user's options.
                    code = e instanceof InvalidInputException ? ExitCodes.DOWNLOAD : ExitCodes.of(e);
                }
                gate = gate.withApiCalls(gate.apiCalls() + fetcher.refreshCalls());
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
}
