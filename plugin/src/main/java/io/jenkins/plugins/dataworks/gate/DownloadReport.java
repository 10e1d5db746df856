package io.jenkins.plugins.dataworks.gate;

import io.jenkins.plugins.dataworks.engine.download.DownloadResult;
import io.jenkins.plugins.dataworks.engine.error.DataWorksException;
import io.jenkins.plugins.dataworks.engine.error.DownloadException;
import io.jenkins.plugins.dataworks.engine.text.Vocabulary;
import java.io.Serializable;

/**
 * What a download on an agent sends back to the controller: the verified package's size and hashes,
 * or the engine's one-line error. Errors travel as text rather than as exceptions so that no
 * exception cause (SDK or JDK internals) has to cross the channel. Never holds the URL.
 */
public final class DownloadReport implements Serializable {

    private static final long serialVersionUID = 1L;

    private final long size;
    private final String sha256;
    private final boolean crc64Verified;
    private final int resumes;
    private final int urlRefreshes;
    private final String errorMessage;
    private final String errorCode;
    private final String requestId;

    private DownloadReport(
            long size,
            String sha256,
            boolean crc64Verified,
            int resumes,
            int urlRefreshes,
            String errorMessage,
            String errorCode,
            String requestId) {
        this.size = size;
        this.sha256 = sha256;
        this.crc64Verified = crc64Verified;
        this.resumes = resumes;
        this.urlRefreshes = urlRefreshes;
        this.errorMessage = errorMessage;
        this.errorCode = errorCode;
        this.requestId = requestId;
    }

    static DownloadReport of(DownloadResult r) {
        return new DownloadReport(
                r.size(), r.sha256(), r.crc64Verified(), r.resumes(), r.urlRefreshes(), null, null, null);
    }

    /**
     * @param names the front end's words: the message is rendered here, on the agent, since the
     *     controller only receives its text
     */
    static DownloadReport failed(DataWorksException e, Vocabulary names) {
        return new DownloadReport(-1, null, false, 0, 0, names.message(e), e.errorCode(), e.requestId());
    }

    public boolean ok() {
        return errorMessage == null;
    }

    /** The error again, as the engine's exception type, on the controller. */
    public DownloadException error() {
        return new DownloadException(errorMessage, errorCode, requestId, null);
    }

    public long size() {
        return size;
    }

    public String sha256() {
        return sha256;
    }

    public boolean crc64Verified() {
        return crc64Verified;
    }

    public int resumes() {
        return resumes;
    }

    public int urlRefreshes() {
        return urlRefreshes;
    }
}
