package io.jenkins.plugins.dataworks.emulator.oss;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Deterministic pseudo-random bytes, computed per 8-byte word from (seed, word index) with the
 * SplitMix64 finaliser. Random access is O(1), so ranges of a 1 GiB package cost no more than the
 * bytes served; the CRC is computed lazily once (about a second per GiB) and then cached.
 */
final class GeneratedPackage implements PackageSource {

    private static final VarHandle LITTLE_ENDIAN_LONG =
            MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    private final long size;
    private final long seed;
    private final LazyCrc64 crc;

    GeneratedPackage(long size, long seed) {
        if (size < 0) {
            throw new IllegalArgumentException("size must be >= 0: " + size);
        }
        this.size = size;
        this.seed = seed;
        this.crc = new LazyCrc64(this);
    }

    @Override
    public long size() {
        return size;
    }

    @Override
    public void read(long offset, byte[] buffer, int bufferOffset, int length) {
        if (offset < 0 || length < 0 || offset + length > size) {
            throw new IndexOutOfBoundsException("range " + offset + "+" + length + " outside " + size);
        }
        long pos = offset;
        int out = bufferOffset;
        int end = bufferOffset + length;
        // Whole aligned words go out 8 bytes at a time (little-endian, as the byte loop below does).
        while (out < end) {
            long word = mix(seed + (pos >>> 3) * 0x9E3779B97F4A7C15L);
            int shift = (int) (pos & 7);
            if (shift == 0 && end - out >= 8) {
                LITTLE_ENDIAN_LONG.set(buffer, out, word);
                out += 8;
                pos += 8;
                continue;
            }
            int take = Math.min(8 - shift, end - out);
            for (int i = 0; i < take; i++) {
                buffer[out++] = (byte) (word >>> ((shift + i) * 8));
            }
            pos += take;
        }
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    @Override
    public long crc64() {
        return crc.get();
    }

    @Override
    public String describe() {
        return "generated(size=" + size + ",seed=" + seed + ")";
    }
}
