package io.jenkins.plugins.dataworks.cli;

import io.jenkins.plugins.dataworks.engine.client.MigrationRef;
import io.jenkins.plugins.dataworks.engine.migrate.Started;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code dataworks-migration start}: reads the status, then StartMigration only for a migration
 * that waits for its start. One that was started before is reported and left alone with exit 0 and
 * no StartMigration call, so a script may retry the command safely whatever DataWorks would do with a
 * second start.
 */
@Command(name = "start", sortOptions = false,
        description = {
            "Start a created migration (GetMigrationSummary, then StartMigration). One that was started before is left"
                    + " alone and reported, with exit 0 and no StartMigration call, so the command is safe to retry."})
final class StartCommand implements Callable<Integer>, Cli.WithOutput {

    @Mixin
    MigrationOptions migration;

    @Mixin
    ConnectionOptions connection;

    @Mixin
    OutputOptions output;

    private final CliContext ctx;
    private final ClientFactory clients;
    private final DemoEmulator.Launcher emulators;

    StartCommand(CliContext ctx, ClientFactory clients, DemoEmulator.Launcher emulators) {
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
        ResultPrinter printer = new ResultPrinter(ctx.out(), output.json());
        try (Connection conn = plan.open(clients, emulators); WaitRuntime runtime = ctx.runtime().get()) {
            StatusReporter reporter = new StatusReporter(ctx.err(), output.quiet, runtime.clock());
            conn.describeTo(reporter, ref.toString());
            Started started = conn.launcher(runtime, reporter).start(ref);
            if (printer.json()) {
                printer.printJson(Launches.toMap(started));
            } else {
                printer.printText(Launches.describe(started));
            }
            return ExitCodes.SUCCESS;
        }
    }
}
