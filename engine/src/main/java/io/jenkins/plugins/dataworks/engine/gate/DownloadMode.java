package io.jenkins.plugins.dataworks.engine.gate;

import io.jenkins.plugins.dataworks.engine.text.Setting;
import io.jenkins.plugins.dataworks.engine.text.UserText;
import io.jenkins.plugins.dataworks.engine.client.MigrationStatus;
import io.jenkins.plugins.dataworks.engine.client.MigrationSummary;
import io.jenkins.plugins.dataworks.engine.error.DownloadException;

/** Whether the export package is downloaded once the wait ends. */
public enum DownloadMode {
    /** The default: download when an export succeeded (EXPORT_SUCCESS with a DownloadUrl). */
    AUTO,
    /** Download, and fail when there is nothing to download. */
    ALWAYS,
    /** Never download. */
    NEVER;

    /**
     * Decides for a finished, accepted migration.
     *
     * @throws DownloadException for ALWAYS when the summary has no DownloadUrl
     */
    public boolean shouldDownload(MigrationSummary summary) {
        return switch (this) {
            case NEVER -> false;
            case AUTO -> summary.status() == MigrationStatus.EXPORT_SUCCESS && summary.hasDownloadUrl();
            case ALWAYS -> {
                if (!summary.hasDownloadUrl()) {
                    Setting d = Setting.DOWNLOAD;
                    throw new DownloadException(UserText.of(UserText.assignment(d, "ALWAYS"), " but " + summary.ref()
                            + " (status " + summary.rawStatus()
                            + ") has no DownloadUrl: only a successful export has a package",
                            UserText.hint(d, "; set ", d, " to ", UserText.value(d, "AUTO"), " or ",
                                    UserText.value(d, "NEVER"))),
                            "NoDownloadUrl", summary.requestId(), null);
                }
                yield true;
            }
        };
    }
}
