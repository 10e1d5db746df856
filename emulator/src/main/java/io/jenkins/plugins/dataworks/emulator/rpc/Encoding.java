package io.jenkins.plugins.dataworks.emulator.rpc;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** The percent-encoding rules of the Alibaba Cloud RPC signature, and form/query decoding. */
public final class Encoding {

    private Encoding() {
    }

    /** RPC signature encoding: UTF-8 URL encoding with {@code +} as {@code %20}, {@code *} as {@code %2A}, {@code %7E} as {@code ~}. */
    public static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8)
                .replace("+", "%20")
                .replace("*", "%2A")
                .replace("%7E", "~");
    }

    /**
     * Decodes an {@code application/x-www-form-urlencoded} string (or a raw query string) into
     * {@code into}; later duplicates win. Throws IllegalArgumentException on broken escapes.
     */
    public static void decodeForm(String raw, Map<String, String> into) {
        if (raw == null || raw.isEmpty()) {
            return;
        }
        for (String pair : raw.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = eq < 0 ? pair : pair.substring(0, eq);
            String value = eq < 0 ? "" : pair.substring(eq + 1);
            into.put(URLDecoder.decode(name, StandardCharsets.UTF_8), URLDecoder.decode(value, StandardCharsets.UTF_8));
        }
    }
}
