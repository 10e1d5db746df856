package io.jenkins.plugins.dataworks.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.dataworks.emulator.oss.Crc64;
import io.jenkins.plugins.dataworks.emulator.oss.PackageSource;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PackageSourceTest {

    private static byte[] all(PackageSource source) {
        byte[] bytes = new byte[Math.toIntExact(source.size())];
        source.read(0, bytes, 0, bytes.length);
        return bytes;
    }

    @Test
    void crcMatchesAnIndependentCrc64Xz() {
        assertThat(Crc64.of("123456789".getBytes(StandardCharsets.US_ASCII))).isEqualTo(0x995DC9BBDF1939FAL);
        PackageSource generated = PackageSource.generated(100_003, 7);
        assertThat(generated.crc64()).isEqualTo(Crc64Xz.of(all(generated)));
        assertThat(Crc64.toHeader(0x995DC9BBDF1939FAL)).isEqualTo("11051210869376104954");
    }

    @Test
    void generatedBytesAreDeterministicAndRandomAccessIsConsistent() {
        PackageSource a = PackageSource.generated(10_000, 99);
        byte[] whole = all(a);
        assertThat(all(PackageSource.generated(10_000, 99))).isEqualTo(whole);
        assertThat(all(PackageSource.generated(10_000, 100))).isNotEqualTo(whole);
        for (int offset : new int[] {0, 1, 7, 8, 9, 4095, 9990}) {
            int length = Math.min(37, 10_000 - offset);
            byte[] part = new byte[length + 2];
            a.read(offset, part, 1, length);
            assertThat(Arrays.copyOfRange(part, 1, length + 1)).as("offset %d", offset)
                    .isEqualTo(Arrays.copyOfRange(whole, offset, offset + length));
        }
    }

    @Test
    void largeGeneratedPackageNeedsNoMemory() {
        PackageSource big = PackageSource.generated(1L << 30, 1);
        byte[] tail = new byte[16];
        big.read((1L << 30) - 16, tail, 0, 16);
        assertThat(big.size()).isEqualTo(1L << 30);
        assertThat(tail).isNotEqualTo(new byte[16]);
    }

    @Test
    void demoZipIsAValidReproducibleZip() throws Exception {
        byte[] zip = all(PackageSource.demoZip("demo_export", 20001));
        assertThat(all(PackageSource.demoZip("demo_export", 20001))).isEqualTo(zip);
        int entries = 0;
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (var e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                in.readAllBytes();
                entries++;
            }
        }
        assertThat(entries).isEqualTo(6);
    }

    @Test
    void filePackageReadsTheFile(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("p.bin");
        byte[] bytes = all(PackageSource.generated(5000, 3));
        Files.write(file, bytes);
        PackageSource source = PackageSource.ofFile(file);
        assertThat(all(source)).isEqualTo(bytes);
        assertThat(source.crc64()).isEqualTo(Crc64Xz.of(bytes));
    }
}
