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
     * @param summary the last summary of the wait; null when there is none, e.g. a wait resumed while
     *     fetching the failed sub-tasks of a PARTIAL_SUCCESS (no successful export, so nothing to download)
     * @throws DownloadException for ALWAYS when the summary has no DownloadUrl
     */
    public boolean shouldDownload(MigrationSummary summary) {
        if (summary == null) {
            if (this == ALWAYS) {
                Setting d = Setting.DOWNLOAD;
                throw new DownloadException(UserText.of(UserText.assignment(d, "ALWAYS"), " but the wait ended"
                        + " without a summary of the migration, so there is no DownloadUrl: only a successful export"
                        + " has a package", UserText.hint(d, "; set ", d, " to ", UserText.value(d, "AUTO"), " or ",
                                UserText.value(d, "NEVER"))), "NoDownloadUrl", null, null);
            }
            return false;
        }
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
