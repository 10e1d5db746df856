package io.jenkins.plugins.dataworks.upload;

import hudson.remoting.VirtualChannel;
import io.jenkins.plugins.dataworks.engine.error.DataWorksException;
import io.jenkins.plugins.dataworks.engine.upload.PackageUploader;
import java.io.File;
import jenkins.MasterToSlaveFileCallable;

/**
 * The engine's pre-flight check of an import package, where the package is: exists, a regular
 * file, readable, not empty, not above the cap. Runs before any call, so bad input leaves nothing
 * behind (not even an upload grant).
 */
final class PackageCheckCallable extends MasterToSlaveFileCallable<UploadReport> {

    private static final long serialVersionUID = 1L;

    private final long maxUploadBytes;

    PackageCheckCallable(long maxUploadBytes) {
        this.maxUploadBytes = maxUploadBytes;
    }

    @Override
    public UploadReport invoke(File file, VirtualChannel channel) {
        try {
            return UploadReport.ok(PackageUploader.check(file.toPath(), maxUploadBytes));
        } catch (DataWorksException e) {
            return UploadReport.failed(e);
        }
    }
}
