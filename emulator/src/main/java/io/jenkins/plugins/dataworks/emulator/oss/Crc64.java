package io.jenkins.plugins.dataworks.emulator.oss;

import org.tukaani.xz.check.CRC64;

/** CRC-64/XZ helpers over org.tukaani.xz, whose Check API returns the value as little-endian bytes. */
public final class Crc64 {

    private Crc64() {
    }

    /** CRC-64/XZ of the bytes. */
    public static long of(byte[] bytes) {
        CRC64 crc = new CRC64();
        crc.update(bytes, 0, bytes.length);
        return value(crc);
    }

    /** CRC-64/XZ of a whole package, read in chunks so a large generated package never sits in memory. */
    public static long of(PackageSource source) {
        CRC64 crc = new CRC64();
        byte[] buffer = new byte[1 << 16];
        long size = source.size();
        for (long pos = 0; pos < size; ) {
            int n = (int) Math.min(buffer.length, size - pos);
            source.read(pos, buffer, 0, n);
            crc.update(buffer, 0, n);
            pos += n;
        }
        return value(crc);
    }

    /** The unsigned decimal form OSS uses in x-oss-hash-crc64ecma. */
    public static String toHeader(long crc) {
        return Long.toUnsignedString(crc);
    }

    static long value(CRC64 crc) {
        byte[] le = crc.finish();
        long v = 0;
        for (int i = le.length - 1; i >= 0; i--) {
            v = (v << 8) | (le[i] & 0xFFL);
        }
        return v;
    }
}
