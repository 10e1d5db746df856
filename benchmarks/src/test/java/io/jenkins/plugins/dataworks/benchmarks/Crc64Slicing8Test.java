package io.jenkins.plugins.dataworks.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.tukaani.xz.check.CRC64;

class Crc64Slicing8Test {

    @Test
    void matchesTheCrc64XzCheckValue() {
        byte[] check = "123456789".getBytes(StandardCharsets.US_ASCII);
        Crc64Slicing8 crc = new Crc64Slicing8();
        crc.update(check, 0, check.length);
        assertThat(crc.value()).isEqualTo(0x995DC9BBDF1939FAL);
    }

    @Test
    void agreesWithXzJavaAcrossOddSplitsAndOffsets() {
        byte[] data = new byte[10_007];
        new SplittableRandom(7).nextBytes(data);
        Crc64Slicing8 ours = new Crc64Slicing8();
        ours.update(data, 3, 5_001);
        ours.update(data, 5_004, 5_003);
        CRC64 xz = new CRC64();
        xz.update(data, 3, data.length - 3);
        byte[] le = xz.finish();
        long expected = 0;
        for (int i = le.length - 1; i >= 0; i--) {
            expected = (expected << 8) | (le[i] & 0xFF);
        }
        assertThat(ours.value()).isEqualTo(expected);
    }
}
