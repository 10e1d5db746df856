package io.jenkins.plugins.dataworks.cli;

import io.jenkins.plugins.dataworks.emulator.scenario.Scenarios;
import io.jenkins.plugins.dataworks.engine.client.ImportSpec;
import io.jenkins.plugins.dataworks.engine.migrate.Launched;
import io.jenkins.plugins.dataworks.engine.upload.PackageUploader;
import io.jenkins.plugins.dataworks.engine.upload.UploadSettings;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code dataworks-migration import}: upload a package (AuthorizeFileUpload, OSS PostObject) and
 * create the import migration; print its id, nothing more, like export.
 */
@Command(name = "import", sortOptions = false,
        description = {
            "Upload an export package to OSS (AuthorizeFileUpload, PostObject) and create an import migration"
                    + " (CreateImportMigration) from it; print its id. It is not started (use start, then wait).",
            "The package and every JSON option are checked before any call."})
final class ImportCommand implements Callable<Integer>, Cli.WithOutput {

    @Mixin
    ProjectOptions project;

    @Mixin
    NamingOptions naming;

    @Option(names = "--package-file", paramLabel = "PATH",
            description = "The package to import, e.g. the .zip that export and download (or wait --download-dir) produced. Required.")
    String packageFile;

    @Mixin
    ImportOptions imports;

    @Mixin
    ConnectionOptions connection;

    @Mixin
    OutputOptions output;

    private final CliContext ctx;
    private final ClientFactory clients;
    private final DemoEmulator.Launcher emulators;

    ImportCommand(CliContext ctx, ClientFactory clients, DemoEmulator.Launcher emulators) {
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
        // Every check first, the package's size included: a usage error must cost no API call.
        Connection.Plan plan = Connection.plan(connection, ctx);
        long projectId = project.projectId(plan.emulator() ? Scenarios.DEMO_TARGET_PROJECT_ID : null);
        ImportSpec spec = imports.spec(projectId, naming.name(plan.emulator() ? ExportCommand.DEMO_NAME : null),
                naming.description);
        long cap = imports.maxUploadBytes();
        Path file = packagePath(packageFile);
        PackageUploader.check(file, cap > 0 ? cap : UploadSettings.DEFAULT_MAX_UPLOAD_BYTES);
        ResultPrinter printer = new ResultPrinter(ctx.out(), output.json());
        try (Connection conn = plan.open(clients, emulators); WaitRuntime runtime = ctx.runtime().get()) {
            StatusReporter reporter = new StatusReporter(ctx.err(), output.quiet, runtime.clock());
            conn.describeTo(reporter, "workspace " + projectId);
            PackageUploader uploader = new PackageUploader(conn.uploadSettings(cap), file, runtime.sleeper());
            String uploading = "uploading " + file + " (" + ProgressBar.bytes(uploader.size()) + ") for the import into workspace "
                    + projectId;
            // Said when the upload begins: the name is checked first, and a taken name uploads nothing.
            Launched launched = conn.launcher(runtime, reporter).createImport(spec, grant -> {
                reporter.note(uploading);
                uploader.upload(grant);
            });
            reporter.note(Launches.describe(launched));
            if (printer.json()) {
                printer.printJson(Launches.toMap(launched));
            } else {
                printer.printText(String.valueOf(launched.ref().migrationId()));
            }
            return ExitCodes.SUCCESS;
        }
    }

    /** The --package-file as a path; its checks (exists, not empty, under the cap) are the engine's. */
    static Path packagePath(String text) {
        if (text == null || text.isBlank()) {
            throw new UsageException("--package-file is missing: give the path of the package to import, e.g."
                    + " --package-file build/dataworks/release.zip");
        }
        try {
            return Path.of(text);
        } catch (InvalidPathException e) {
            throw new UsageException("--package-file '" + text + "' is not a valid path: " + e.getReason());
        }
    }
}
