package io.jenkins.plugins.dataworks.cli;

import io.jenkins.plugins.dataworks.emulator.scenario.Scenarios;
import io.jenkins.plugins.dataworks.engine.gate.GateResult;
import io.jenkins.plugins.dataworks.engine.gate.PromotionResult;
import io.jenkins.plugins.dataworks.engine.input.IdInput;
import io.jenkins.plugins.dataworks.engine.text.Setting;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code dataworks-migration promote}: the whole release in one command, export from one workspace,
 * download and verify the package, import it into another, each migration started and waited for.
 */
@Command(name = "promote", sortOptions = false,
        description = {
            "Promote DataWorks content from --project-id to --target-project-id: create and start an export, wait for it,"
                    + " download and verify its package, upload it and create and start an import, wait for it.",
            "Both migrations are named --name. A failure names the stage it stopped at; the exit code is the one that"
                    + " stage's own command would give.",
            "Try it: dataworks-migration promote --emulator"})
final class PromoteCommand implements Callable<Integer>, Cli.WithOutput {

    @Mixin
    ProjectOptions project;

    @Option(names = "--target-project-id", paramLabel = "ID",
            description = "DataWorks workspace ID to import into. Required (default with --emulator: the demo's second workspace).")
    String targetProjectId;

    @Mixin
    NamingOptions naming;

    @Mixin
    ExportOptions export;

    @Mixin
    ImportOptions imports;

    @Option(names = "--download-dir", paramLabel = "DIR",
            description = "Directory for the export package (created when missing); it is kept there. Required"
                    + " (default with --emulator: a new temporary directory).")
    String downloadDir;

    @Option(names = "--file-name", paramLabel = "NAME",
            description = "File name of the package. Default: dataworks-export-<project>-<migration>[-<name>].zip.")
    String fileName;

    @Mixin
    WaitOptions waiting;

    @Mixin
    ConnectionOptions connection;

    @Mixin
    OutputOptions output;

    private final CliContext ctx;
    private final ClientFactory clients;
    private final DemoEmulator.Launcher emulators;

    PromoteCommand(CliContext ctx, ClientFactory clients, DemoEmulator.Launcher emulators) {
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
        Connection.Plan connect = Connection.plan(connection, ctx);
        boolean demo = connect.emulator();
        long source = project.projectId(demo ? Scenarios.DEMO_PROJECT_ID : null);
        long target = targetProjectId(demo);
        String name = naming.name(demo ? ExportCommand.DEMO_NAME : null);
        Promotion.Plan plan = new Promotion.Plan(export.spec(source, name, naming.description),
                imports.spec(target, name, naming.description), waiting.policy(demo),
                downloadTarget(demo), imports.maxUploadBytes());
        ResultPrinter printer = new ResultPrinter(ctx.out(), output.json());
        try (Connection conn = connect.open(clients, emulators); WaitRuntime runtime = ctx.runtime().get()) {
            StatusReporter reporter = new StatusReporter(ctx.err(), output.quiet, runtime.clock());
            conn.describeTo(reporter, "workspaces " + source + " and " + target);
            Promotion.Outcome outcome = new Promotion(ctx, conn, runtime, reporter,
                    ctx.stderrIsTerminal() && !output.quiet).run(plan);
            PromotionResult result = outcome.result();
            if (!result.successful()) {
                reporter.outcome(result.result() + ": " + result.message());
            }
            print(printer, result);
            return outcome.exitCode();
        }
    }

    private long targetProjectId(boolean demo) {
        if (targetProjectId == null && demo) {
            return Scenarios.DEMO_TARGET_PROJECT_ID;
        }
        if (targetProjectId == null) {
            throw new UsageException("--target-project-id is missing: give the DataWorks workspace ID to import into,"
                    + " e.g. --target-project-id 67890");
        }
        return IdInput.parse(OptionNames.CLI.name(Setting.TARGET_PROJECT_ID), targetProjectId, "DataWorks workspace ID");
    }

    private DownloadTarget downloadTarget(boolean demo) {
        if (downloadDir != null || !demo) {
            if (downloadDir == null) {
                throw new UsageException("--download-dir is missing: say where the package goes (it is kept there),"
                        + " e.g. --download-dir build/dataworks");
            }
            return DownloadTarget.check(downloadDir, fileName);
        }
        try {
            // The demo leaves nothing in the working directory unasked; the JSON says where the package is.
            return DownloadTarget.check(Files.createTempDirectory("dataworks-promote-").toString(), fileName);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a temporary directory for the demo package", e);
        }
    }

    /** Text: each migration's result, the package, then the verdict; JSON: the engine's map, as is. */
    private static void print(ResultPrinter printer, PromotionResult result) {
        if (printer.json()) {
            printer.printJson(result.toMap());
            return;
        }
        StringBuilder b = new StringBuilder();
        line(b, "export", result.exportResult());
        if (result.exportResult() != null && result.exportResult().packageFile() != null) {
            GateResult e = result.exportResult();
            b.append("package: ").append(e.packageFile()).append(" (").append(e.packageSize()).append(" bytes, sha256 ")
                    .append(e.packageSha256()).append(')').append(System.lineSeparator());
        }
        line(b, "import", result.importResult());
        b.append(result.result()).append(": ").append(result.message());
        printer.printText(b.toString());
    }

    private static void line(StringBuilder b, String label, GateResult g) {
        if (g != null) {
            b.append(label).append(": ").append(g.result()).append(": ").append(g.message()).append(System.lineSeparator());
        }
    }
}
