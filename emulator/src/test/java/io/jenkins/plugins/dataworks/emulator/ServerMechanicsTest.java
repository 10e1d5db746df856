package io.jenkins.plugins.dataworks.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.dataworks.emulator.junit.DataWorksEmulatorExtension;
import io.jenkins.plugins.dataworks.emulator.scenario.DownloadFault;
import io.jenkins.plugins.dataworks.emulator.scenario.MigrationSpec;
import io.jenkins.plugins.dataworks.emulator.scenario.Scenarios;
import io.jenkins.plugins.dataworks.emulator.scenario.Timeline;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Lifecycle, concurrency, the JUnit extension in per-class mode, MutableClock and log hygiene. */
class ServerMechanicsTest {

    /** Static: one emulator for the whole class. */
    @RegisterExtension
    static final DataWorksEmulatorExtension SHARED = new DataWorksEmulatorExtension();

    @Test
    void perClassExtensionKeepsOneEmulatorAndResolvesParameters(DataWorksEmulator emulator, MutableClock clock) {
        assertThat(emulator).isSameAs(SHARED.emulator());
        assertThat(clock).isSameAs(SHARED.clock());
        assertThat(emulator.scenarioClock()).isSameAs(clock);
        assertThat(SHARED.endpoint().toString()).matches("http://127\\.0\\.0\\.1:\\d+");
        assertThat(SHARED.hostAndPort()).isEqualTo(SHARED.endpoint().getAuthority());
    }

    @Test
    void mutableClockMovesAndViewsShareIt() {
        MutableClock clock = MutableClock.at(Instant.parse("2024-01-01T00:00:00Z"));
        Clock view = clock.withZone(ZoneId.of("Asia/Shanghai"));
        clock.advance(Duration.ofMinutes(90));
        assertThat(view.instant()).isEqualTo(Instant.parse("2024-01-01T01:30:00Z"));
        clock.set(Instant.parse("2030-01-01T00:00:00Z"));
        assertThat(view.millis()).isEqualTo(Instant.parse("2030-01-01T00:00:00Z").toEpochMilli());
        assertThat(clock.getZone()).isEqualTo(ZoneId.of("Z"));
    }

    @Test
    void closeIsPromptWithAStalledDownloadAndIsIdempotent() throws Exception {
        DataWorksEmulator emulator = DataWorksEmulator.builder()
                .migration(MigrationSpec.export(1, 1, "big").timeline(Timeline.fixed("EXPORT_SUCCESS")))
                .downloadFault(DownloadFault.stallAfter(100).always())
                .build().start();
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<InputStream> response = http.send(HttpRequest.newBuilder(URI.create(emulator.downloadUrl(1))).build(),
                HttpResponse.BodyHandlers.ofInputStream());
        assertThat(response.statusCode()).isEqualTo(200);
        CompletableFuture<Integer> reader = CompletableFuture.supplyAsync(() -> {
            try (InputStream in = response.body()) {
                return in.readAllBytes().length;
            } catch (Exception e) {
                return -1;
            }
        });
        long started = System.nanoTime();
        emulator.close();
        emulator.close();
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(3));
        // The client is released (error or short read), not left hanging.
        assertThat(reader.get(5, TimeUnit.SECONDS)).isLessThan(256 * 1024);
        assertThatThrownBy(emulator::start).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void manyConcurrentPollersAreAllAnsweredAndCounted() throws Exception {
        DataWorksEmulator emulator = SHARED.emulator();
        long before = emulator.callCount("GetMigrationSummary");
        RawRpc raw = new RawRpc(emulator.endpoint());
        int clients = 200;
        ExecutorService pool = Executors.newFixedThreadPool(50);
        try {
            List<CompletableFuture<Integer>> answers = new ArrayList<>();
            for (int i = 0; i < clients; i++) {
                answers.add(CompletableFuture.supplyAsync(() -> {
                    try {
                        Map<String, String> params = RawRpc.params("GetMigrationSummary", Scenarios.DEMO_ACCESS_KEY_ID,
                                Instant.now(), UUID.randomUUID().toString());
                        params.put("ProjectId", "10001");
                        params.put("MigrationId", "20001");
                        return raw.signedGet(params, Scenarios.DEMO_ACCESS_KEY_SECRET).status();
                    } catch (Exception e) {
                        return -1;
                    }
                }, pool));
            }
            for (CompletableFuture<Integer> answer : answers) {
                assertThat(answer.get(30, TimeUnit.SECONDS)).isEqualTo(200);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(emulator.callCount("GetMigrationSummary") - before).isEqualTo(clients);
    }

    @Test
    void logsNeverCarrySecretsTokensOrSignatures() throws Exception {
        List<String> lines = new ArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                lines.add(record.getMessage() + " " + record.getParameters());
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger logger = Logger.getLogger("io.jenkins.plugins.dataworks.emulator");
        Level previous = logger.getLevel();
        logger.setLevel(Level.ALL);
        logger.addHandler(capture);
        try (DataWorksEmulator emulator = DataWorksEmulator.builder().scenario(Scenarios.demo()).build().start()) {
            var client = Sdk.client(Scenarios.DEMO_ACCESS_KEY_ID, Scenarios.DEMO_ACCESS_KEY_SECRET);
            String url = null;
            for (int i = 0; i < 5; i++) {
                var data = Sdk.call(client, Sdk.summary(emulator, 10001, 20001)).getAsJsonObject("Data");
                url = data.has("DownloadUrl") ? data.get("DownloadUrl").getAsString() : url;
            }
            HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.discarding());
            String signature = url.substring(url.indexOf("Signature=") + "Signature=".length());
            assertThat(lines).isNotEmpty();
            assertThat(String.join("\n", lines)).contains("GetMigrationSummary")
                    .doesNotContain(Scenarios.DEMO_ACCESS_KEY_SECRET)
                    .doesNotContain(signature)
                    .doesNotContain("Signature=");
        } finally {
            logger.removeHandler(capture);
            logger.setLevel(previous);
        }
    }
}
