package io.jenkins.plugins.dataworks.cli;

import io.jenkins.plugins.dataworks.engine.client.MigrationProcess;
import io.jenkins.plugins.dataworks.engine.client.MigrationRef;
import io.jenkins.plugins.dataworks.engine.client.MigrationTask;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code dataworks-migration process}: one GetMigrationProcess call, the sub-tasks as a table.
 * Exit 1 when a sub-task failed (FAILURE, or a status the engine does not know and so does not
 * assume fine): a script asking "which part failed?" can also ask "did any?" without parsing.
 */
@Command(name = "process", sortOptions = false,
        description = {
            "Call GetMigrationProcess once and print the migration's sub-tasks and their statuses.",
            "Exit 1 when a sub-task failed (FAILURE or an unknown status), 0 otherwise, whatever the migration's status."})
final class ProcessCommand implements Callable<Integer>, Cli.WithOutput {

    @Mixin
    MigrationOptions migration;

    @Mixin
    ConnectionOptions connection;

    @Mixin
    OutputOptions output;

    private final CliContext ctx;
    private final ClientFactory clients;
    private final DemoEmulator.Launcher emulators;

    ProcessCommand(CliContext ctx, ClientFactory clients, DemoEmulator.Launcher emulators) {
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
        try (Connection conn = plan.open(clients, emulators)) {
            conn.describeTo(new StatusReporter(ctx.err(), output.quiet, Clock.systemUTC()), ref.toString());
            MigrationProcess process = conn.client().getMigrationProcess(ref);
            if (printer.json()) {
                printer.printJson(toMap(process));
            } else {
                printer.printText(text(process));
            }
            return process.failedTasks().isEmpty() ? ExitCodes.SUCCESS : ExitCodes.MIGRATION_FAILED;
        }
    }

    static Map<String, Object> toMap(MigrationProcess p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("projectId", p.ref().projectId());
        m.put("migrationId", p.ref().migrationId());
        m.put("tasks", tasks(p.tasks()));
        m.put("failedTasks", tasks(p.failedTasks()));
        if (p.requestId() != null) {
            m.put("requestId", p.requestId());
        }
        return m;
    }

    /** [{name, status}], the shape the JSON of promote uses for failed sub-tasks as well. */
    static List<Map<String, Object>> tasks(List<MigrationTask> tasks) {
        List<Map<String, Object>> list = new ArrayList<>();
        for (MigrationTask t : tasks) {
            Map<String, Object> task = new LinkedHashMap<>();
            task.put("name", t.name());
            task.put("status", t.status());
            list.add(task);
        }
        return list;
    }

    private static String text(MigrationProcess p) {
        StringBuilder b = new StringBuilder();
        int failed = p.failedTasks().size();
        b.append(p.ref()).append(": ").append(p.tasks().size()).append(" sub-task").append(p.tasks().size() == 1 ? "" : "s")
                .append(failed == 0 ? "" : ", " + failed + " failed");
        int width = p.tasks().stream().mapToInt(t -> t.name().length()).max().orElse(0);
        for (MigrationTask t : p.tasks()) {
            b.append(System.lineSeparator()).append("  ").append(t.name()).append(" ".repeat(width - t.name().length() + 2))
                    .append(t.status());
        }
        if (p.requestId() != null) {
            b.append(System.lineSeparator()).append("  RequestId: ").append(p.requestId());
        }
        return b.toString();
    }
}
