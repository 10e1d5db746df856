package io.jenkins.plugins.dataworks.cli;

import io.jenkins.plugins.dataworks.engine.client.ExportSpec;
import io.jenkins.plugins.dataworks.engine.client.ImportSpec;
import io.jenkins.plugins.dataworks.engine.client.MigrationRef;
import io.jenkins.plugins.dataworks.engine.download.DownloadResult;
import io.jenkins.plugins.dataworks.engine.error.DataWorksException;
import io.jenkins.plugins.dataworks.engine.error.InvalidInputException;
import io.jenkins.plugins.dataworks.engine.gate.DownloadMode;
import io.jenkins.plugins.dataworks.engine.gate.GateResult;
import io.jenkins.plugins.dataworks.engine.gate.PromotionResult;
import io.jenkins.plugins.dataworks.engine.gate.PromotionResult.Stage;
import io.jenkins.plugins.dataworks.engine.migrate.Launched;
import io.jenkins.plugins.dataworks.engine.migrate.MigrationLauncher;
import io.jenkins.plugins.dataworks.engine.migrate.PackageTransfer;
import io.jenkins.plugins.dataworks.engine.migrate.Started;
import io.jenkins.plugins.dataworks.engine.text.UserText;
import io.jenkins.plugins.dataworks.engine.upload.PackageUploader;
import io.jenkins.plugins.dataworks.engine.wait.WaitOutcome;
import io.jenkins.plugins.dataworks.engine.wait.WaitPolicy;

/**
 * One run of promote: export, start, wait, download, upload and import, start, wait, each stage
 * on the engine (launcher, waiter, downloader, uploader). The verdict and its message come from
 * the engine's {@link PromotionResult}; what this class adds is the order of the stages and, for
 * each way a stage can end, the exit code of {@link ExitCodes} that the same failure has in the
 * single-step commands.
 */
final class Promotion {

    /** The verdict and the process exit code that goes with it. */
    record Outcome(PromotionResult result, int exitCode) {}

    /** Everything promote checked before the first call. */
    record Plan(ExportSpec export, ImportSpec imports, WaitPolicy policy, DownloadTarget target, long maxUploadBytes) {}

    private final CliContext ctx;
    private final Connection conn;
    private final WaitRuntime runtime;
    private final StatusReporter reporter;
    private final boolean progressBar;
    private final MigrationLauncher launcher;

    Promotion(CliContext ctx, Connection conn, WaitRuntime runtime, StatusReporter reporter, boolean progressBar) {
        this.ctx = ctx;
        this.conn = conn;
        this.runtime = runtime;
        this.reporter = reporter;
        this.progressBar = progressBar;
        this.launcher = conn.launcher(runtime, reporter);
    }

