package io.jenkins.plugins.dataworks.engine.download;

import io.jenkins.plugins.dataworks.engine.error.InvalidInputException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;

/**
 * File names of downloaded packages. A name is never taken from the URL (the server decides the
 * key); it is either given by the user and validated here, or derived from the migration's ids.
 */
public final class PackageNames {

    static final int MAX_NAME_BYTES = 255;
    private static final int MAX_SLUG_LENGTH = 64;
    /** Reserved on Windows agents whatever the extension. */
    private static final Set<String> WINDOWS_DEVICES = Set.of("con", "prn", "aux", "nul", "com1", "com2", "com3",
            "com4", "com5", "com6", "com7", "com8", "com9", "lpt1", "lpt2", "lpt3", "lpt4", "lpt5", "lpt6", "lpt7",
            "lpt8", "lpt9");

    private PackageNames() {}

    /**
     * The default name, {@code dataworks-export-<projectId>-<migrationId>.zip}, or with the
     * migration's name reduced to {@code [A-Za-z0-9._-]} appended when it has any such characters:
     * {@code dataworks-export-1-2-nightly.zip}.
     *
     * @param migrationName may be null
     */
    public static String forMigration(long projectId, long migrationId, String migrationName) {
        if (projectId <= 0) {
            throw new InvalidInputException("projectId", "must be a positive DataWorks workspace ID, got " + projectId);
        }
        if (migrationId <= 0) {
            throw new InvalidInputException("migrationId", "must be a positive migration ID, got " + migrationId);
        }
        String slug = slug(migrationName);
        return "dataworks-export-" + projectId + "-" + migrationId + (slug.isEmpty() ? "" : "-" + slug) + ".zip";
    }

    private static String slug(String name) {
        if (name == null) {
            return "";
        }
        String slug = name.replaceAll("[^A-Za-z0-9._-]+", "-").replaceAll("\\.{2,}", ".").replaceAll("-{2,}", "-");
        slug = slug.replaceAll("^[.-]+", "").replaceAll("[.-]+$", "");
        if (slug.length() > MAX_SLUG_LENGTH) {
            slug = slug.substring(0, MAX_SLUG_LENGTH).replaceAll("[.-]+$", "");
        }
        return slug;
    }

    /**
     * Checks a user-given file name: one plain name, valid on Linux, macOS and Windows agents.
     *
     * @return the name, unchanged
     */
    public static String requireSafe(String fileName) {
        if (fileName == null || fileName.isBlank()) {
            throw invalid("must not be empty: give a plain file name such as dataworks-export.zip");
        }
        String shown = printable(fileName);
        if (fileName.indexOf('/') >= 0 || fileName.indexOf('\\') >= 0) {
            throw invalid("must be a plain file name without '/' or '\\': give the directory separately, got '"
                    + shown + "'");
        }
        if (fileName.contains("..")) {
            throw invalid("must not contain '..', got '" + shown + "'");
        }
        for (int i = 0; i < fileName.length(); i++) {
            char c = fileName.charAt(i);
            if (Character.isISOControl(c)) {
                throw invalid("must not contain control characters (found U+" + String.format("%04X", (int) c)
                        + "), got '" + shown + "'");
            }
            if ("<>:\"|?*".indexOf(c) >= 0) {
                throw invalid("must not contain any of <>:\"|?* (not allowed on Windows), got '" + shown + "'");
            }
        }
        if (fileName.startsWith(".")) {
            throw invalid("must not start with '.' (hidden names are reserved for partial downloads), got '"
                    + shown + "'");
        }
        if (fileName.endsWith(" ") || fileName.endsWith(".") || fileName.startsWith(" ")) {
            throw invalid("must not start or end with a space or end with '.', got '" + shown + "'");
        }
        int bytes = fileName.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > MAX_NAME_BYTES) {
            throw invalid("must be at most " + MAX_NAME_BYTES + " bytes in UTF-8, got " + bytes + ": choose a shorter name");
        }
        String stem = fileName.contains(".") ? fileName.substring(0, fileName.indexOf('.')) : fileName;
        if (WINDOWS_DEVICES.contains(stem.toLowerCase(Locale.ROOT))) {
            throw invalid("must not be a Windows device name such as CON or NUL, got '" + shown + "'");
        }
        return fileName;
    }

    private static InvalidInputException invalid(String problemAndFix) {
        return new InvalidInputException("fileName", problemAndFix);
    }

    /** Shows control characters as '?', so the one-line message stays one line. */
    private static String printable(String s) {
        StringBuilder out = new StringBuilder(Math.min(s.length(), 300));
        s.codePoints().limit(300).forEach(cp -> out.appendCodePoint(Character.isISOControl(cp) ? '?' : cp));
        return out.toString();
    }
}
