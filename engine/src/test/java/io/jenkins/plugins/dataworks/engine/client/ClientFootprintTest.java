package io.jenkins.plugins.dataworks.engine.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.dataworks.engine.auth.AccessKeyCredentials;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A controller keeps one client per waiting build for the whole wait (benchmark 7 in
 * docs/performance.md), so what a client holds is paid a thousand times: not the SDK's endpoint
 * tables, which every request of ours bypasses by naming its host.
 */
class ClientFootprintTest {

    private static final int CLIENTS = 200;

    @Test
    void anOpenClientHoldsAFewKilobytesNotTheSdksEndpointTables() {
        ClientSettings settings = ClientSettings.of(Endpoint.override("cn-shanghai", "http://127.0.0.1:9"));
        AccessKeyCredentials key = AccessKeyCredentials.of("footprint-key", "footprint-secret");
        List<AliyunDataWorksClient> open = new ArrayList<>();
        open.add(AliyunDataWorksClient.create(settings, key)); // loads the classes before the first sample
        long before = usedHeapAfterGc();
        for (int i = 0; i < CLIENTS; i++) {
            open.add(AliyunDataWorksClient.create(settings, key));
        }
        long perClient = (usedHeapAfterGc() - before) / CLIENTS;
        open.forEach(AliyunDataWorksClient::close);

        // The SDK's resolver alone kept about 100 KiB per client.
        assertThat(perClient).as("bytes per open client").isLessThan(30 * 1024);
    }

    private static long usedHeapAfterGc() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
