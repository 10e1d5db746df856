package io.jenkins.plugins.dataworks.engine.client;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import io.jenkins.plugins.dataworks.engine.error.InvalidInputException;
import io.jenkins.plugins.dataworks.engine.text.Setting;
import java.io.Serializable;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The parameters of CreateImportMigration other than the package, checked before any call: the
 * JSON of the mappings and of the commit rule is parsed here, so that a typo fails the build at
 * once, naming the parameter, instead of after an upload.
 *
 * @param projectId the workspace to import into
 * @param name unique in the workspace; the key by which a retry finds a migration it already created
 * @param calculateEngineMap nullable JSON object of strings: compute engine in the package to one in the workspace
 * @param resourceGroupMap nullable JSON object of strings
 * @param workspaceMap nullable JSON object of strings
 * @param commitRule nullable JSON object of booleans, keys among {@link #COMMIT_RULE_KEYS}
 * @param description nullable
 */
public record ImportSpec(long projectId, String name, PackageType packageType, String calculateEngineMap,
        String resourceGroupMap, String workspaceMap, String commitRule, String description) implements Serializable {

    private static final long serialVersionUID = 1L;

    public static final Set<String> COMMIT_RULE_KEYS = Set.of(
            "resourceAutoCommit", "resourceAutoDeploy", "functionAutoCommit", "functionAutoDeploy",
            "tableAutoCommitToDev", "tableAutoCommitToProd", "ignoreLock", "fileAutoCommit", "fileAutoDeploy");

    /** DATAWORKS_MODEL is the format DataWorks exports; V2 and V3 are Apsara Stack formats. */
    public enum PackageType {
        DATAWORKS_MODEL,
        DATAWORKS_V2,
        DATAWORKS_V3
    }

    public ImportSpec {
        MigrationRef.checkProjectId(projectId);
        name = MigrationNames.check(name);
        Objects.requireNonNull(packageType, "packageType");
        calculateEngineMap = stringMap(Setting.CALCULATE_ENGINE_MAP, calculateEngineMap);
        resourceGroupMap = stringMap(Setting.RESOURCE_GROUP_MAP, resourceGroupMap);
        workspaceMap = stringMap(Setting.WORKSPACE_MAP, workspaceMap);
        commitRule = commitRule(commitRule);
        description = description == null || description.isBlank() ? null : description;
    }

    /** An import of a DataWorks export package with the service's defaults for everything else. */
    public static ImportSpec of(long projectId, String name) {
        return new ImportSpec(projectId, name, PackageType.DATAWORKS_MODEL, null, null, null, null, null);
    }

    private static String stringMap(Setting setting, String json) {
        JsonObject object = object(setting, json, "{\"odps_first\": \"odps_prod\"}");
        if (object == null) {
            return null;
        }
        for (Map.Entry<String, JsonElement> e : object.entrySet()) {
            JsonElement v = e.getValue();
            if (!v.isJsonPrimitive() || !v.getAsJsonPrimitive().isString()) {
                throw new InvalidInputException(setting.engineName(),
                        "maps '" + e.getKey() + "' to " + kind(v) + ": every value must be a string");
            }
        }
        return json.strip();
    }

    private static String commitRule(String json) {
        JsonObject object = object(Setting.COMMIT_RULE, json, "{\"resourceAutoCommit\": true}");
        if (object == null) {
            return null;
        }
        for (Map.Entry<String, JsonElement> e : object.entrySet()) {
            if (!COMMIT_RULE_KEYS.contains(e.getKey())) {
                throw new InvalidInputException(Setting.COMMIT_RULE.engineName(), "has the unknown key '" + e.getKey()
                        + "': use " + String.join(", ", COMMIT_RULE_KEYS.stream().sorted().toList()));
            }
            JsonElement v = e.getValue();
            if (!v.isJsonPrimitive() || !v.getAsJsonPrimitive().isBoolean()) {
                throw new InvalidInputException(Setting.COMMIT_RULE.engineName(),
                        "sets '" + e.getKey() + "' to " + kind(v) + ": use true or false");
            }
        }
        return json.strip();
    }

    private static JsonObject object(Setting setting, String json, String example) {
        if (json == null || json.isBlank()) {
            return null;
        }
        JsonElement parsed;
        try {
            parsed = JsonParser.parseString(json);
        } catch (JsonParseException e) {
            throw new InvalidInputException(setting.engineName(), "is not valid JSON: write an object such as " + example);
        }
        if (!parsed.isJsonObject()) {
            throw new InvalidInputException(setting.engineName(),
                    "is " + kind(parsed) + ", not a JSON object: write one such as " + example);
        }
        return parsed.getAsJsonObject();
    }

    private static String kind(JsonElement v) {
        if (v.isJsonNull()) {
            return "null";
        }
        if (v.isJsonArray()) {
            return "an array";
        }
        if (v.isJsonObject()) {
            return "an object";
        }
        return v.getAsJsonPrimitive().isString() ? "a string" : v.getAsJsonPrimitive().isBoolean() ? "a boolean" : "a number";
    }
}
