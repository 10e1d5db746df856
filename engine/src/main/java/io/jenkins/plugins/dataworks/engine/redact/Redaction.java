package io.jenkins.plugins.dataworks.engine.redact;

/**
 * Keeps secrets out of text meant for people. A presigned URL carries its credential in the
 * query (Signature, OSSAccessKeyId, security-token), so only scheme, host and path may be shown.
 */
public final class Redaction {

    private Redaction() {}

    /** {@code https://b.oss-cn-shanghai.aliyuncs.com/p/x.zip?Expires=..&Signature=..} becomes {@code https://b.oss-cn-shanghai.aliyuncs.com/p/x.zip?<redacted>}. */
    public static String url(String url) {
        if (url == null) {
            return null;
        }
        int cut = indexOfAny(url, '?', '#');
        return cut < 0 ? url : url.substring(0, cut) + "?<redacted>";
    }

    private static int indexOfAny(String s, char a, char b) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == a || c == b) {
                return i;
            }
        }
        return -1;
    }
}
