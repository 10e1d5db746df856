package io.jenkins.plugins.dataworks.upload;

import hudson.FilePath;
import io.jenkins.plugins.dataworks.Messages;
import io.jenkins.plugins.dataworks.engine.client.UploadGrant;
import io.jenkins.plugins.dataworks.engine.error.ApiException;
import io.jenkins.plugins.dataworks.engine.error.DataWorksException;
import io.jenkins.plugins.dataworks.engine.migrate.PackageTransfer;
import io.jenkins.plugins.dataworks.engine.ratelimit.Sleeper;
import io.jenkins.plugins.dataworks.engine.redact.Redaction;
import io.jenkins.plugins.dataworks.engine.upload.UploadSettings;
import java.io.IOException;
import java.util.Objects;

/**
 * The engine's {@link PackageTransfer} for a package on a Jenkins node: the engine's launcher asks
 * for the grant on the controller (the credentials never leave it) and this runs the engine's
 * uploader where the file is. The uploader's pauses between attempts go through the controller's
 * sleeper, so they follow the controller's clock (tests drive it; production sleeps).
 */
public final class WorkspacePackageTransfer implements PackageTransfer {

    private final FilePath file;
    private final UploadSettings settings;
    private final Sleeper sleeper;

    public WorkspacePackageTransfer(FilePath file, UploadSettings settings, Sleeper sleeper) {
        this.file = Objects.requireNonNull(file, "file");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
    }

    /**
     * The engine's pre-flight check where the file is, before any call.
     *
     * @return the package's size
     * @throws DataWorksException naming packageFile (missing, empty, too large)
     */
    public long check() throws IOException, InterruptedException {
        return file.act(new PackageCheckCallable(settings.maxUploadBytes())).sizeOrThrow();
    }

    @Override
    public void upload(UploadGrant grant) throws DataWorksException {
        try {
            Sleeper remote = file.getChannel().export(Sleeper.class, sleeper);
            file.act(new PackageUploadCallable(grant, settings, remote)).sizeOrThrow();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ApiException(Messages.Upload_cancelled(file.getName()), "Cancelled", null, null);
        } catch (IOException e) {
            // the agent went away mid-upload: the channel's message names no secret, but redact to be sure
            throw new ApiException(
                    Messages.Upload_agentUnreachable(file.getName(), Redaction.text(String.valueOf(e.getMessage()))),
                    "AgentUnreachable",
                    null,
                    null);
        }
    }
}
