package io.jenkins.plugins.dataworks.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.zip.Checksum;
import org.junit.jupiter.api.Test;

class EngineCrc64Test {

    @Test
    void reachesTheEnginesCrc64AndItGivesTheCheckValue() {
        Checksum crc = EngineCrc64.create().orElseThrow(() -> new AssertionError(EngineCrc64.CLASS + " not reachable"));
        byte[] check = "123456789".getBytes(StandardCharsets.US_ASCII);
        crc.update(check, 0, check.length);
        assertThat(crc.getValue()).isEqualTo(0x995DC9BBDF1939FAL);
    }

    @Test
    void everyCallGivesAFreshInstance() {
        Checksum a = EngineCrc64.create().orElseThrow();
        a.update(new byte[] {1, 2, 3}, 0, 3);
        assertThat(EngineCrc64.create().orElseThrow().getValue()).isEqualTo(0L); // CRC-64/XZ of nothing
    }
}
