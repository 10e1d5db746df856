package io.jenkins.plugins.dataworks.upload;

import io.jenkins.plugins.dataworks.engine.error.ApiException;
import io.jenkins.plugins.dataworks.engine.error.DataWorksException;
import io.jenkins.plugins.dataworks.engine.error.TransientApiException;
import io.jenkins.plugins.dataworks.engine.text.UserText;
import java.io.Serializable;

/**
 * What a package check or upload on an agent sends back: its size, or the engine's error as its
 * classification (transient or not), text, code and RequestId, so that the engine's launcher can
 * decide on the controller (retry with a fresh grant, or give up). No exception cause crosses the
 * channel, and the engine's messages never hold the upload policy or its signature.
 */
final class UploadReport implements Serializable {

    private static final long serialVersionUID = 1L;

    private final long size;
    private final UserText errorText;
    private final boolean errorTransient;
    private final String errorCode;
    private final String requestId;

    private UploadReport(long size, UserText errorText, boolean errorTransient, String errorCode, String requestId) {
        this.size = size;
        this.errorText = errorText;
        this.errorTransient = errorTransient;
        this.errorCode = errorCode;
        this.requestId = requestId;
    }

    static UploadReport ok(long size) {
        return new UploadReport(size, null, false, null, null);
    }

    static UploadReport failed(DataWorksException e) {
        return new UploadReport(-1, e.text(), e instanceof TransientApiException, e.errorCode(), e.requestId());
    }

    /** The size on success; otherwise throws the error again as the engine's exception type. */
    long sizeOrThrow() {
        if (errorText == null) {
            return size;
        }
        throw errorTransient
                ? new TransientApiException(errorText, errorCode, requestId, null)
                : new ApiException(errorText, errorCode, requestId, null);
    }
}
