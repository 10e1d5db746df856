package io.jenkins.plugins.dataworks.engine.download;

import io.jenkins.plugins.dataworks.engine.error.DataWorksException;
import java.nio.file.Path;

/**
 * Downloads an export package from its presigned URL into a directory, streaming in constant
 * memory to a temporary file that is renamed into place only after length, CRC-64 (when the
 * server reports one) and SHA-256 are known and right. On failure or cancel nothing is left.
 */
public final class PackageDownloader {

    private final DownloadSettings settings;

    public PackageDownloader(DownloadSettings settings) {
        this.settings = settings;
    }

    /**
     * @param url the presigned DownloadUrl (a secret: never logged with its query)
     * @param directory where the package goes; created if missing
     * @param fileName the final file name; validated, never taken raw from the URL
     */
    public DownloadResult download(String url, Path directory, String fileName, UrlRefresher refresher,
            DownloadProgress progress) throws DataWorksException {
        throw new UnsupportedOperationException("not implemented yet");
    }

    public DownloadSettings settings() {
        return settings;
    }
}
