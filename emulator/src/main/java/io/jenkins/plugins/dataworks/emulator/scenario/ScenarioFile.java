package io.jenkins.plugins.dataworks.emulator.scenario;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import io.jenkins.plugins.dataworks.emulator.oss.PackageSource;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;

/**
 * Reads a scenario from JSON (format in emulator/README.md). Unknown fields are errors, so a typo
 * cannot silently produce a different scenario. Fault windows are in seconds relative to
 * {@code origin} (the scenario clock when the emulator starts).
 */
public final class ScenarioFile {

    private ScenarioFile() {
    }

    public static Scenario read(Path file, Instant origin) throws IOException {
        Path base = file.toAbsolutePath().getParent();
        return parse(Files.readString(file, StandardCharsets.UTF_8), origin, base);
    }

    /** {@code baseDir} resolves relative "file" package paths. */
    public static Scenario parse(String json, Instant origin, Path baseDir) {
        JsonObject root;
        try {
            root = JsonParser.parseString(json).getAsJsonObject();
        } catch (JsonParseException | IllegalStateException e) {
            throw new IllegalArgumentException("scenario is not a JSON object: " + e.getMessage(), e);
        }
        allow(root, "scenario", "includeDemo", "accessKeys", "projects", "roles", "migrations", "createdExport", "faults",
                "downloadFaults", "downloadUrlTtlSeconds", "bucket", "firstCreatedId", "accountId", "createdImport",
                "uploadFaults", "maxUploadBytes", "checkNonces", "secondStart", "duplicateNameCode");
        Scenario.Builder b = Scenario.builder();
        if (bool(root, "includeDemo", false)) {
            b.addAll(Scenarios.demo());
        }
        for (JsonElement e : array(root, "accessKeys")) {
            JsonObject k = e.getAsJsonObject();
            allow(k, "accessKey", "id", "secret", "userId", "enabled");
            AccessKey key = AccessKey.of(string(k, "id"), string(k, "secret"));
            if (k.has("userId")) {
                key = key.withUserId(string(k, "userId"));
            }
            b.accessKey(bool(k, "enabled", true) ? key : key.disabled());
        }
        for (JsonElement e : array(root, "projects")) {
            b.project(e.getAsLong());
        }
        for (JsonElement e : array(root, "roles")) {
            b.role(e.getAsString());
        }
        for (JsonElement e : array(root, "migrations")) {
            b.migration(migration(e.getAsJsonObject(), baseDir));
        }
        if (root.has("createdExport")) {
            JsonObject t = root.getAsJsonObject("createdExport");
            allow(t, "createdExport", "timeline", "waitsForStart", "crcHeader", "package");
            MigrationSpec template = Scenario.defaultCreatedExport();
            if (t.has("timeline")) {
                template = template.timeline(timeline(t.getAsJsonObject("timeline")));
            }
            template = template.waitsForStart(bool(t, "waitsForStart", true)).crcHeader(bool(t, "crcHeader", true));
            if (t.has("package")) {
                template = template.pkg(pkg(t.get("package"), baseDir, 0));
            }
            b.createdExport(template);
        }
        if (root.has("createdImport")) {
            JsonObject t = root.getAsJsonObject("createdImport");
            allow(t, "createdImport", "timeline", "waitsForStart");
            MigrationSpec template = Scenario.defaultCreatedImport();
            if (t.has("timeline")) {
                template = template.timeline(timeline(t.getAsJsonObject("timeline")));
            }
            b.createdImport(template.waitsForStart(bool(t, "waitsForStart", true)));
        }
        if (root.has("maxUploadBytes")) {
            b.maxUploadBytes(root.get("maxUploadBytes").getAsLong());
        }
        for (JsonElement e : array(root, "uploadFaults")) {
            b.uploadFault(uploadFault(e.getAsJsonObject(), origin));
        }
        for (JsonElement e : array(root, "faults")) {
            b.fault(fault(e.getAsJsonObject(), origin));
        }
        for (JsonElement e : array(root, "downloadFaults")) {
            b.downloadFault(downloadFault(e.getAsJsonObject(), origin));
        }
        if (root.has("downloadUrlTtlSeconds")) {
            b.downloadUrlTtl(Duration.ofSeconds(root.get("downloadUrlTtlSeconds").getAsLong()));
        }
        if (root.has("bucket")) {
            b.bucket(string(root, "bucket"));
        }
        if (root.has("firstCreatedId")) {
            b.firstCreatedId(root.get("firstCreatedId").getAsLong());
        }
        if (root.has("accountId")) {
            b.accountId(string(root, "accountId"));
        }
        b.checkNonces(bool(root, "checkNonces", true));
        if (root.has("secondStart")) {
            String second = string(root, "secondStart");
            try {
                b.secondStart(SecondStart.valueOf(second));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("secondStart must be ANSWER_FALSE, REFUSE or RUN_AGAIN, not " + second, e);
            }
        }
        if (root.has("duplicateNameCode")) {
            b.duplicateNameCode(string(root, "duplicateNameCode"));
        }
        return b.build();
    }

