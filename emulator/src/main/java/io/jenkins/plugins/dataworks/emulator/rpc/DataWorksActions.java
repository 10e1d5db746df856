package io.jenkins.plugins.dataworks.emulator.rpc;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import io.jenkins.plugins.dataworks.emulator.oss.DownloadLinks;
import io.jenkins.plugins.dataworks.emulator.scenario.MigrationSpec.MigrationType;
import io.jenkins.plugins.dataworks.emulator.scenario.SecondStart;
import io.jenkins.plugins.dataworks.emulator.state.EmulatorState;
import io.jenkins.plugins.dataworks.emulator.state.MigrationInfo;
import io.jenkins.plugins.dataworks.emulator.state.MigrationState;
import io.jenkins.plugins.dataworks.emulator.state.UploadStore;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The DataWorks (dataworks-public, 2020-05-18) migration actions. */
final class DataWorksActions {

    static final String VERSION = "2020-05-18";
    private static final Set<String> EXPORT_MODES = Set.of("FULL", "INCREMENTAL");
    private static final Set<String> OBJECT_STATUSES = Set.of("SAVED", "SUBMITTED", "DEPLOYED");
    private static final Set<String> PACKAGE_TYPES = Set.of("DATAWORKS_MODEL", "DATAWORKS_V2", "DATAWORKS_V3");
    private static final Set<String> COMMIT_RULE_KEYS = Set.of("resourceAutoCommit", "resourceAutoDeploy",
            "functionAutoCommit", "functionAutoDeploy", "tableAutoCommitToDev", "tableAutoCommitToProd", "ignoreLock",
            "fileAutoCommit", "fileAutoDeploy");
    static final String TASK_UPLOAD = "UploadPackage";
    static final String TASK_PARSE = "ParsePackage";

    private final EmulatorState state;
    private final DownloadLinks links;

    DataWorksActions(EmulatorState state, DownloadLinks links) {
        this.state = state;
        this.links = links;
    }

    void register(Map<String, RpcAction> actions) {
        actions.put("GetMigrationSummary", action(this::getMigrationSummary));
        actions.put("CreateExportMigration", action(this::createExportMigration));
        actions.put("StartMigration", action(this::startMigration));
        actions.put("GetMigrationProcess", action(this::getMigrationProcess));
        actions.put("CreateImportMigration", action(this::createImportMigration));
        actions.put("ListMigrations", action(this::listMigrations));
    }

    private interface DataHandler {
        Object data(RpcCall call);
    }

    private static RpcAction action(DataHandler handler) {
        return new RpcAction() {
            @Override
            public String version() {
                return VERSION;
            }

            @Override
            public String product() {
                return "dataworks-public";
            }

            @Override
            public LinkedHashMap<String, Object> handle(RpcCall call) {
                Object data = handler.data(call);
                LinkedHashMap<String, Object> body = new LinkedHashMap<>();
                body.put("Success", true);
                body.put("Data", data);
                return body;
            }
        };
    }

    private long project(RpcCall call) {
        long projectId = call.requiredLong("ProjectId");
        if (!state.projectExists(projectId)) {
            throw new ApiException(400, ErrorCodes.PROJECT_NOT_EXISTS, "The project does not exist: " + projectId);
        }
        return projectId;
    }

    private MigrationState migration(RpcCall call) {
        long projectId = project(call);
        long migrationId = call.requiredLong("MigrationId");
        return state.migration(migrationId)
                .filter(m -> m.spec().projectId() == projectId)
                .orElseThrow(() -> new ApiException(400, ErrorCodes.MIGRATION_NOT_EXISTS,
                        "The migration does not exist: " + migrationId));
    }

