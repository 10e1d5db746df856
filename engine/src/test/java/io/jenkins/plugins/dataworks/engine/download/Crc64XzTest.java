package io.jenkins.plugins.dataworks.engine.download;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.tukaani.xz.check.CRC64;

class Crc64XzTest {

    private static final byte[] CHECK_INPUT = "123456789".getBytes(StandardCharsets.US_ASCII);

    @Test
    void matchesTheStandardCheckValueOfCrc64Xz() {
        Crc64Xz crc = new Crc64Xz();
        crc.update(CHECK_INPUT, 0, CHECK_INPUT.length);

        assertThat(crc.getValue()).isEqualTo(0x995DC9BBDF1939FAL);
    }

    @Test
    void nothingHasCrcZeroAndResetStartsOver() {
        Crc64Xz crc = new Crc64Xz();
        assertThat(crc.getValue()).isZero();

        crc.update(new byte[] {1, 2, 3}, 0, 3);
        assertThat(crc.getValue()).isNotZero();
        crc.reset();
        crc.update(CHECK_INPUT, 0, CHECK_INPUT.length);
        assertThat(crc.getValue()).isEqualTo(0x995DC9BBDF1939FAL);
    }

    @Test
    void singleByteUpdatesEqualArrayUpdates() {
        Crc64Xz crc = new Crc64Xz();
        for (byte b : CHECK_INPUT) {
            crc.update(b);
        }
        assertThat(crc.getValue()).isEqualTo(0x995DC9BBDF1939FAL);
    }

    /**
     * The braided and sliced paths against xz-java's plain table CRC: random lengths (short ones, which
     * only take the byte and word loops, are common), random offsets into a larger array (unaligned
     * long reads), each input fed in one to six chunks split at random points, with the value read
     * between chunks (reading it must not end the computation).
     */
    @Test
    void agreesWithXzJavaOnRandomInputsLengthsOffsetsAndSplits() {
        Random random = new Random(0x5EED_C64L);
        for (int run = 0; run < 2_000; run++) {
            int length = run % 4 == 0 ? random.nextInt(300_000) : random.nextInt(200);
            int offset = random.nextInt(32);
            byte[] array = new byte[offset + length + random.nextInt(32)];
            random.nextBytes(array);
            int[] cuts = cuts(random, offset, length);

            Crc64Xz crc = new Crc64Xz();
            for (int c = 0; c + 1 < cuts.length; c++) {
                crc.update(array, cuts[c], cuts[c + 1] - cuts[c]);
                assertThat(crc.getValue()).as("run %d after chunk %d", run, c).isEqualTo(xz(array, offset, cuts[c + 1] - offset));
            }
            assertThat(crc.getValue()).as("run %d: length %d, offset %d, cuts %s", run, length, offset, Arrays.toString(cuts))
                    .isEqualTo(xz(array, offset, length));
        }
    }

    @Test
    void agreesWithXzJavaOnDataThatStressesTheTables() {
        for (byte fill : new byte[] {0, -1, (byte) 0x80, 0x01}) {
            byte[] data = new byte[10_000];
            Arrays.fill(data, fill);
            Crc64Xz crc = new Crc64Xz();
            crc.update(data, 0, data.length);
            assertThat(crc.getValue()).as("fill %02x", fill).isEqualTo(xz(data, 0, data.length));
        }
    }

    @Test
    void rejectsRangesOutsideTheArray() {
        Crc64Xz crc = new Crc64Xz();
        byte[] data = new byte[16];
        assertThatThrownBy(() -> crc.update(data, 10, 7)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> crc.update(data, -1, 2)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> crc.update(data, 0, -1)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThat(crc.getValue()).isZero();
    }

    @Test
    void formatsAsTheUnsignedDecimalOssSends() {
        // 0x995DC9BBDF1939FA has the top bit set: a signed rendering would be negative.
        assertThat(Crc64Xz.toOssDecimal(0x995DC9BBDF1939FAL)).isEqualTo("11051210869376104954");
        assertThat(Crc64Xz.parseOssDecimal("11051210869376104954")).isEqualTo(0x995DC9BBDF1939FAL);
        assertThat(Crc64Xz.parseOssDecimal(" 0 ")).isZero();
    }

    @Test
    void rejectsHeadersThatAreNotUnsigned64BitDecimals() {
        assertThatThrownBy(() -> Crc64Xz.parseOssDecimal("-1")).isInstanceOf(NumberFormatException.class);
        assertThatThrownBy(() -> Crc64Xz.parseOssDecimal("18446744073709551616")).isInstanceOf(NumberFormatException.class);
        assertThatThrownBy(() -> Crc64Xz.parseOssDecimal("0x12")).isInstanceOf(NumberFormatException.class);
    }

    /** Chunk boundaries from {@code offset} to {@code offset + length}, in order, for one to six chunks. */
    private static int[] cuts(Random random, int offset, int length) {
        int chunks = 1 + random.nextInt(6);
        int[] cuts = new int[chunks + 1];
        cuts[0] = offset;
        cuts[chunks] = offset + length;
        for (int c = 1; c < chunks; c++) {
            cuts[c] = offset + random.nextInt(length + 1);
        }
        Arrays.sort(cuts, 1, chunks);
        return cuts;
    }

    /** xz-java's CRC64 returns the value as little-endian bytes. */
    private static long xz(byte[] bytes, int offset, int length) {
        CRC64 crc = new CRC64();
        crc.update(bytes, offset, length);
        byte[] littleEndian = crc.finish();
        long value = 0;
        for (int i = littleEndian.length - 1; i >= 0; i--) {
            value = (value << 8) | (littleEndian[i] & 0xFF);
        }
        return value;
    }
}
