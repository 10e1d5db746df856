package io.jenkins.plugins.dataworks.benchmarks;

import io.jenkins.plugins.dataworks.emulator.DataWorksEmulator;
import io.jenkins.plugins.dataworks.emulator.oss.PackageSource;
import io.jenkins.plugins.dataworks.emulator.scenario.MigrationSpec;
import io.jenkins.plugins.dataworks.emulator.scenario.Timeline;
import io.jenkins.plugins.dataworks.emulator.state.CallRecord;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;

/**
 * The emulator in a process of its own, so the measured JVM holds only the client. Started by
 * {@link EmulatorProcess}; prints {@code READY <endpoint>}, then answers one line per command on
 * stdin:
 * <ul>
 *   <li>{@code count <Action>}: calls with that Action so far</li>
 *   <li>{@code first-call <migrationId>}: epoch microseconds of the first call for that migration, or -1</li>
 *   <li>{@code url <migrationId>}: a fresh presigned DownloadUrl of the migration's package</li>
 *   <li>{@code calls FIRST_ID COUNT}: every GetMigrationSummary for those migrations, in the order the
 *       emulator answered them, as {@code id:epochMicros} separated by spaces (or {@code none})</li>
 *   <li>{@code downloads}: package downloads (GET requests for a package) so far</li>
 *   <li>{@code quit}</li>
 * </ul>
 *
 * <p>Args: {@code waits FIRST_ID COUNT SUCCESS_AFTER_POLLS} (any number of times),
 * {@code waits-package FIRST_ID COUNT SUCCESS_AFTER_POLLS BYTES} (the same, each with a generated
 * package of that size),
 * {@code package ID BYTES}, {@code done ID COUNT} (migrations already EXPORT_SUCCESS with a
 * small package).
 */
public final class EmulatorHost {

    static final String ACCESS_KEY_ID = "bench-key";
    static final String ACCESS_KEY_SECRET = "bench-secret-not-a-real-secret";
    static final long PROJECT_ID = 10001;

    private EmulatorHost() {}

    public static void main(String[] args) throws Exception {
        DataWorksEmulator.Builder builder = DataWorksEmulator.builder()
                .threads(Integer.getInteger("emulator.threads", 48))
                .accessKey(ACCESS_KEY_ID, ACCESS_KEY_SECRET)
                .project(PROJECT_ID)
                .configureScenario(s -> s.downloadUrlTtl(Duration.ofHours(6)));
        PackageSource big = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "waits" -> {
                    long first = Long.parseLong(args[++i]);
                    int count = Integer.parseInt(args[++i]);
                    int successAfter = Integer.parseInt(args[++i]);
                    for (int k = 0; k < count; k++) {
                        builder.migration(MigrationSpec.export(first + k, PROJECT_ID, "bench_" + (first + k))
                                .timeline(Timeline.export(1, successAfter)).pkg(null));
                    }
                }
                case "waits-package" -> {
                    long first = Long.parseLong(args[++i]);
                    int count = Integer.parseInt(args[++i]);
                    int successAfter = Integer.parseInt(args[++i]);
                    long bytes = Long.parseLong(args[++i]);
                    for (int k = 0; k < count; k++) {
                        builder.migration(MigrationSpec.export(first + k, PROJECT_ID, "bench_" + (first + k))
                                .timeline(Timeline.export(1, successAfter))
                                .pkg(PackageSource.generated(bytes, first + k)));
                    }
                }
                case "package" -> {
                    long id = Long.parseLong(args[++i]);
                    long bytes = Long.parseLong(args[++i]);
                    big = PackageSource.generated(bytes, id);
                    builder.migration(MigrationSpec.export(id, PROJECT_ID, "bench_package")
                            .timeline(Timeline.fixed("EXPORT_SUCCESS")).pkg(big));
                }
                case "done" -> {
                    long first = Long.parseLong(args[++i]);
                    int count = Integer.parseInt(args[++i]);
                    for (int k = 0; k < count; k++) {
                        builder.migration(MigrationSpec.export(first + k, PROJECT_ID, "bench_done_" + (first + k))
                                .timeline(Timeline.fixed("EXPORT_SUCCESS")));
                    }
                }
                default -> throw new IllegalArgumentException("unknown argument " + args[i]);
            }
        }
        if (big != null) {
            big.crc64(); // computed once, now, so no download pays for it
        }
        try (DataWorksEmulator emulator = builder.build().start()) {
            System.out.println("READY " + emulator.endpoint());
            System.out.flush();
            BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            String line;
            while ((line = in.readLine()) != null) {
                String[] cmd = line.trim().split("\\s+");
                String answer = switch (cmd[0]) {
                    case "count" -> Long.toString(emulator.callCount(cmd[1]));
                    case "first-call" -> Long.toString(firstCall(emulator, Long.parseLong(cmd[1])));
                    case "url" -> emulator.downloadUrl(Long.parseLong(cmd[1]));
                    case "calls" -> calls(emulator, Long.parseLong(cmd[1]), Long.parseLong(cmd[2]));
                    case "downloads" -> Long.toString(emulator.downloadCount());
                    case "quit" -> null;
                    default -> "ERROR unknown command " + cmd[0];
                };
                if (answer == null) {
                    break;
                }
                System.out.println(answer);
                System.out.flush();
            }
        }
    }

    private static String calls(DataWorksEmulator emulator, long first, long count) {
        StringBuilder out = new StringBuilder();
        for (CallRecord c : emulator.calls()) {
            Long id = c.migrationId();
            if ("GetMigrationSummary".equals(c.action()) && id != null && id >= first && id < first + count) {
                out.append(out.length() == 0 ? "" : " ").append(id).append(':').append(micros(c.at()));
            }
        }
        return out.length() == 0 ? "none" : out.toString();
    }

    private static long micros(Instant at) {
        return at.getEpochSecond() * 1_000_000 + at.getNano() / 1_000;
    }

    private static long firstCall(DataWorksEmulator emulator, long migrationId) {
        for (CallRecord c : emulator.calls()) {
            if (c.migrationId() != null && c.migrationId() == migrationId) {
                return micros(c.at());
            }
        }
        return -1;
    }
}
