package io.jenkins.plugins.dataworks.cli;

import io.jenkins.plugins.dataworks.emulator.junit.DataWorksEmulatorExtension;
import io.jenkins.plugins.dataworks.emulator.oss.PackageSource;
import io.jenkins.plugins.dataworks.emulator.scenario.MigrationSpec;
import io.jenkins.plugins.dataworks.emulator.scenario.Scenario;
import io.jenkins.plugins.dataworks.emulator.scenario.Timeline;
import java.security.MessageDigest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/** The migrations the CLI tests wait for, one per outcome, in workspace 10001. */
final class TestScenario {

    static final String KEY_ID = "cli-test-key";
    static final String SECRET = "cli-test-secret-Zq8vT3";
    static final String REGION = "cn-shanghai";
    static final long PROJECT = 10001;
    /** An empty workspace to import into. */
    static final long TARGET = 10002;

    static final long EXPORT_OK = 20001;
    static final long EXPORT_ERROR = 20002;
    static final long PARTIAL = 20003;
    static final long NEVER_ENDS = 20004;
    static final long IMPORT_OK = 20005;
    static final long UNKNOWN_STATUS = 20006;
    static final long STUCK_IN_INIT = 20007;

    private TestScenario() {}

    static Scenario scenario() {
        return Scenario.builder()
                .accessKey(KEY_ID, SECRET)
                .project(PROJECT)
                .project(TARGET)
                .migration(MigrationSpec.export(EXPORT_OK, PROJECT, "nightly")
                        .timeline(Timeline.export(1, 3))
                        .pkg(PackageSource.generated(300 * 1024, 7)))
                .migration(MigrationSpec.export(EXPORT_ERROR, PROJECT, "broken")
                        .timeline(Timeline.startingAt("EXPORTING").thenAfterPolls(2, "EXPORT_ERROR")))
                .migration(MigrationSpec.export(PARTIAL, PROJECT, "partly")
                        .timeline(Timeline.startingAt("EXPORTING").thenAfterPolls(1, "PARTIAL_SUCCESS")))
                .migration(MigrationSpec.export(NEVER_ENDS, PROJECT, "endless").timeline(Timeline.fixed("EXPORTING")))
                .migration(MigrationSpec.importing(IMPORT_OK, PROJECT, "import"))
                .migration(MigrationSpec.export(UNKNOWN_STATUS, PROJECT, "odd")
                        .timeline(Timeline.startingAt("EXPORTING").thenAfterPolls(1, "ARCHIVED")))
                .migration(MigrationSpec.export(STUCK_IN_INIT, PROJECT, "never-started").timeline(Timeline.fixed("INIT")))
                .build();
    }

    static DataWorksEmulatorExtension extension() {
        return DataWorksEmulatorExtension.withScenario(scenario());
    }

    /** wait against the emulator for {@code migrationId}, polling every 100 ms of virtual time unless {@code more} says otherwise. */
    static List<String> waitArgs(DataWorksEmulatorExtension emulator, long migrationId, String... more) {
        List<String> args = new ArrayList<>(List.of("wait", "--endpoint", emulator.endpoint().toString(),
                "--region", REGION, "--project-id", String.valueOf(PROJECT), "--migration-id", String.valueOf(migrationId)));
        if (!List.of(more).contains("--poll-interval")) {
            args.addAll(List.of("--poll-interval", "100ms", "--max-poll-interval", "100ms"));
        }
        args.addAll(List.of(more));
        return args;
    }

    /** {@code command} against the emulator in workspace {@code projectId}, then {@code more}. */
    static String[] commandArgs(DataWorksEmulatorExtension emulator, String command, long projectId, String... more) {
        List<String> args = new ArrayList<>(List.of(command, "--endpoint", emulator.endpoint().toString(),
                "--region", REGION, "--project-id", String.valueOf(projectId)));
        args.addAll(List.of(more));
        return array(args);
    }

    static String[] array(List<String> args) {
        return args.toArray(String[]::new);
    }

    static String sha256(Path file) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }

    /** Every entry under {@code dir}, hidden partial files included. */
    static List<Path> entries(Path dir) throws Exception {
        if (!Files.exists(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(p -> !p.equals(dir)).toList();
        }
    }
}
