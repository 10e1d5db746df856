package io.jenkins.plugins.dataworks.emulator.oss;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;

/**
 * An OSS PostObject policy: {@code {"expiration": ISO-8601 UTC, "conditions": [...]}}, Base64-encoded
 * and signed as a whole. Conditions understood: {@code {"bucket": v}}, {@code {"key": v}},
 * {@code ["eq", "$bucket"|"$key", v]}, {@code ["starts-with", "$key", prefix]} and
 * {@code ["content-length-range", min, max]}.
 */
record PostPolicy(Instant expiration, List<Condition> conditions) {

    static final DateTimeFormatter EXPIRATION = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);

    /** One condition; {@code field} is "bucket" or "key" for eq / starts-with. */
    record Condition(String op, String field, String value, long min, long max) {

        /** The condition as OSS quotes it in "Policy Condition failed" messages. */
        String quoted() {
            if (op.equals("content-length-range")) {
                return "[\"content-length-range\", " + min + ", " + max + "]";
            }
            return "[\"" + op + "\", \"$" + field + "\", \"" + value + "\"]";
        }
    }

    /** The policy AuthorizeFileUpload issues: this bucket, exactly this key, 1 to {@code maxBytes} bytes. */
    static String encode(Instant expiration, String bucket, String key, long maxBytes) {
        JsonObject policy = new JsonObject();
        policy.addProperty("expiration", EXPIRATION.format(expiration));
        JsonArray conditions = new JsonArray();
        JsonObject b = new JsonObject();
        b.addProperty("bucket", bucket);
        conditions.add(b);
        JsonArray k = new JsonArray();
        k.add("eq");
        k.add("$key");
        k.add(key);
        conditions.add(k);
        JsonArray range = new JsonArray();
        range.add("content-length-range");
        range.add(1);
        range.add(maxBytes);
        conditions.add(range);
        policy.add("conditions", conditions);
        return Base64.getEncoder().encodeToString(policy.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** Decodes a policy; IllegalArgumentException (InvalidPolicyDocument) for anything malformed. */
    static PostPolicy decode(String encoded) {
        JsonObject root;
        try {
            root = JsonParser.parseString(new String(Base64.getDecoder().decode(encoded.trim()), StandardCharsets.UTF_8))
                    .getAsJsonObject();
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("Invalid Policy: Invalid JSON.", e);
        }
        if (!root.has("expiration")) {
            throw new IllegalArgumentException("Invalid Policy: Policy missing expiration.");
        }
        Instant expiration;
        try {
            expiration = Instant.parse(root.get("expiration").getAsString());
        } catch (DateTimeParseException | ClassCastException | IllegalStateException | UnsupportedOperationException e) {
            throw new IllegalArgumentException("Invalid Policy: Invalid 'expiration' value.", e);
        }
        List<Condition> conditions = new ArrayList<>();
        if (!root.has("conditions") || !root.get("conditions").isJsonArray()) {
            throw new IllegalArgumentException("Invalid Policy: Policy missing conditions.");
        }
        for (JsonElement c : root.getAsJsonArray("conditions")) {
            conditions.add(condition(c));
        }
        return new PostPolicy(expiration, conditions);
    }

    private static Condition condition(JsonElement c) {
        try {
            if (c.isJsonObject()) {
                JsonObject o = c.getAsJsonObject();
                if (o.size() != 1) {
                    throw new IllegalArgumentException("Invalid Policy: Invalid Simple-Condition.");
                }
                String field = o.keySet().iterator().next();
                return new Condition("eq", field(field), o.get(field).getAsString(), 0, 0);
            }
            JsonArray a = c.getAsJsonArray();
            String op = a.get(0).getAsString().toLowerCase(Locale.ROOT);
            if (op.equals("content-length-range") && a.size() == 3) {
                return new Condition(op, null, null, a.get(1).getAsLong(), a.get(2).getAsLong());
            }
            if ((op.equals("eq") || op.equals("starts-with")) && a.size() == 3) {
                String name = a.get(1).getAsString();
                if (!name.startsWith("$")) {
                    throw new IllegalArgumentException("Invalid Policy: Invalid field name.");
                }
                return new Condition(op, field(name.substring(1)), a.get(2).getAsString(), 0, 0);
            }
        } catch (IllegalArgumentException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("Invalid Policy: Invalid Condition.", e);
        }
        throw new IllegalArgumentException("Invalid Policy: Unknown condition: " + c);
    }

    private static String field(String name) {
        String f = name.toLowerCase(Locale.ROOT);
        if (!f.equals("bucket") && !f.equals("key")) {
            // The emulator's own policies only constrain these two; anything else is a client-made policy.
            throw new IllegalArgumentException("Invalid Policy: Unsupported condition field: " + name);
        }
        return f;
    }

    /** The first condition on bucket or key that {@code bucket}/{@code key} fail, or null. */
    Condition failedFieldCondition(String bucket, String key) {
        for (Condition c : conditions) {
            if (c.field() == null) {
                continue;
            }
            String actual = c.field().equals("bucket") ? bucket : key;
            boolean ok = c.op().equals("eq") ? actual.equals(c.value()) : actual.startsWith(c.value());
            if (!ok) {
                return c;
            }
        }
        return null;
    }

    /** The content-length-range condition, or null. */
    Condition lengthRange() {
        for (Condition c : conditions) {
            if (c.op().equals("content-length-range")) {
                return c;
            }
        }
        return null;
    }
}
