package io.jenkins.plugins.dataworks.engine.download;

import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * What the server said about the object being downloaded, from the first full answer. A resumed
 * (or refreshed) answer continues the same file only when it describes the same object.
 *
 * @param size whole object, bytes
 * @param etag may be null
 * @param crc64 {@code x-oss-hash-crc64ecma}, which OSS sends for the whole object on Range
 *     answers too; null when the object has none
 */
record RemoteObject(long size, String etag, String crc64) {

    static final String CRC64_HEADER = "x-oss-hash-crc64ecma";

    /** @param header a response header's first value by name, null when absent */
    static RemoteObject of(long size, UnaryOperator<String> header) {
        String crc64 = header.apply(CRC64_HEADER);
        return new RemoteObject(size, header.apply("ETag"), crc64 == null ? null : crc64.trim());
    }

    /** Unknown fields (absent on either side) do not count as a difference; the size always does. */
    boolean sameAs(RemoteObject other) {
        return size == other.size && compatible(etag, other.etag) && compatible(crc64, other.crc64);
    }

    private static boolean compatible(String a, String b) {
        return a == null || b == null || Objects.equals(a, b);
    }
}
