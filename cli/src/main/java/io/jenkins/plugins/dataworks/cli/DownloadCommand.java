package io.jenkins.plugins.dataworks.cli;

import io.jenkins.plugins.dataworks.engine.client.MigrationRef;
import io.jenkins.plugins.dataworks.engine.client.MigrationSummary;
import io.jenkins.plugins.dataworks.engine.download.DownloadResult;
import io.jenkins.plugins.dataworks.engine.gate.DownloadMode;
import io.jenkins.plugins.dataworks.engine.gate.GateResult;
import io.jenkins.plugins.dataworks.engine.wait.WaitOutcome;
import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code dataworks-migration download}: fetch a fresh DownloadUrl with one call, download and verify. */
@Command(name = "download", sortOptions = false,
        description = "Fetch a fresh DownloadUrl with one GetMigrationSummary call, then download and verify the export package.")
final class DownloadCommand implements Callable<Integer>, Cli.WithOutput {

    @Mixin
    MigrationOptions migration;

    @Mixin
    ConnectionOptions connection;

    @Option(names = "--download-dir", paramLabel = "DIR", required = true,
            description = "Directory for the export package (created when missing). Required.")
    String downloadDir;

    @Option(names = "--file-name", paramLabel = "NAME",
            description = "File name of the package. Default: dataworks-export-<project>-<migration>[-<name>].zip.")
    String fileName;

    @Mixin
    OutputOptions output;

    private final CliContext ctx;
    private final ClientFactory clients;
    private final DemoEmulator.Launcher emulators;

    DownloadCommand(CliContext ctx, ClientFactory clients, DemoEmulator.Launcher emulators) {
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
        Connection.Plan plan = Connection.plan(connection, ctx);
        MigrationRef ref = migration.ref(plan.emulator() ? DemoEmulator.DEMO_MIGRATION : null);
        DownloadTarget target = DownloadTarget.check(downloadDir, fileName);
        ResultPrinter printer = new ResultPrinter(ctx.out(), output.json());
        try (Connection conn = plan.open(clients, emulators)) {
            StatusReporter reporter = new StatusReporter(ctx.err(), output.quiet, Clock.systemUTC());
            if (conn.proxy().proxy() != null) {
                reporter.note(conn.proxy().describe());
            }
            MigrationSummary summary = conn.client().getMigrationSummary(ref);
            DownloadMode.ALWAYS.shouldDownload(summary); // throws, naming the status, when there is no package
            PackageFetcher fetcher = new PackageFetcher(conn.downloadSettings(), conn.client(), ctx.cancellation());
            ProgressBar bar = ctx.stderrIsTerminal() && !output.quiet ? new ProgressBar(ctx.err()) : null;
            DownloadResult result = fetcher.fetch(summary, target, bar, reporter);
            GateResult gate = Gates.ofSummary(summary, WaitOutcome.Result.SUCCESS, 1 + fetcher.refreshCalls(),
                    "downloaded the package of " + ref + " (status " + summary.rawStatus() + ", RequestId "
                            + summary.requestId() + ")")
                    .withPackage(target.shown(result), result.sha256(), result.size());
            printer.print(gate);
            return ExitCodes.SUCCESS;
        }
    }
}
