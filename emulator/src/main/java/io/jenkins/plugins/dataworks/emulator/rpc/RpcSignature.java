package io.jenkins.plugins.dataworks.emulator.rpc;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.Map;
import java.util.TreeMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** RPC signature version 1.0 (HMAC-SHA1), computed the way aliyun-java-sdk-core does. */
public final class RpcSignature {

    private RpcSignature() {
    }

    /** {@code METHOD&%2F&enc(sorted enc(name)=enc(value) joined by &)}, every parameter except Signature. */
    public static String stringToSign(String method, Map<String, String> params) {
        TreeMap<String, String> sorted = new TreeMap<>(params);
        sorted.remove("Signature");
        StringBuilder canonical = new StringBuilder();
        for (Map.Entry<String, String> e : sorted.entrySet()) {
            if (canonical.length() > 0) {
                canonical.append('&');
            }
            canonical.append(Encoding.enc(e.getKey())).append('=').append(Encoding.enc(e.getValue()));
        }
        return method + "&" + Encoding.enc("/") + "&" + Encoding.enc(canonical.toString());
    }

    /** Base64(HMAC-SHA1(secret + "&", stringToSign)). */
    public static String sign(String secret, String stringToSign) {
        return Base64.getEncoder().encodeToString(hmacSha1((secret + "&").getBytes(StandardCharsets.UTF_8),
                stringToSign.getBytes(StandardCharsets.UTF_8)));
    }

    static byte[] hmacSha1(byte[] key, byte[] data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(key, "HmacSHA1"));
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA1 unavailable", e);
        }
    }
}