    private Object getMigrationSummary(RpcCall call) {
        MigrationState m = migration(call);
        MigrationState.View view = m.poll(call.now());
        LinkedHashMap<String, Object> data = new LinkedHashMap<>();
        data.put("MigrationId", m.spec().id());
        data.put("Name", m.spec().name());
        data.put("GmtCreate", m.gmtCreate().toEpochMilli());
        data.put("GmtModified", view.gmtModified().toEpochMilli());
        data.put("CreateUser", m.spec().createUser());
        data.put("OpUser", m.spec().createUser());
        data.put("Status", view.status());
        data.put("ProjectId", m.spec().projectId());
        // Omitted (not empty) until there is something to download: clients must cope with its absence.
        if (m.spec().type() == MigrationType.EXPORT && "EXPORT_SUCCESS".equals(view.status()) && m.pkg() != null) {
            data.put("DownloadUrl", links.mint(m, call.now()));
        }
        return data;
    }

    private Object createExportMigration(RpcCall call) {
        long projectId = project(call);
        String name = call.required("Name");
        String mode = call.required("ExportMode");
        if (!EXPORT_MODES.contains(mode)) {
            throw ErrorCodes.invalid("ExportMode", "expected FULL or INCREMENTAL but got '" + mode + "'");
        }
        if (mode.equals("INCREMENTAL")) {
            call.requiredLong("IncrementalSince");
        } else if (call.optional("IncrementalSince") != null) {
            call.requiredLong("IncrementalSince");
        }
        String objectStatus = call.required("ExportObjectStatus");
        if (!OBJECT_STATUSES.contains(objectStatus)) {
            throw ErrorCodes.invalid("ExportObjectStatus",
                    "expected SAVED, SUBMITTED or DEPLOYED but got '" + objectStatus + "'");
        }
        MigrationState created = state.createExport(projectId, name, call.caller().userId(), call.optional("Description"))
                .orElseThrow(() -> nameTaken(name));
        return created.spec().id();
    }

    /**
     * CreateImportMigration. Whether the import will succeed is decided here, from the object the
     * PackageFile names: bytes equal (length and CRC-64) to an export package this emulator holds
     * succeed; a missing object fails in UploadPackage, an empty or unrecognised one in ParsePackage.
     */
    private Object createImportMigration(RpcCall call) {
        long projectId = project(call);
        String name = call.required("Name");
        String packageType = call.required("PackageType");
        if (!PACKAGE_TYPES.contains(packageType)) {
            throw ErrorCodes.invalid("PackageType",
                    "expected DATAWORKS_MODEL, DATAWORKS_V2 or DATAWORKS_V3 but got '" + packageType + "'");
        }
        String packageFile = call.required("PackageFile");
        String[] bucketAndKey = parsePackageFile(packageFile);
        for (String map : List.of("CalculateEngineMap", "ResourceGroupMap", "WorkspaceMap")) {
            stringMap(call, map);
        }
        commitRule(call);
        String failedTask = importFailure(bucketAndKey[0], bucketAndKey[1]);
        MigrationState.Details details = new MigrationState.Details(packageType, call.optional("Description"),
                packageFile, failedTask);
        MigrationState created = state.createImport(projectId, name, call.caller().userId(), details)
                .orElseThrow(() -> nameTaken(name));
        return created.spec().id();
    }

    /**
     * {@code http://<bucket>.<endpoint>/<key>} (what the SDK's Advance variant builds from a host
     * Endpoint) or {@code <base>/<bucket>/<key>} (from the emulator's base-URL Endpoint): returns
     * bucket and key. The host form is recognised by its first label being the emulator's bucket.
     */
    private String[] parsePackageFile(String url) {
        int scheme = url.indexOf("://");
        String prefix = scheme < 0 ? "" : url.substring(0, scheme).toLowerCase(java.util.Locale.ROOT);
        if (!prefix.equals("http") && !prefix.equals("https")) {
            throw ErrorCodes.invalid("PackageFile", "expected an http(s) URL of the uploaded package");
        }
        String rest = url.substring(scheme + 3);
        int slash = rest.indexOf('/');
        if (slash <= 0 || slash == rest.length() - 1) {
            throw ErrorCodes.invalid("PackageFile", "the URL names no object");
        }
        String authority = rest.substring(0, slash);
        String path = rest.substring(slash + 1);
        int query = path.indexOf('?');
        if (query >= 0) {
            path = path.substring(0, query);
        }
        path = java.net.URLDecoder.decode(path.replace("+", "%2B"), java.nio.charset.StandardCharsets.UTF_8);
        String bucket = links.bucket();
        if (authority.startsWith(bucket + ".")) {
            return new String[] {bucket, path};
        }
        int next = path.indexOf('/');
        if (next <= 0 || next == path.length() - 1) {
            throw ErrorCodes.invalid("PackageFile", "expected <endpoint>/<bucket>/<objectKey> or http://<bucket>.<endpoint>/<objectKey>");
        }
        return new String[] {path.substring(0, next), path.substring(next + 1)};
    }