    private static MigrationSpec migration(JsonObject m, Path baseDir) {
        allow(m, "migration", "id", "projectId", "name", "type", "timeline", "waitsForStart", "package", "crcHeader",
                "createUser", "gmtCreate");
        long id = m.get("id").getAsLong();
        long projectId = m.get("projectId").getAsLong();
        String name = string(m, "name");
        String type = m.has("type") ? string(m, "type") : "EXPORT";
        MigrationSpec spec;
        switch (type) {
            case "EXPORT":
                spec = MigrationSpec.export(id, projectId, name);
                break;
            case "IMPORT":
                spec = MigrationSpec.importing(id, projectId, name);
                break;
            default:
                throw new IllegalArgumentException("migration " + id + ": type must be EXPORT or IMPORT, not " + type);
        }
        if (m.has("timeline")) {
            spec = spec.timeline(timeline(m.getAsJsonObject("timeline")));
        }
        if (m.has("package")) {
            spec = spec.pkg(pkg(m.get("package"), baseDir, id));
        }
        if (m.has("createUser")) {
            spec = spec.createUser(string(m, "createUser"));
        }
        if (m.has("gmtCreate")) {
            spec = spec.gmtCreate(Instant.ofEpochMilli(m.get("gmtCreate").getAsLong()));
        }
        return spec.waitsForStart(bool(m, "waitsForStart", false)).crcHeader(bool(m, "crcHeader", true));
    }

    static Timeline timeline(JsonObject t) {
        allow(t, "timeline", "initial", "steps");
        Timeline timeline = Timeline.startingAt(t.has("initial") ? string(t, "initial") : "INIT");
        for (JsonElement e : array(t, "steps")) {
            JsonObject s = e.getAsJsonObject();
            allow(s, "timeline step", "status", "afterPolls", "afterSeconds");
            String status = string(s, "status");
            if (s.has("afterPolls") == s.has("afterSeconds")) {
                throw new IllegalArgumentException("timeline step " + status + ": give exactly one of afterPolls, afterSeconds");
            }
            timeline = s.has("afterPolls")
                    ? timeline.thenAfterPolls(s.get("afterPolls").getAsInt(), status)
                    : timeline.thenAfter(Duration.ofMillis(Math.round(s.get("afterSeconds").getAsDouble() * 1000)), status);
        }
        return timeline;
    }

    private static PackageSource pkg(JsonElement element, Path baseDir, long migrationId) {
        if (element.isJsonNull()) {
            return null;
        }
        JsonObject p = element.getAsJsonObject();
        allow(p, "package", "generated", "demoZip", "file");
        if (p.size() != 1) {
            throw new IllegalArgumentException("package: give exactly one of generated, demoZip, file");
        }
        if (p.has("generated")) {
            JsonObject g = p.getAsJsonObject("generated");
            allow(g, "generated package", "size", "seed");
            return PackageSource.generated(g.get("size").getAsLong(), g.has("seed") ? g.get("seed").getAsLong() : migrationId);
        }
        if (p.has("demoZip")) {
            return PackageSource.demoZip(p.get("demoZip").getAsString(), migrationId);
        }
        Path file = Path.of(p.get("file").getAsString());
        return PackageSource.ofFile(baseDir == null ? file : baseDir.resolve(file));
    }

    private static Fault fault(JsonObject f, Instant origin) {
        allow(f, "fault", "kind", "httpStatus", "code", "message", "delayMillis", "action", "migrationId", "times",
                "fromSeconds", "untilSeconds");
        String kind = string(f, "kind");
        Fault fault;
        switch (kind) {
            case "THROTTLING":
                fault = Fault.throttling(string(f, "code"));
                break;
            case "INTERNAL_ERROR":
                fault = Fault.internalError();
                break;
            case "FORBIDDEN_RAM":
                fault = Fault.forbiddenRam();
                break;
            case "FORBIDDEN_ACCESS":
                fault = Fault.forbiddenAccess();
                break;
            case "ERROR":
                fault = Fault.error(f.get("httpStatus").getAsInt(), string(f, "code"),
                        f.has("message") ? string(f, "message") : "Injected by the emulator.");
                break;
            case "MALFORMED_JSON":
                fault = Fault.malformedJson();
                break;
            case "EMPTY_BODY":
                fault = Fault.emptyBody();
                break;
            case "DELAY":
                fault = Fault.delay(Duration.ofMillis(f.get("delayMillis").getAsLong()));
                break;
            case "STALL":
                fault = Fault.stall();
                break;
            case "PERFORMED_NO_ANSWER":
                fault = Fault.performedNoAnswer();
                break;
            case "PERFORMED_THEN_STALL":
                fault = Fault.performedThenStall();
                break;
            default:
                throw new IllegalArgumentException("unknown fault kind " + kind);
        }
        if (f.has("action")) {
            fault = fault.onAction(string(f, "action"));
        }
        if (f.has("migrationId")) {
            fault = fault.onMigration(f.get("migrationId").getAsLong());
        }
        if (f.has("fromSeconds") || f.has("untilSeconds")) {
            fault = fault.during(window(f, "fromSeconds", origin, Instant.MIN), window(f, "untilSeconds", origin, Instant.MAX));
        }
        if (f.has("times")) {
            fault = fault.times(f.get("times").getAsInt());
        }
        return fault;
    }

