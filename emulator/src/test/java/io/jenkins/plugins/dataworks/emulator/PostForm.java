package io.jenkins.plugins.dataworks.emulator;

import com.google.gson.JsonObject;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** A hand-built OSS PostObject multipart/form-data request, as a browser or the OSS SDK sends it. */
final class PostForm {

    final Map<String, String> fields = new LinkedHashMap<>();
    byte[] file = new byte[0];
    final String boundary = "----emulator-test-" + UUID.randomUUID();

    /** The fields AuthorizeFileUpload's answer gives, in the order the SDK sends them. */
    static PostForm from(JsonObject grant) {
        PostForm form = new PostForm();
        form.fields.put("OSSAccessKeyId", grant.get("AccessKeyId").getAsString());
        form.fields.put("policy", grant.get("EncodedPolicy").getAsString());
        form.fields.put("Signature", grant.get("Signature").getAsString());
        form.fields.put("key", grant.get("ObjectKey").getAsString());
        form.fields.put("success_action_status", "201");
        return form;
    }

    PostForm file(byte[] bytes) {
        file = bytes;
        return this;
    }

    PostForm field(String name, String value) {
        if (value == null) {
            fields.remove(name);
        } else {
            fields.put(name, value);
        }
        return this;
    }

    /** The whole body; {@code withFile} false leaves the file part out. */
    byte[] body(boolean withFile) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        fields.forEach((name, value) -> write(out, "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name
                + "\"\r\n\r\n" + value + "\r\n"));
        if (withFile) {
            write(out, "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"package.zip\"\r\n"
                    + "Content-Type: application/octet-stream\r\n\r\n");
            out.writeBytes(file);
            write(out, "\r\n");
        }
        write(out, "--" + boundary + "--\r\n");
        return out.toByteArray();
    }

    private static void write(ByteArrayOutputStream out, String s) {
        out.writeBytes(s.getBytes(StandardCharsets.UTF_8));
    }

    /** The POST URL for a grant's Endpoint: a base URL (contains ://) is used path style. */
    static URI postUrl(JsonObject grant) {
        String endpoint = grant.get("Endpoint").getAsString();
        String bucket = grant.get("Bucket").getAsString();
        return endpoint.contains("://") ? URI.create(endpoint + "/" + bucket) : URI.create("https://" + bucket + "." + endpoint + "/");
    }

    /** The PackageFile for CreateImportMigration, path style for a base-URL Endpoint. */
    static String packageFile(JsonObject grant) {
        String endpoint = grant.get("Endpoint").getAsString();
        String bucket = grant.get("Bucket").getAsString();
        String key = grant.get("ObjectKey").getAsString();
        return endpoint.contains("://") ? endpoint + "/" + bucket + "/" + key : "http://" + bucket + "." + endpoint + "/" + key;
    }

    HttpResponse<String> post(HttpClient http, URI url) throws Exception {
        return send(http, url, body(true));
    }

    /** Sends {@code bytes} as the body, whatever they are (tests of truncated bodies). */
    HttpResponse<String> send(HttpClient http, URI url, byte[] bytes) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(url)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .timeout(Duration.ofSeconds(20))
                .POST(HttpRequest.BodyPublishers.ofByteArray(bytes)).build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    /** The body cut {@code missing} bytes before its end. */
    byte[] truncated(int missing) {
        byte[] whole = body(true);
        return Arrays.copyOf(whole, whole.length - missing);
    }
}
