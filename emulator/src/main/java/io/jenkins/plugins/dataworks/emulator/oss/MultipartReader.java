package io.jenkins.plugins.dataworks.emulator.oss;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A streaming multipart/form-data reader (RFC 7578) for PostObject: parts are read one after the
 * other and a part's body goes to a {@link Sink} as it arrives, so a file part of any size passes
 * through a fixed 64 KiB buffer. The delimiter is found with Knuth-Morris-Pratt, byte by byte over
 * that buffer, so a boundary split across reads is still found.
 */
final class MultipartReader {

    /** Where a part's bytes go. */
    interface Sink {
        void write(byte[] bytes, int offset, int length) throws IOException;
    }

    /** The headers of one part: its form field name and, for a file, the file name. */
    record PartHeader(String name, String filename, String contentType) {
    }

    private static final int MAX_HEADER_BYTES = 16 * 1024;

    private final InputStream in;
    private final byte[] buffer = new byte[64 * 1024];
    private int pos;
    private int limit;
    private final byte[] delimiter;
    private final int[] failure;
    private final byte[] out = new byte[64 * 1024];
    private boolean finished;

    MultipartReader(InputStream in, String boundary) {
        this.in = in;
        this.delimiter = ("\r\n--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
        this.failure = new int[delimiter.length];
        for (int i = 1, k = 0; i < delimiter.length; i++) {
            while (k > 0 && delimiter[i] != delimiter[k]) {
                k = failure[k - 1];
            }
            if (delimiter[i] == delimiter[k]) {
                k++;
            }
            failure[i] = k;
        }
    }

    /** The boundary parameter of a multipart/form-data Content-Type, or null if it is not one. */
    static String boundary(String contentType) {
        if (contentType == null) {
            return null;
        }
        String[] parts = contentType.split(";");
        if (!parts[0].trim().toLowerCase(Locale.ROOT).equals("multipart/form-data")) {
            return null;
        }
        for (int i = 1; i < parts.length; i++) {
            String p = parts[i].trim();
            if (p.toLowerCase(Locale.ROOT).startsWith("boundary=")) {
                String b = p.substring("boundary=".length());
                if (b.length() >= 2 && b.startsWith("\"") && b.endsWith("\"")) {
                    b = b.substring(1, b.length() - 1);
                }
                return b.isEmpty() || b.length() > 70 ? null : b;
            }
        }
        return null;
    }

    private int read() throws IOException {
        if (pos == limit) {
            int n = in.read(buffer, 0, buffer.length);
            if (n <= 0) {
                return -1;
            }
            pos = 0;
            limit = n;
        }
        return buffer[pos++] & 0xFF;
    }

    /**
     * Skips the preamble and reads the first boundary. False if the body ended first. The body is
     * treated as if it began with CRLF, so a boundary on the very first line matches too.
     */
    boolean start() throws IOException {
        return copyUntilDelimiter(null, 2) >= 0 && afterDelimiter();
    }

    /** The next part's headers, or null after the closing boundary. Throws {@link IncompleteBodyException} at a premature end. */
    PartHeader nextPart() throws IOException {
        if (finished) {
            return null;
        }
        Map<String, String> headers = new LinkedHashMap<>();
        StringBuilder line = new StringBuilder();
        int total = 0;
        while (true) {
            int b = read();
            if (b < 0) {
                throw new IncompleteBodyException();
            }
            if (++total > MAX_HEADER_BYTES) {
                throw new MalformedBodyException("part headers too long");
            }
            if (b == '\n') {
                String text = line.toString();
                line.setLength(0);
                if (text.endsWith("\r")) {
                    text = text.substring(0, text.length() - 1);
                }
                if (text.isEmpty()) {
                    break;
                }
                int colon = text.indexOf(':');
                if (colon > 0) {
                    headers.put(text.substring(0, colon).trim().toLowerCase(Locale.ROOT), text.substring(colon + 1).trim());
                }
            } else {
                line.append((char) b);
            }
        }
        String disposition = headers.get("content-disposition");
        if (disposition == null) {
            throw new MalformedBodyException("a part has no Content-Disposition");
        }
        return new PartHeader(param(disposition, "name"), param(disposition, "filename"), headers.get("content-type"));
    }

    private static String param(String header, String name) {
        for (String p : header.split(";")) {
            String t = p.trim();
            int eq = t.indexOf('=');
            if (eq > 0 && t.substring(0, eq).trim().equalsIgnoreCase(name)) {
                String v = t.substring(eq + 1).trim();
                if (v.length() >= 2 && v.startsWith("\"") && v.endsWith("\"")) {
                    v = v.substring(1, v.length() - 1);
                }
                return v;
            }
        }
        return null;
    }

    /**
     * Passes the current part's body to {@code sink} (null: discards it) and reads the delimiter
     * after it. Returns the body's length. Throws {@link IncompleteBodyException} if the body ends
     * before the delimiter.
     */
    long body(Sink sink) throws IOException {
        long n = copyUntilDelimiter(sink, 0);
        if (n < 0 || !afterDelimiter()) {
            throw new IncompleteBodyException();
        }
        return n;
    }

    /** After a delimiter: "--" closes the body, CRLF starts another part (transport padding allowed). */
    private boolean afterDelimiter() throws IOException {
        int first = read();
        if (first == '-') {
            if (read() != '-') {
                throw new MalformedBodyException("bad closing boundary");
            }
            finished = true;
            return true;
        }
        int b = first;
        while (b == ' ' || b == '\t') {
            b = read();
        }
        if (b < 0) {
            return false;
        }
        if (b != '\r' || read() != '\n') {
            throw new MalformedBodyException("bad boundary line");
        }
        return true;
    }

    /** KMP scan: bytes before the delimiter go to {@code sink}; returns their count, or -1 at end of input. */
    private long copyUntilDelimiter(Sink sink, int matched) throws IOException {
        int j = matched;
        int o = 0;
        long total = 0;
        while (true) {
            int b = read();
            if (b < 0) {
                return -1;
            }
            while (j > 0 && b != (delimiter[j] & 0xFF)) {
                int k = failure[j - 1];
                // The first j - k matched bytes cannot start a delimiter any more: they are content.
                int drop = j - k;
                if (o + drop > out.length) {
                    total += flush(sink, o);
                    o = 0;
                }
                System.arraycopy(delimiter, 0, out, o, drop);
                o += drop;
                j = k;
            }
            if (b == (delimiter[j] & 0xFF)) {
                j++;
                if (j == delimiter.length) {
                    return total + flush(sink, o);
                }
            } else {
                if (o == out.length) {
                    total += flush(sink, o);
                    o = 0;
                }
                out[o++] = (byte) b;
            }
        }
    }

    private long flush(Sink sink, int length) throws IOException {
        if (sink != null && length > 0) {
            sink.write(out, 0, length);
        }
        return length;
    }

    /** The body ended (client gone) before the closing boundary. */
    static final class IncompleteBodyException extends IOException {
        private static final long serialVersionUID = 1L;

        IncompleteBodyException() {
            super("the multipart body ended before its closing boundary", null);
        }
    }

    /** The body is not well-formed multipart. */
    static final class MalformedBodyException extends IOException {
        private static final long serialVersionUID = 1L;

        MalformedBodyException(String message) {
            super(message, null);
        }
    }
}