    Outcome run(Plan plan) {
        // The name, in both workspaces, before anything is created or uploaded.
        Launched export;
        Stage stage = Stage.CHECK_NAME;
        try {
            String name = plan.export().name();
            launcher.requireFreeName(plan.export().projectId(), name);
            if (plan.imports().projectId() != plan.export().projectId()) {
                launcher.requireFreeName(plan.imports().projectId(), name);
            }
            reporter.note("the name '" + name + "' is free in workspaces " + plan.export().projectId() + " and "
                    + plan.imports().projectId());
            // Export: create, start, wait.
            stage = Stage.CREATE_EXPORT;
            export = launcher.createExport(plan.export());
            reporter.note(Launches.describe(export));
            stage = Stage.START_EXPORT;
            start(export.ref());
        } catch (DataWorksException e) {
            return failed(stage, null, e, afterCalls(e));
        }
        WaitOutcome exportWait = await(export.ref(), plan.policy());
        GateResult exported = GateResult.of(exportWait, null, null, OptionNames.CLI);
        if (!exported.successful()) {
            return new Outcome(PromotionResult.stoppedAtWait(exported, null), ExitCodes.of(exportWait));
        }

        // Download, verified, into the target directory.
        PackageFetcher fetcher = new PackageFetcher(conn.downloadSettings(), conn.client(), ctx.cancellation());
        DownloadResult downloaded;
        try {
            DownloadMode.ALWAYS.shouldDownload(exportWait.summary()); // throws, naming the status, without a package
            reporter.note("downloading the export package into " + plan.target().directory());
            ProgressBar bar = progressBar ? new ProgressBar(ctx.err()) : null;
            downloaded = fetcher.fetch(exportWait.summary(), plan.target(), bar, reporter);
        } catch (CancelledException e) {
            return cancelled(Stage.DOWNLOAD, exported.withApiCalls(exported.apiCalls() + fetcher.refreshCalls()), e);
        } catch (DataWorksException e) {
            // Input checks at this stage concern the URL the service handed out, not the user's options.
            int code = e instanceof InvalidInputException ? ExitCodes.DOWNLOAD : ExitCodes.of(e);
            return failed(Stage.DOWNLOAD, exported.withApiCalls(exported.apiCalls() + fetcher.refreshCalls()), e, code);
        }
        GateResult withPackage = exported.withApiCalls(exported.apiCalls() + fetcher.refreshCalls())
                .withPackage(plan.target().shown(downloaded), downloaded.sha256(), downloaded.size());

        // Import: upload, create, start, wait.
        Stage[] importStage = {Stage.UPLOAD};
        Launched imported;
        try {
            ctx.cancellation().throwIfCancelled();
            PackageUploader uploader = new PackageUploader(conn.uploadSettings(plan.maxUploadBytes()), downloaded.file(), runtime.sleeper());
            // The launcher authorizes, uploads and creates in one call: the transfer tells where it failed.
            PackageTransfer transfer = grant -> {
                reporter.note("uploading " + withPackage.packageFile() + " for the import into workspace "
                        + plan.imports().projectId());
                uploader.upload(grant);
                importStage[0] = Stage.CREATE_IMPORT;
            };
            imported = launcher.createImport(plan.imports(), transfer);
            reporter.note(Launches.describe(imported));
            importStage[0] = Stage.START_IMPORT;
            ctx.cancellation().throwIfCancelled();
            start(imported.ref());
        } catch (CancelledException e) {
            return cancelled(importStage[0], withPackage, e);
        } catch (DataWorksException e) {
            return failed(importStage[0], withPackage, e, afterCalls(e));
        }
        WaitOutcome importWait = await(imported.ref(), plan.policy());
        GateResult importResult = GateResult.of(importWait, null, null, OptionNames.CLI);
        if (!importResult.successful()) {
            return new Outcome(PromotionResult.stoppedAtWait(withPackage, importResult), ExitCodes.of(importWait));
        }
        PromotionResult done = PromotionResult.completed(withPackage, importResult);
        return new Outcome(done, done.result() == WaitOutcome.Result.UNSTABLE ? ExitCodes.UNSTABLE : ExitCodes.SUCCESS);
    }

    private void start(MigrationRef ref) {
        Started started = launcher.start(ref);
        reporter.note(Launches.describe(started));
    }

    private WaitOutcome await(MigrationRef ref, WaitPolicy policy) {
        return MigrationWait.await(ctx, conn.client(), runtime, ref, policy, reporter);
    }

    private static Outcome cancelled(Stage stage, GateResult exported, CancelledException e) {
        return new Outcome(PromotionResult.stoppedAt(stage, WaitOutcome.Result.CANCELLED, exported, null,
                UserText.of(e.getMessage()), OptionNames.CLI), ExitCodes.CANCELLED);
    }

    private static Outcome failed(Stage stage, GateResult exported, DataWorksException e, int code) {
        return new Outcome(PromotionResult.failedAt(stage, exported, null, e, OptionNames.CLI), code);
    }

    /**
     * The exit code of an error after the promotion made its first call. Bad input would have been
     * refused before it (exit 2, "nothing was called"), so an input error now concerns what the
     * service handed out, e.g. a downloaded package above --max-upload-size: an API error.
     */
    private static int afterCalls(DataWorksException e) {
        return e instanceof InvalidInputException ? ExitCodes.API_ERROR : ExitCodes.of(e);
    }
}
