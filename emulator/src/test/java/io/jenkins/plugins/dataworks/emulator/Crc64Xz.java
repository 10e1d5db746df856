package io.jenkins.plugins.dataworks.emulator;

/** A bit-by-bit CRC-64/XZ (ECMA-182, reflected, init and xorout all ones), independent of the emulator's. */
final class Crc64Xz {

    private static final long POLY_REFLECTED = 0xC96C5795D7870F42L;

    private Crc64Xz() {
    }

    static long of(byte[] data) {
        return of(data, 0, data.length);
    }

    static long of(byte[] data, int offset, int length) {
        long crc = -1L;
        for (int i = offset; i < offset + length; i++) {
            crc ^= data[i] & 0xFFL;
            for (int bit = 0; bit < 8; bit++) {
                crc = (crc & 1) != 0 ? (crc >>> 1) ^ POLY_REFLECTED : crc >>> 1;
            }
        }
        return ~crc;
    }
}
