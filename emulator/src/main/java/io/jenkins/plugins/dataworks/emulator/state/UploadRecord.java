package io.jenkins.plugins.dataworks.emulator.state;

import java.time.Instant;

/**
 * One OSS PostObject request as the emulator saw it. Never holds the policy or its signature.
 *
 * @param bucket the bucket of the URL path (null if the path named none)
 * @param key the form field {@code key}, or null if the form did not get that far
 * @param size bytes of the file part received (all of them for a stored object; as far as it got otherwise)
 * @param crc64 CRC-64/XZ of the stored bytes, or null when nothing was stored
 * @param httpStatus the status answered, or 0 when no answer was sent (client gone, fault)
 * @param code the OSS error Code answered, or null
 * @param fault the injected {@code UploadFault} kind, or null
 */
public record UploadRecord(Instant at, String bucket, String key, long size, Long crc64, Outcome outcome,
        int httpStatus, String code, String fault) {

    public enum Outcome {
        /** The object was stored (and replaced any object of the same key). */
        STORED,
        /** The request was answered with an error; nothing was stored. */
        REJECTED,
        /** The body ended before the closing boundary or the connection was cut; nothing was stored. */
        INCOMPLETE
    }
}