    private static DownloadFault downloadFault(JsonObject f, Instant origin) {
        allow(f, "download fault", "kind", "afterBytes", "offset", "httpStatus", "code", "migrationId", "times",
                "fromSeconds", "untilSeconds");
        String kind = string(f, "kind");
        DownloadFault fault;
        switch (kind) {
            case "TRUNCATE":
                fault = DownloadFault.truncateAfter(f.get("afterBytes").getAsLong());
                break;
            case "STALL":
                fault = DownloadFault.stallAfter(f.has("afterBytes") ? f.get("afterBytes").getAsLong() : 0);
                break;
            case "CORRUPT":
                fault = DownloadFault.corruptAt(f.get("offset").getAsLong());
                break;
            case "IGNORE_RANGE":
                fault = DownloadFault.ignoreRange();
                break;
            case "EXPIRED":
                fault = DownloadFault.expired();
                break;
            case "ERROR":
                fault = DownloadFault.error(f.get("httpStatus").getAsInt(), string(f, "code"));
                break;
            default:
                throw new IllegalArgumentException("unknown download fault kind " + kind);
        }
        if (f.has("migrationId")) {
            fault = fault.onMigration(f.get("migrationId").getAsLong());
        }
        if (f.has("fromSeconds") || f.has("untilSeconds")) {
            fault = fault.during(window(f, "fromSeconds", origin, Instant.MIN), window(f, "untilSeconds", origin, Instant.MAX));
        }
        if (f.has("times")) {
            fault = fault.times(f.get("times").getAsInt());
        }
        return fault;
    }

    private static UploadFault uploadFault(JsonObject f, Instant origin) {
        allow(f, "upload fault", "kind", "afterBytes", "httpStatus", "code", "times", "fromSeconds", "untilSeconds");
        String kind = string(f, "kind");
        UploadFault fault;
        switch (kind) {
            case "ERROR":
                fault = UploadFault.error(f.get("httpStatus").getAsInt(), string(f, "code"));
                break;
            case "CLOSE_AFTER":
                fault = UploadFault.closeAfter(f.get("afterBytes").getAsLong());
                break;
            case "STORED_NO_ANSWER":
                fault = UploadFault.storedNoAnswer();
                break;
            default:
                throw new IllegalArgumentException("unknown upload fault kind " + kind);
        }
        if (f.has("fromSeconds") || f.has("untilSeconds")) {
            fault = fault.during(window(f, "fromSeconds", origin, Instant.MIN), window(f, "untilSeconds", origin, Instant.MAX));
        }
        if (f.has("times")) {
            fault = fault.times(f.get("times").getAsInt());
        }
        return fault;
    }

    private static Instant window(JsonObject o, String field, Instant origin, Instant otherwise) {
        return o.has(field) ? origin.plusMillis(Math.round(o.get(field).getAsDouble() * 1000)) : otherwise;
    }

    private static void allow(JsonObject o, String what, String... fields) {
        Set<String> allowed = Set.of(fields);
        for (String key : o.keySet()) {
            if (!allowed.contains(key)) {
                throw new IllegalArgumentException(what + ": unknown field '" + key + "' (allowed: " + allowed + ")");
            }
        }
    }

    private static String string(JsonObject o, String field) {
        JsonElement e = o.get(field);
        if (e == null || e.isJsonNull()) {
            throw new IllegalArgumentException("missing field '" + field + "'");
        }
        return e.getAsString();
    }

    private static boolean bool(JsonObject o, String field, boolean otherwise) {
        return o.has(field) ? o.get(field).getAsBoolean() : otherwise;
    }

    private static JsonArray array(JsonObject o, String field) {
        return o.has(field) ? o.getAsJsonArray(field) : new JsonArray();
    }
}
