package io.jenkins.plugins.dataworks.emulator;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Hand-built RPC requests, signed by a test-local implementation of the v1.0 signature (independent
 * of the emulator's), for the cases the SDK cannot produce: reused nonces, stale timestamps, missing
 * parameters.
 */
final class RawRpc {

    static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'").withZone(ZoneOffset.UTC);

    record Answer(int status, String contentType, String body) {
        JsonObject json() {
            return JsonParser.parseString(body).getAsJsonObject();
        }

        String code() {
            return json().get("Code").getAsString();
        }
    }

    private final URI endpoint;
    private final HttpClient http;

    RawRpc(URI endpoint) {
        this(endpoint, HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build());
    }

    RawRpc(URI endpoint, HttpClient http) {
        this.endpoint = endpoint;
        this.http = http;
    }

    /** The usual signed parameters for a DataWorks action, minus Signature. */
    static Map<String, String> params(String action, String keyId, Instant timestamp, String nonce) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("Action", action);
        p.put("Version", "2020-05-18");
        p.put("Format", "JSON");
        p.put("RegionId", "cn-shanghai");
        p.put("AccessKeyId", keyId);
        p.put("SignatureMethod", "HMAC-SHA1");
        p.put("SignatureVersion", "1.0");
        p.put("SignatureNonce", nonce);
        p.put("Timestamp", TIMESTAMP.format(timestamp));
        return p;
    }

    static Map<String, String> params(String action, String keyId) {
        return params(action, keyId, Instant.now(), UUID.randomUUID().toString());
    }

    static String percent(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20").replace("*", "%2A").replace("%7E", "~");
    }

    static String stringToSign(String method, Map<String, String> params) {
        String canonical = new TreeMap<>(params).entrySet().stream()
                .filter(e -> !e.getKey().equals("Signature"))
                .map(e -> percent(e.getKey()) + "=" + percent(e.getValue()))
                .collect(Collectors.joining("&"));
        return method + "&%2F&" + percent(canonical);
    }

    static String sign(String secret, String stringToSign) {
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec((secret + "&").getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
            return Base64.getEncoder().encodeToString(mac.doFinal(stringToSign.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Signs all of {@code params} and sends them as a GET query. */
    Answer signedGet(Map<String, String> params, String secret) throws Exception {
        Map<String, String> all = new LinkedHashMap<>(params);
        all.put("Signature", sign(secret, stringToSign("GET", params)));
        return get(all);
    }

    /** Sends exactly {@code params} as a GET query (no signing). */
    Answer get(Map<String, String> params) throws Exception {
        String query = params.entrySet().stream().map(e -> percent(e.getKey()) + "=" + percent(e.getValue()))
                .collect(Collectors.joining("&"));
        HttpRequest request = HttpRequest.newBuilder(URI.create(endpoint + "/?" + query)).GET()
                .timeout(Duration.ofSeconds(10)).build();
        return send(request);
    }

    /** Signs and sends: {@code query} in the URL, {@code body} form-encoded (plain URL encoding, space as +). */
    Answer signedPost(Map<String, String> query, Map<String, String> body, String secret) throws Exception {
        Map<String, String> signed = new LinkedHashMap<>(query);
        signed.putAll(body);
        Map<String, String> q = new LinkedHashMap<>(query);
        q.put("Signature", sign(secret, stringToSign("POST", signed)));
        String queryString = q.entrySet().stream().map(e -> percent(e.getKey()) + "=" + percent(e.getValue()))
                .collect(Collectors.joining("&"));
        String form = body.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpRequest request = HttpRequest.newBuilder(URI.create(endpoint + "/?" + queryString))
                .header("Content-Type", "application/x-www-form-urlencoded;charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(form)).timeout(Duration.ofSeconds(10)).build();
        return send(request);
    }

    private Answer send(HttpRequest request) throws Exception {
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        return new Answer(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""), response.body());
    }
}
