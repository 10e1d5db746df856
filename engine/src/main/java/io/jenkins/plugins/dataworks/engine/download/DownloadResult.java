package io.jenkins.plugins.dataworks.engine.download;

import java.nio.file.Path;

/**
 * A verified export package on disk.
 *
 * @param file the final file (renamed into place only after every check passed)
 * @param size bytes, equal to the advertised Content-Length
 * @param sha256 lowercase hex SHA-256 of the file, computed while streaming (across resumes)
 * @param crc64 unsigned decimal CRC-64/XZ as OSS reports it; null when the server sent none
 * @param crc64Verified whether x-oss-hash-crc64ecma was present and matched
 * @param resumes how many times a broken transfer (early close, read error, silence, HTTP 5xx, no
 *     answer) was taken up again: with a Range request when bytes had arrived, else from the start
 * @param urlRefreshes how many times an expired URL was replaced by a fresh one
 */
public record DownloadResult(Path file, long size, String sha256, String crc64, boolean crc64Verified, int resumes,
        int urlRefreshes) {}
