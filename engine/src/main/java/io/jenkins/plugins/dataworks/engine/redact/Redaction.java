package io.jenkins.plugins.dataworks.engine.redact;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Keeps secrets out of text meant for people. A presigned URL carries its credential in the
 * query (Signature, OSSAccessKeyId, security-token), so only scheme, host and path may be shown.
 */
public final class Redaction {

    /** What replaces a secret value in text. */
    public static final String MASK = "****";

    /** A URL inside free text: up to the first whitespace or quote. */
    private static final Pattern URL_IN_TEXT = Pattern.compile("(?i)\\b(?:https?|ftp)://[^\\s\"'<>]+");

    /**
     * Signed request parameters that must never be shown even outside a URL, e.g. in a server's
     * echo of the string to sign ({@code SecurityToken%3DCAIS...}).
     */
    private static final Pattern SECRET_PARAMETER = Pattern.compile(
            "(?i)((?:SecurityToken|security-token|Signature|AccessKeySecret|x-acs-security-token)(?:=|%3D))(?:(?!%26)[^&\\s\"'])+");

    /** Secrets shorter than this are not scrubbed by value: masking "a" would garble all text. */
    private static final int MIN_SCRUBBED_LENGTH = 4;

    private Redaction() {}

    /** {@code https://b.oss-cn-shanghai.aliyuncs.com/p/x.zip?Expires=..&Signature=..} becomes {@code https://b.oss-cn-shanghai.aliyuncs.com/p/x.zip?<redacted>}. */
    public static String url(String url) {
        if (url == null) {
            return null;
        }
        int cut = indexOfAny(url, '?', '#');
        String shown = cut < 0 ? url : url.substring(0, cut) + "?<redacted>";
        return withoutUserInfo(shown);
    }

    /**
     * Free text (an SDK or server message) with the query of every URL in it cut off and signed
     * parameters such as SecurityToken or Signature masked wherever they appear.
     */
    public static String text(String text) {
        if (text == null) {
            return null;
        }
        Matcher m = URL_IN_TEXT.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(url(m.group())));
        }
        m.appendTail(out);
        return SECRET_PARAMETER.matcher(out).replaceAll("$1" + MASK);
    }

    /**
     * {@link #text(String)} plus every occurrence of the given secret values (AccessKey secret,
     * STS token) replaced by {@link #MASK}. Null and very short values are ignored.
     */
    public static String text(String text, Collection<String> secrets) {
        String scrubbed = text(text);
        if (scrubbed == null || secrets == null || secrets.isEmpty()) {
            return scrubbed;
        }
        // Longest first, so a secret that contains another is masked whole.
        List<String> ordered = secrets.stream()
                .filter(Objects::nonNull)
                .filter(s -> s.length() >= MIN_SCRUBBED_LENGTH)
                .sorted(Comparator.comparingInt(String::length).reversed())
                .toList();
        for (String secret : ordered) {
            scrubbed = scrubbed.replace(secret, MASK);
        }
        return scrubbed;
    }

    private static String withoutUserInfo(String url) {
        int scheme = url.indexOf("://");
        if (scheme < 0) {
            return url;
        }
        int authorityStart = scheme + 3;
        int authorityEnd = indexOfAny(url.substring(authorityStart), '/', '?');
        String authority = authorityEnd < 0 ? url.substring(authorityStart) : url.substring(authorityStart, authorityStart + authorityEnd);
        int at = authority.lastIndexOf('@');
        if (at < 0) {
            return url;
        }
        String rest = authorityEnd < 0 ? "" : url.substring(authorityStart + authorityEnd);
        return url.substring(0, authorityStart) + "<redacted>@" + authority.substring(at + 1) + rest;
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
