package io.jenkins.plugins.dataworks.engine.auth;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import io.jenkins.plugins.dataworks.engine.error.InvalidInputException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads credentials from the Alibaba Cloud CLI's config file ({@code ~/.aliyun/config.json},
 * written by {@code aliyun configure}). Supported modes: AK, StsToken and RamRoleArn; the others
 * (EcsRamRole, OIDC, CloudSSO, External, ...) need machinery the engine does not have.
 */
public final class AliyunCliConfig {

    /** The field that names the file in errors; the CLI calls it --config-path. */
    static final String FIELD = "profile";
    private static final Duration CLI_DEFAULT_ROLE_DURATION = Duration.ofSeconds(900);

    private AliyunCliConfig() {}

    /** {@code <home>/.aliyun/config.json}. */
    public static Path defaultPath(Path userHome) {
        return userHome.resolve(".aliyun").resolve("config.json");
    }

    /**
     * The named profile, or the file's current one when {@code profileName} is null or blank.
     *
     * @throws InvalidInputException naming the file, the profile and what is wrong with it
     */
    public static AliyunCliProfile load(Path configFile, String profileName) {
        JsonObject root = parse(configFile);
        String wanted = profileName == null || profileName.isBlank() ? string(root, "current") : profileName.strip();
        if (wanted == null) {
            wanted = "default";
        }
        JsonArray profiles = root.has("profiles") && root.get("profiles").isJsonArray()
                ? root.getAsJsonArray("profiles") : new JsonArray();
        List<String> names = new ArrayList<>();
        for (JsonElement e : profiles) {
            if (!e.isJsonObject()) {
                continue;
            }
            JsonObject p = e.getAsJsonObject();
            String name = string(p, "name");
            if (wanted.equals(name)) {
                return toProfile(configFile, name, p);
            }
            if (name != null) {
                names.add(name);
            }
        }
        throw new InvalidInputException(FIELD, "'" + wanted + "' is not in " + configFile
                + (names.isEmpty() ? ": run 'aliyun configure --profile " + wanted + "'" : ": use one of " + String.join(", ", names)));
    }

    private static AliyunCliProfile toProfile(Path file, String name, JsonObject p) {
        String mode = string(p, "mode");
        String region = string(p, "region_id");
        String where = "of profile '" + name + "' in " + file;
        String fix = ": run 'aliyun configure --profile " + name + "'";
        CredentialsSource credentials;
        switch (mode == null ? "AK" : mode) {
            case "AK" -> credentials = new AccessKeyCredentials(
                    required(p, "access_key_id", where, fix), secret(p, "access_key_secret", where, fix));
            case "StsToken" -> credentials = new SessionCredentials(
                    required(p, "access_key_id", where, fix), secret(p, "access_key_secret", where, fix),
                    secret(p, "sts_token", where, fix));
            case "RamRoleArn" -> {
                AccessKeyCredentials base = new AccessKeyCredentials(
                        required(p, "access_key_id", where, fix), secret(p, "access_key_secret", where, fix));
                String sessionName = string(p, "ram_session_name");
                credentials = AssumeRoleCredentials.of(base, required(p, "ram_role_arn", where, fix),
                        sessionName == null ? "dataworks-migration" : sessionName, roleDuration(p));
            }
            default -> throw new InvalidInputException(FIELD, "'" + name + "' in " + file + " uses mode " + mode
                    + ", which is not supported: use a profile of mode AK, StsToken or RamRoleArn, or pass credentials explicitly");
        }
        return new AliyunCliProfile(name, region, credentials);
    }

    /** The CLI writes expired_seconds 0 for "its default" (900 s); outside STS's range the engine clamps. */
    private static Duration roleDuration(JsonObject p) {
        JsonElement e = p.get("expired_seconds");
        long seconds = 0;
        if (e != null && e.isJsonPrimitive() && e.getAsJsonPrimitive().isNumber()) {
            seconds = e.getAsLong();
        }
        if (seconds <= 0) {
            return CLI_DEFAULT_ROLE_DURATION;
        }
        Duration d = Duration.ofSeconds(seconds);
        if (d.compareTo(AssumeRoleCredentials.MIN_DURATION) < 0) {
            return AssumeRoleCredentials.MIN_DURATION;
        }
        return d.compareTo(AssumeRoleCredentials.MAX_DURATION) > 0 ? AssumeRoleCredentials.MAX_DURATION : d;
    }

    private static JsonObject parse(Path file) {
        if (file == null) {
            throw new InvalidInputException(FIELD, "config file is not given: use ~/.aliyun/config.json");
        }
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new InvalidInputException(FIELD, "config file " + file + " does not exist: run 'aliyun configure' or pass credentials explicitly");
        } catch (IOException e) {
            throw new InvalidInputException(FIELD, "config file " + file + " cannot be read (" + e.getClass().getSimpleName() + "): check its permissions");
        }
        try {
            JsonElement root = JsonParser.parseString(text);
            if (!root.isJsonObject()) {
                throw new JsonParseException("not an object");
            }
            return root.getAsJsonObject();
        } catch (JsonParseException | IllegalStateException e) {
            // The parser's message may quote the file, secrets included: say only where to look.
            throw new InvalidInputException(FIELD, "config file " + file + " is not valid JSON: fix it or run 'aliyun configure'");
        }
    }

    private static String required(JsonObject p, String key, String where, String fix) {
        String v = string(p, key);
        if (v == null) {
            throw new InvalidInputException(key, "is empty " + where + fix);
        }
        return v;
    }

    private static SecretValue secret(JsonObject p, String key, String where, String fix) {
        return SecretValue.of(key, required(p, key, where, fix));
    }

    private static String string(JsonObject o, String key) {
        JsonElement e = o.get(key);
        if (e == null || e.isJsonNull() || !e.isJsonPrimitive()) {
            return null;
        }
        String s = e.getAsString();
        return s.isBlank() ? null : s.strip();
    }
}
