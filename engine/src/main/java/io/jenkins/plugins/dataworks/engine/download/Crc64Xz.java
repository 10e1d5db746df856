package io.jenkins.plugins.dataworks.engine.download;

import org.tukaani.xz.check.CRC64;

/**
 * CRC-64/XZ (ECMA-182 polynomial, reflected, init and xor-out all ones), the checksum OSS reports
 * in {@code x-oss-hash-crc64ecma} as an unsigned decimal. The arithmetic is xz-java's; this class
 * only adds a readable value and a reset.
 */
final class Crc64Xz {

    private CRC64 crc = new CRC64();

    void update(byte[] bytes, int offset, int length) {
        crc.update(bytes, offset, length);
    }

    void reset() {
        crc = new CRC64();
    }

    /** The CRC of everything seen since the last reset. Ends this computation: call once. */
    long finish() {
        byte[] littleEndian = crc.finish();
        long value = 0;
        for (int i = littleEndian.length - 1; i >= 0; i--) {
            value = (value << 8) | (littleEndian[i] & 0xFF);
        }
        return value;
    }

    /** OSS prints the CRC as an unsigned 64-bit decimal, e.g. {@code 11051210869376104954}. */
    static String toOssDecimal(long crc) {
        return Long.toUnsignedString(crc);
    }

    /** @throws NumberFormatException when the header is not an unsigned 64-bit decimal */
    static long parseOssDecimal(String header) {
        return Long.parseUnsignedLong(header.trim());
    }
}
