package io.jenkins.plugins.dataworks.benchmarks;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * CRC-64/XZ (ECMA-182, reflected) with slicing-by-8 tables: eight bytes per step instead of one.
 * Only a yardstick for xz-java's CRC64 in the hash benchmark; the engine does not use it.
 */
final class Crc64Slicing8 {

    private static final long POLY = 0xC96C5795D7870F42L;
    private static final long[][] TABLE = tables();
    private static final VarHandle LONG_LE = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    private long crc = -1L;

    void update(byte[] b, int off, int len) {
        long c = crc;
        long[] t0 = TABLE[0], t1 = TABLE[1], t2 = TABLE[2], t3 = TABLE[3];
        long[] t4 = TABLE[4], t5 = TABLE[5], t6 = TABLE[6], t7 = TABLE[7];
        int i = off;
        int end = off + len;
        while (end - i >= 8) {
            long w = c ^ (long) LONG_LE.get(b, i);
            c = t7[(int) w & 0xFF] ^ t6[(int) (w >>> 8) & 0xFF] ^ t5[(int) (w >>> 16) & 0xFF]
                    ^ t4[(int) (w >>> 24) & 0xFF] ^ t3[(int) (w >>> 32) & 0xFF] ^ t2[(int) (w >>> 40) & 0xFF]
                    ^ t1[(int) (w >>> 48) & 0xFF] ^ t0[(int) (w >>> 56) & 0xFF];
            i += 8;
        }
        while (i < end) {
            c = t0[(int) (c ^ b[i++]) & 0xFF] ^ (c >>> 8);
        }
        crc = c;
    }

    long value() {
        return ~crc;
    }

    private static long[][] tables() {
        long[][] t = new long[8][256];
        for (int n = 0; n < 256; n++) {
            long c = n;
            for (int k = 0; k < 8; k++) {
                c = (c & 1) != 0 ? (c >>> 1) ^ POLY : c >>> 1;
            }
            t[0][n] = c;
        }
        for (int n = 0; n < 256; n++) {
            for (int k = 1; k < 8; k++) {
                t[k][n] = (t[k - 1][n] >>> 8) ^ t[0][(int) (t[k - 1][n] & 0xFF)];
            }
        }
        return t;
    }
}
