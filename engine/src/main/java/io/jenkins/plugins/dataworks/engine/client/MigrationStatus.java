package io.jenkins.plugins.dataworks.engine.client;

import java.util.Locale;

/**
 * The documented statuses of a migration task. A status the service invents later parses as
 * {@link #UNKNOWN}; the raw text is kept in {@link MigrationSummary#rawStatus()}.
 */
public enum MigrationStatus {
    INIT,
    EDITING,
    IMPORTING,
    IMPORT_ERROR,
    IMPORT_SUCCESS,
    EXPORTING,
    EXPORT_ERROR,
    EXPORT_SUCCESS,
    REVOKED,
    PARTIAL_SUCCESS,
    UNKNOWN;

    public static MigrationStatus parse(String raw) {
        if (raw == null || raw.isBlank()) {
            return UNKNOWN;
        }
        try {
            MigrationStatus s = valueOf(raw.trim().toUpperCase(Locale.ROOT));
            return s;
        } catch (IllegalArgumentException e) {
            return UNKNOWN;
        }
    }
}