    /** Null when the import will succeed, else the task that fails. */
    private String importFailure(String bucket, String key) {
        Optional<UploadStore.StoredObject> object = state.uploads().get(bucket, key);
        if (object.isEmpty()) {
            return TASK_UPLOAD;
        }
        UploadStore.StoredObject o = object.get();
        if (o.size() == 0 || state.exportPackageMatching(o.size(), o.crc64()).isEmpty()) {
            return TASK_PARSE;
        }
        return null;
    }

    private static JsonObject jsonObject(RpcCall call, String parameter) {
        String value = call.optional(parameter);
        if (value == null) {
            return null;
        }
        try {
            JsonElement json = JsonParser.parseString(value);
            if (!json.isJsonObject()) {
                throw ErrorCodes.invalid(parameter, "expected a JSON object");
            }
            return json.getAsJsonObject();
        } catch (JsonParseException e) {
            throw ErrorCodes.invalid(parameter, "malformed JSON");
        }
    }

    private static void stringMap(RpcCall call, String parameter) {
        JsonObject map = jsonObject(call, parameter);
        if (map == null) {
            return;
        }
        map.entrySet().forEach(e -> {
            JsonElement v = e.getValue();
            if (!v.isJsonPrimitive() || !v.getAsJsonPrimitive().isString()) {
                throw ErrorCodes.invalid(parameter, "the value of '" + e.getKey() + "' must be a string");
            }
        });
    }

    private static void commitRule(RpcCall call) {
        JsonObject rule = jsonObject(call, "CommitRule");
        if (rule == null) {
            return;
        }
        rule.entrySet().forEach(e -> {
            // Emulator's choice: an unknown key is an error, so a misspelt rule cannot be silently ignored.
            if (!COMMIT_RULE_KEYS.contains(e.getKey())) {
                throw ErrorCodes.invalid("CommitRule", "unknown key '" + e.getKey() + "'");
            }
            JsonElement v = e.getValue();
            if (!v.isJsonPrimitive() || !v.getAsJsonPrimitive().isBoolean()) {
                throw ErrorCodes.invalid("CommitRule", "the value of '" + e.getKey() + "' must be true or false");
            }
        });
    }

    /** ListMigrations: one page of a workspace's migrations of one type, newest first. */
    private Object listMigrations(RpcCall call) {
        long projectId = project(call);
        String type = call.required("MigrationType");
        if (!type.equals("IMPORT") && !type.equals("EXPORT")) {
            throw ErrorCodes.invalid("MigrationType", "expected IMPORT or EXPORT but got '" + type + "'");
        }
        String owner = call.optional("Owner");
        long pageNumber = optionalLong(call, "PageNumber", 1, 1, 100);
        long pageSize = optionalLong(call, "PageSize", 10, 1, 100);
        List<MigrationInfo> matching = state.migrations().stream()
                .filter(m -> m.spec().projectId() == projectId && m.spec().type().name().equals(type))
                .filter(m -> owner == null || owner.equals(m.spec().createUser()))
                .map(m -> m.info(call.now()))
                .toList();
        List<Map<String, Object>> page = new ArrayList<>();
        long from = (pageNumber - 1) * pageSize;
        for (long i = from; i < Math.min(matching.size(), from + pageSize); i++) {
            MigrationInfo m = matching.get((int) i);
            LinkedHashMap<String, Object> item = new LinkedHashMap<>();
            item.put("Id", m.id());
            item.put("Name", m.name());
            item.put("MigrationType", m.type().name());
            item.put("Status", m.status());
            item.put("ProjectId", m.projectId());
            item.put("PackageType", m.packageType());
            item.put("CreateTime", m.gmtCreate().toEpochMilli());
            item.put("UpdateTime", m.gmtModified().toEpochMilli());
            item.put("CreateUser", m.createUser());
            item.put("Description", m.description());
            page.add(item);
        }
        LinkedHashMap<String, Object> data = new LinkedHashMap<>();
        data.put("PageNumber", pageNumber);
        data.put("PageSize", pageSize);
        data.put("TotalCount", matching.size());
        data.put("Migrations", page);
        return data;
    }

