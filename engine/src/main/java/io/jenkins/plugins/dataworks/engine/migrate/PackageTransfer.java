package io.jenkins.plugins.dataworks.engine.migrate;

import io.jenkins.plugins.dataworks.engine.client.UploadGrant;
import io.jenkins.plugins.dataworks.engine.error.DataWorksException;

/**
 * Moves an import package to OSS under an {@link UploadGrant}. The engine's
 * {@code engine.upload.PackageUploader} does it from a local file; a front end whose package lives
 * elsewhere (a Jenkins agent) runs that uploader there and implements this to reach it.
 */
public interface PackageTransfer {

    /**
     * Uploads the whole package, once. A transient failure is retried as a whole by the
     * implementation (under a fresh grant from {@code grants} when the first one expired).
     *
     * @throws DataWorksException classified; the upload may be retried only when transient
     */
    void upload(UploadGrant grant) throws DataWorksException;
}
