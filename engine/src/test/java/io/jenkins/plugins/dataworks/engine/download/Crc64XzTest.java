package io.jenkins.plugins.dataworks.engine.download;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

class Crc64XzTest {

    @Test
    void matchesTheStandardCheckValueOfCrc64Xz() {
        Crc64Xz crc = new Crc64Xz();
        byte[] check = "123456789".getBytes(StandardCharsets.US_ASCII);
        crc.update(check, 0, check.length);

        assertThat(crc.finish()).isEqualTo(0x995DC9BBDF1939FAL);
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

    @Test
    void chunkedUpdatesEqualOneUpdateAndResetStartsOver() {
        byte[] data = new byte[300_000];
        new Random(7).nextBytes(data);
        Crc64Xz whole = new Crc64Xz();
        whole.update(data, 0, data.length);
        long expected = whole.finish();

        Crc64Xz chunked = new Crc64Xz();
        chunked.update(new byte[] {1, 2, 3}, 0, 3);
        chunked.reset();
        for (int off = 0; off < data.length; off += 65_537) {
            chunked.update(data, off, Math.min(65_537, data.length - off));
        }
        assertThat(chunked.finish()).isEqualTo(expected);
    }
}
