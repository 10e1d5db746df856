package io.jenkins.plugins.dataworks.emulator.oss;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * OSS signature V1 for query-string (presigned) URLs:
 * Signature = Base64(HMAC-SHA1(secret, VERB \n Content-MD5 \n Content-Type \n Expires \n
 * CanonicalizedOSSHeaders CanonicalizedResource)). The emulator holds one OSS key pair per instance;
 * its secret never leaves the process.
 */
public final class OssUrlSigner {

    private final String accessKeyId;
    private final byte[] secret;

    public OssUrlSigner(String accessKeyId, String secret) {
        this.accessKeyId = accessKeyId;
        this.secret = secret.getBytes(StandardCharsets.UTF_8);
    }

    public String accessKeyId() {
        return accessKeyId;
    }

    /**
     * The string OSS signs. {@code ossHeaders} are the request's x-oss-* headers (any case), which V1
     * signs as lower-case "name:value\n" lines in name order.
     */
    public static String stringToSign(String verb, String contentMd5, String contentType, long expires,
            Map<String, String> ossHeaders, String bucket, String key) {
        StringBuilder s = new StringBuilder();
        s.append(verb).append('\n')
                .append(contentMd5 == null ? "" : contentMd5).append('\n')
                .append(contentType == null ? "" : contentType).append('\n')
                .append(expires).append('\n');
        TreeMap<String, String> canonical = new TreeMap<>();
        ossHeaders.forEach((k, v) -> canonical.put(k.toLowerCase(Locale.ROOT), v.trim()));
        canonical.forEach((k, v) -> s.append(k).append(':').append(v).append('\n'));
        s.append('/').append(bucket).append('/').append(key);
        return s.toString();
    }

    public String sign(String stringToSign) {
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(secret, "HmacSHA1"));
            return Base64.getEncoder().encodeToString(mac.doFinal(stringToSign.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA1 unavailable", e);
        }
    }

    /** A path-style presigned URL: {@code base/bucket/key?Expires=..&OSSAccessKeyId=..&Signature=..}. */
    public String presign(URI base, String verb, String bucket, String key, long expires, Map<String, String> ossHeaders) {
        String signature = sign(stringToSign(verb, null, null, expires, ossHeaders, bucket, key));
        String root = base.toString().endsWith("/") ? base.toString() : base + "/";
        return root + bucket + "/" + encodePath(key) + "?Expires=" + expires
                + "&OSSAccessKeyId=" + URLEncoder.encode(accessKeyId, StandardCharsets.UTF_8)
                + "&Signature=" + URLEncoder.encode(signature, StandardCharsets.UTF_8);
    }

    /** Percent-encodes each path segment, keeping the slashes. */
    static String encodePath(String key) {
        StringBuilder out = new StringBuilder();
        String[] segments = key.split("/", -1);
        for (int i = 0; i < segments.length; i++) {
            if (i > 0) {
                out.append('/');
            }
            out.append(URLEncoder.encode(segments[i], StandardCharsets.UTF_8).replace("+", "%20"));
        }
        return out.toString();
    }

    /** The object key of a migration's package; the name is reduced to safe characters. */
    public static String objectKey(long projectId, long migrationId, String name) {
        return "dataworks/export/" + projectId + "/" + migrationId + "/" + name.replaceAll("[^A-Za-z0-9._-]", "_") + ".zip";
    }
}
