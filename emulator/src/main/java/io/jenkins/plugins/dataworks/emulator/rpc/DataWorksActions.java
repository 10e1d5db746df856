package io.jenkins.plugins.dataworks.emulator.rpc;

import io.jenkins.plugins.dataworks.emulator.oss.DownloadLinks;
import io.jenkins.plugins.dataworks.emulator.scenario.MigrationSpec.MigrationType;
import io.jenkins.plugins.dataworks.emulator.state.EmulatorState;
import io.jenkins.plugins.dataworks.emulator.state.MigrationState;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The DataWorks (dataworks-public, 2020-05-18) migration actions. */
final class DataWorksActions {

    static final String VERSION = "2020-05-18";
    private static final Set<String> EXPORT_MODES = Set.of("FULL", "INCREMENTAL");
    private static final Set<String> OBJECT_STATUSES = Set.of("SAVED", "SUBMITTED", "DEPLOYED");

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
        MigrationState created = state.createExport(projectId, name, call.caller().userId())
                .orElseThrow(() -> new ApiException(400, ErrorCodes.MIGRATION_NAME_EXISTS,
                        "A migration named '" + name + "' already exists in the workspace."));
        return created.spec().id();
    }

    private Object startMigration(RpcCall call) {
        return migration(call).start(call.now());
    }

    private Object getMigrationProcess(RpcCall call) {
        MigrationState m = migration(call);
        String status = m.peek(call.now()).status();
        List<String> names = m.spec().type() == MigrationType.EXPORT
                ? List.of("PrepareExport", "ExportObjects", "UploadPackage")
                : List.of("UploadPackage", "ParsePackage", "ImportObjects");
        List<String> statuses = taskStatuses(status);
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
