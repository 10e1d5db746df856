package io.jenkins.plugins.dataworks.cli;

import io.jenkins.plugins.dataworks.engine.client.ExportSpec;
import io.jenkins.plugins.dataworks.engine.migrate.Launched;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code dataworks-migration export}: create an export migration and print its id, nothing more,
 * so that {@code id=$(dataworks-migration export ...)} composes with start and wait.
 */
@Command(name = "export", sortOptions = false,
        description = {
            "Create an export migration (CreateExportMigration) and print its id; it is not started (use start, then wait).",
            "A retry with the same --name finds the migration an interrupted attempt created instead of creating a second one."})
final class ExportCommand implements Callable<Integer>, Cli.WithOutput {

    /** The name of the demo's export and import with --emulator when --name is not given. */
    static final String DEMO_NAME = "demo_release";

    @Mixin
    ProjectOptions project;

    @Mixin
    NamingOptions naming;

    @Mixin
    ExportOptions export;

    @Mixin
    ConnectionOptions connection;

    @Mixin
    OutputOptions output;

    private final CliContext ctx;
    private final ClientFactory clients;
    private final DemoEmulator.Launcher emulators;

    ExportCommand(CliContext ctx, ClientFactory clients, DemoEmulator.Launcher emulators) {
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
        // Every check first: a usage error must cost no API call.
        Connection.Plan plan = Connection.plan(connection, ctx);
        long projectId = project.projectId(plan.emulator() ? DemoEmulator.DEMO_MIGRATION.projectId() : null);
        ExportSpec spec = export.spec(projectId, naming.name(plan.emulator() ? DEMO_NAME : null), naming.description);
        ResultPrinter printer = new ResultPrinter(ctx.out(), output.json());
        try (Connection conn = plan.open(clients, emulators); WaitRuntime runtime = ctx.runtime().get()) {
            StatusReporter reporter = new StatusReporter(ctx.err(), output.quiet, runtime.clock());
            conn.describeTo(reporter, "workspace " + projectId);
            Launched launched = conn.launcher(runtime, reporter).createExport(spec);
            reporter.note(Launches.describe(launched));
            if (printer.json()) {
                printer.printJson(Launches.toMap(launched));
            } else {
                printer.printText(String.valueOf(launched.ref().migrationId()));
            }
            return ExitCodes.SUCCESS;
        }
    }
}
