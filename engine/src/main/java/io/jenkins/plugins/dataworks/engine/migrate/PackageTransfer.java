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
     * Uploads the whole package under this grant. A transient failure (a reset, a silence, a 5xx, a
     * checksum mismatch) is retried as a whole by the implementation, a bounded number of times. A
     * grant whose policy expired is not retried here: the implementation throws at once an exception
     * for which {@code ErrorClassifier.needsFreshUploadGrant} is true, and {@link MigrationLauncher}
     * asks for a fresh grant and calls this again.
     *
     * @throws DataWorksException classified; one line, naming the object key but never the policy or signature
     */
    void upload(UploadGrant grant) throws DataWorksException;
}
