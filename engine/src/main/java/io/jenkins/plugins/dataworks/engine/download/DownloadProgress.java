package io.jenkins.plugins.dataworks.engine.download;

/** Progress of a download, for a progress bar. Called often: must be cheap and never throw. */
@FunctionalInterface
public interface DownloadProgress {

    /** @param total the expected size, or -1 when unknown */
    void onProgress(long received, long total);

    DownloadProgress NONE = (received, total) -> {};
}
