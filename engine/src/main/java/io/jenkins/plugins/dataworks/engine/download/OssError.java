package io.jenkins.plugins.dataworks.engine.download;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The interesting part of an OSS error body ({@code <Error><Code>..</Code><Message>..</Message>}).
 * Other elements (StringToSign, SignatureProvided, ...) echo request details and are never kept.
 *
 * @param code e.g. AccessDenied; null when the body was not an OSS error
 * @param message the service's explanation, shortened to one line; null when absent
 */
public record OssError(String code, String message) {

    /** Error bodies are small; reading more would let a hostile server make us buffer a package. */
    public static final int MAX_BODY_BYTES = 16 * 1024;
    private static final int MAX_MESSAGE_CHARS = 200;

    /** Public because the package upload ({@code engine.upload}) reads the same error bodies. */
    public static OssError parse(byte[] body) {
        String xml = new String(body, StandardCharsets.UTF_8);
        return new OssError(element(xml, "Code"), element(xml, "Message"));
    }

    /** OSS says AccessDenied with "Request has expired." once a presigned URL is past its Expires. */
    boolean isExpiredUrl() {
        return "AccessDenied".equals(code) && message != null && message.toLowerCase(Locale.ROOT).contains("expired");
    }

    private static String element(String xml, String name) {
        Matcher m = Pattern.compile("<" + name + ">([^<]*)</" + name + ">").matcher(xml);
        if (!m.find()) {
            return null;
        }
        String text = m.group(1).replaceAll("\\s+", " ").strip();
        if (text.isEmpty()) {
            return null;
        }
        return text.length() > MAX_MESSAGE_CHARS ? text.substring(0, MAX_MESSAGE_CHARS) + "..." : text;
    }
}
