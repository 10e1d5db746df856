package io.jenkins.plugins.dataworks.emulator.oss;

import java.nio.file.Path;

/**
 * The bytes of an export package, readable at any offset so that ranged and faulty downloads can be
 * served without keeping large packages in memory. Implementations are immutable and thread-safe.
 */
public interface PackageSource {

    /** Size of the whole object in bytes. */
    long size();

    /** Copies {@code length} bytes starting at {@code offset} into {@code buffer} at {@code bufferOffset}. */
    void read(long offset, byte[] buffer, int bufferOffset, int length);

    /** CRC-64/XZ (ECMA-182) of the whole object, as OSS reports it in x-oss-hash-crc64ecma. Computed once. */
    long crc64();

    /** A short human description for logs (never contains secrets). */
    String describe();

    /**
     * The OSS ETag of the object (quoted, 32 upper-case hex digits). OSS ETags are opaque; this one
     * derives from the CRC and the size, so two different packages practically never share one.
     */
    default String etag() {
        return String.format("\"%016X%016X\"", crc64(), size());
    }

    /** A package held in memory (small packages, tests). */
    static PackageSource ofBytes(byte[] bytes) {
        return new BytesPackage(bytes);
    }

    /** A package of {@code size} deterministic pseudo-random bytes produced on the fly from {@code seed}. */
    static PackageSource generated(long size, long seed) {
        return new GeneratedPackage(size, seed);
    }

    /** A package read from a file, which must not change while the emulator runs. */
    static PackageSource ofFile(Path file) {
        return new FilePackage(file);
    }

    /** A small valid zip of a few hundred KiB with deterministic content, for the demo scenario. */
    static PackageSource demoZip(String exportName, long seed) {
        return new BytesPackage(DemoZip.build(exportName, seed));
    }
}