    private static long optionalLong(RpcCall call, String name, long otherwise, long min, long max) {
        if (call.optional(name) == null) {
            return otherwise;
        }
        long value = call.requiredLong(name);
        if (value < min || value > max) {
            throw ErrorCodes.invalid(name, "expected " + min + " to " + max + " but got " + value);
        }
        return value;
    }

    private ApiException nameTaken(String name) {
        return new ApiException(400, state.scenario().duplicateNameCode(),
                "A migration named '" + name + "' already exists in the workspace.");
    }

    /**
     * StartMigration: Data is whether this call started it. What a second call on a started
     * migration does is the scenario's {@link SecondStart} (the reference does not say).
     */
    private Object startMigration(RpcCall call) {
        MigrationState m = migration(call);
        SecondStart second = state.scenario().secondStart();
        boolean started = m.start(call.now(), second == SecondStart.RUN_AGAIN);
        if (!started && second == SecondStart.REFUSE) {
            throw new ApiException(400, ErrorCodes.MIGRATION_ALREADY_STARTED,
                    "The migration " + m.spec().id() + " has been started already.");
        }
        return started;
    }

    private Object getMigrationProcess(RpcCall call) {
        MigrationState m = migration(call);
        String status = m.peek(call.now()).status();
        List<String> names = m.spec().type() == MigrationType.EXPORT
                ? List.of("PrepareExport", "ExportObjects", "UploadPackage")
                : List.of(TASK_UPLOAD, TASK_PARSE, "ImportObjects");
        List<String> statuses = taskStatuses(status);
        if (status.equals("IMPORT_ERROR") && TASK_UPLOAD.equals(m.details().failedTask())) {
            // The package never arrived: the first task failed and nothing after it ran.
            statuses = List.of("FAILURE", "INIT", "INIT");
        }
        List<Map<String, Object>> tasks = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            LinkedHashMap<String, Object> task = new LinkedHashMap<>();
            task.put("TaskName", names.get(i));
            task.put("TaskStatus", statuses.get(i));
            tasks.add(task);
        }
        return tasks;
    }

    /** Task statuses (INIT / RUNNING / FAILURE / SUCCESS) that tell the same story as the migration status. */
    static List<String> taskStatuses(String status) {
        switch (status) {
            case "INIT":
            case "EDITING":
                return List.of("INIT", "INIT", "INIT");
            case "EXPORTING":
            case "IMPORTING":
                return List.of("SUCCESS", "RUNNING", "INIT");
            case "EXPORT_SUCCESS":
            case "IMPORT_SUCCESS":
                return List.of("SUCCESS", "SUCCESS", "SUCCESS");
            case "EXPORT_ERROR":
            case "IMPORT_ERROR":
            case "REVOKED":
                return List.of("SUCCESS", "FAILURE", "INIT");
            case "PARTIAL_SUCCESS":
                return List.of("SUCCESS", "SUCCESS", "FAILURE");
            default:
                // An unknown migration status passes through, so clients meet unknown task statuses too.
                return List.of("SUCCESS", status, "INIT");
        }
    }
}
