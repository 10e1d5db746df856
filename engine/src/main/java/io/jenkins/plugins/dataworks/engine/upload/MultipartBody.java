package io.jenkins.plugins.dataworks.engine.upload;

import io.jenkins.plugins.dataworks.engine.download.Crc64Xz;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.http.entity.AbstractHttpEntity;

/**
 * The multipart/form-data body of one OSS PostObject upload: the form fields, then the package read
 * from disk in small buffers while it is sent (never held in memory), then the closing boundary.
 * Its length is known before the first byte is sent, so the request carries a Content-Length and
 * is not chunked (OSS refuses chunked PostObject bodies). The CRC-64 of the package is computed on
 * the way. One body per attempt: it cannot be sent twice.
 */
final class MultipartBody extends AbstractHttpEntity {

    private static final int BUFFER_BYTES = 64 * 1024;
    private static final String CRLF = "\r\n";

    private final byte[] head;
    private final byte[] tail;
    private final Path file;
    private final long fileSize;
    private final Crc64Xz crc = new Crc64Xz();
    private long sent;

    /**
     * @param fields in order; OSS reads the fields before the file part and ignores any after it
     * @param fileName the file part's filename parameter
     */
    MultipartBody(String boundary, Map<String, String> fields, String fileName, Path file, long fileSize) {
        StringBuilder h = new StringBuilder();
        for (Map.Entry<String, String> field : new LinkedHashMap<>(fields).entrySet()) {
            h.append("--").append(boundary).append(CRLF)
                    .append("Content-Disposition: form-data; name=\"").append(field.getKey()).append('"').append(CRLF)
                    .append(CRLF)
                    .append(requireOneLine(field.getKey(), field.getValue())).append(CRLF);
        }
        h.append("--").append(boundary).append(CRLF)
                .append("Content-Disposition: form-data; name=\"file\"; filename=\"").append(safeFileName(fileName))
                .append('"').append(CRLF)
                .append("Content-Type: application/octet-stream").append(CRLF)
                .append(CRLF);
        this.head = h.toString().getBytes(StandardCharsets.UTF_8);
        this.tail = (CRLF + "--" + boundary + "--" + CRLF).getBytes(StandardCharsets.US_ASCII);
        this.file = file;
        this.fileSize = fileSize;
        setContentType("multipart/form-data; boundary=" + boundary);
        setChunked(false);
    }

    /** A field value with a line break would end its part early (and could forge others). */
    private static String requireOneLine(String name, String value) {
        if (value.indexOf('\r') >= 0 || value.indexOf('\n') >= 0) {
            throw new IllegalArgumentException("form field " + name + " contains a line break");
        }
        return value;
    }

    /** Printable ASCII without quotes or backslashes: the filename is informative only (the key names the object). */
    static String safeFileName(String name) {
        StringBuilder b = new StringBuilder(name.length());
        for (char c : name.toCharArray()) {
            b.append(c >= 0x20 && c < 0x7f && c != '"' && c != '\\' ? c : '_');
        }
        return b.toString();
    }

    @Override
    public long getContentLength() {
        return head.length + fileSize + tail.length;
    }

    @Override
    public InputStream getContent() {
        throw new UnsupportedOperationException("the upload body is written, never read");
    }

    @Override
    public boolean isRepeatable() {
        return false;
    }

    @Override
    public boolean isStreaming() {
        return true;
    }

    @Override
    public void writeTo(OutputStream out) throws IOException {
        out.write(head);
        byte[] buffer = new byte[BUFFER_BYTES];
        try (InputStream in = Files.newInputStream(file)) {
            while (sent < fileSize) {
                int n = in.read(buffer, 0, (int) Math.min(buffer.length, fileSize - sent));
                if (n < 0) {
                    throw new PackageChangedException(file + " got shorter while it was uploaded: "
                            + sent + " of " + fileSize + " bytes");
                }
                crc.update(buffer, 0, n);
                out.write(buffer, 0, n);
                sent += n;
                if (Thread.currentThread().isInterrupted()) {
                    throw new InterruptedIOException("upload interrupted");
                }
            }
        }
        out.write(tail);
        out.flush();
    }

    /** Whether the whole package went out (the answer may come before, e.g. a refusal). */
    boolean complete() {
        return sent == fileSize;
    }

    /** The CRC-64/XZ of the package bytes sent so far. */
    long crc64() {
        return crc.getValue();
    }

    /** The file is not what was checked before the upload. */
    static final class PackageChangedException extends IOException {

        private static final long serialVersionUID = 1L;

        PackageChangedException(String message) {
            super(message);
        }
    }
}
