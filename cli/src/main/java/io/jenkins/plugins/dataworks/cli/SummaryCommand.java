package io.jenkins.plugins.dataworks.cli;

import io.jenkins.plugins.dataworks.engine.client.MigrationRef;
import io.jenkins.plugins.dataworks.engine.client.MigrationSummary;
import io.jenkins.plugins.dataworks.engine.redact.Redaction;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code dataworks-migration summary}: one GetMigrationSummary call, printed. */
@Command(name = "summary", sortOptions = false,
        description = "Call GetMigrationSummary once and print the migration's status (the DownloadUrl only without its signature).")
final class SummaryCommand implements Callable<Integer>, Cli.WithOutput {

    @Mixin
    MigrationOptions migration;

    @Mixin
    ConnectionOptions connection;

    @Mixin
    OutputOptions output;

    private final CliContext ctx;
    private final ClientFactory clients;
    private final DemoEmulator.Launcher emulators;

    SummaryCommand(CliContext ctx, ClientFactory clients, DemoEmulator.Launcher emulators) {
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
            MigrationSummary s = conn.client().getMigrationSummary(ref);
            if (printer.json()) {
                printer.printJson(toMap(s));
            } else {
                printer.printText(text(s));
            }
            return ExitCodes.SUCCESS;
        }
    }

    static Map<String, Object> toMap(MigrationSummary s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("projectId", s.projectId());
        m.put("migrationId", s.migrationId());
        putIfPresent(m, "name", s.name());
        putIfPresent(m, "status", s.rawStatus());
        putIfPresent(m, "gmtCreate", s.created() == null ? null : s.created().toEpochMilli());
        putIfPresent(m, "gmtModified", s.modified() == null ? null : s.modified().toEpochMilli());
        putIfPresent(m, "createUser", s.createUser());
        putIfPresent(m, "opUser", s.opUser());
        m.put("hasDownloadUrl", s.hasDownloadUrl());
        if (s.hasDownloadUrl()) {
            m.put("downloadUrl", Redaction.url(s.downloadUrl()));
        }
        putIfPresent(m, "requestId", s.requestId());
        return m;
    }

    private static String text(MigrationSummary s) {
        StringBuilder b = new StringBuilder();
        b.append(s.ref()).append(s.name() == null ? "" : " \"" + s.name() + "\"").append(": ").append(s.rawStatus());
        line(b, "created", s.created() == null ? null : s.created() + (s.createUser() == null ? "" : " by " + s.createUser()));
        line(b, "modified", s.modified() == null ? null : s.modified() + (s.opUser() == null ? "" : " by " + s.opUser()));
        line(b, "package", s.hasDownloadUrl() ? Redaction.url(s.downloadUrl()) : "none (only a successful export has one)");
        line(b, "RequestId", s.requestId());
        return b.toString();
    }

    private static void line(StringBuilder b, String label, String value) {
        if (value != null) {
            b.append(System.lineSeparator()).append("  ").append(label).append(": ").append(value);
        }
    }

    private static void putIfPresent(Map<String, Object> m, String key, Object value) {
        if (value != null) {
            m.put(key, value);
        }
    }
}
