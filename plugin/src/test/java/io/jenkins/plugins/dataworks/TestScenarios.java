package io.jenkins.plugins.dataworks;

import io.jenkins.plugins.dataworks.emulator.scenario.MigrationSpec;
import io.jenkins.plugins.dataworks.emulator.scenario.Scenario;
import io.jenkins.plugins.dataworks.emulator.scenario.Timeline;

/** The migrations the plugin tests wait for, all in one workspace of the emulator. */
final class TestScenarios {

    static final long PROJECT = 10001;
    /** The production workspace imports go to. */
    static final long TARGET = 10002;
    /** INIT (poll 1), EXPORTING (polls 2-4), EXPORT_SUCCESS (poll 5 on) with a 256 KiB package. */
    static final long EXPORT_OK = 20001;

    static final long EXPORT_ERROR = 20002;
    static final long IMPORT_ERROR = 20003;
    static final long REVOKED = 20004;
    static final long PARTIAL = 20005;
    /** EXPORTING forever. */
    static final long STUCK = 20006;

    static final long IMPORT_OK = 20007;
    /** EXPORTING, then the undocumented status ARCHIVED. */
    static final long UNKNOWN_STATUS = 20008;
    /** First of {@link #BURST} exports for the parallel, rate-limited test. */
    static final long BURST_FIRST = 30001;

    static final int BURST = 20;

    private TestScenarios() {}

    static Scenario scenario() {
        Scenario.Builder b = Scenario.builder()
                .accessKey(DataWorksTestEnvironment.ACCESS_KEY_ID, DataWorksTestEnvironment.ACCESS_KEY_SECRET)
                .project(PROJECT)
                .project(TARGET)
                .migration(MigrationSpec.export(EXPORT_OK, PROJECT, "nightly_export")
                        .timeline(Timeline.export(1, 4)))
                .migration(failing(EXPORT_ERROR, "EXPORTING", "EXPORT_ERROR"))
                .migration(MigrationSpec.importing(IMPORT_ERROR, PROJECT, "broken_import")
                        .timeline(Timeline.startingAt("IMPORTING").thenAfterPolls(1, "IMPORT_ERROR")))
                .migration(failing(REVOKED, "INIT", "REVOKED"))
                .migration(MigrationSpec.export(PARTIAL, PROJECT, "partial_export")
                        .timeline(Timeline.startingAt("EXPORTING").thenAfterPolls(1, "PARTIAL_SUCCESS"))
                        .pkg(null))
                .migration(MigrationSpec.export(STUCK, PROJECT, "stuck_export").timeline(Timeline.fixed("EXPORTING")))
                .migration(MigrationSpec.importing(IMPORT_OK, PROJECT, "release_import"))
                .migration(failing(UNKNOWN_STATUS, "EXPORTING", "ARCHIVED"));
        for (int i = 0; i < BURST; i++) {
            b.migration(
                    MigrationSpec.export(BURST_FIRST + i, PROJECT, "burst_" + i).timeline(Timeline.export(0, 1)));
        }
        return b.build();
    }

    /** The IDs the docs' examples use: README's workspaces and migration, and the failed import of docs/pipeline.md. */
    static final long DOCS_DEV = 12345;

    static final long DOCS_PROD = 67890;
    static final long DOCS_EXPORT = 1234;
    /** An import into {@link #DOCS_PROD} that ends in IMPORT_ERROR, its package unreadable (ParsePackage FAILURE). */
    static final long DOCS_FAILED_IMPORT = 5678;

    /**
     * The workspaces and migrations the examples of README.md and docs/*.md name, so they run as
     * written: exports 1234, 1235 and 1236 in workspace 12345 (INIT, EXPORTING, EXPORT_SUCCESS with
     * a package), workspace 67890 to import into, and the failed import 5678 there.
     */
    static Scenario docs() {
        Scenario.Builder b = Scenario.builder()
                .accessKey(DataWorksTestEnvironment.ACCESS_KEY_ID, DataWorksTestEnvironment.ACCESS_KEY_SECRET)
                .project(DOCS_DEV)
                .project(DOCS_PROD)
                .migration(MigrationSpec.importing(DOCS_FAILED_IMPORT, DOCS_PROD, "release-import")
                        .timeline(Timeline.startingAt("IMPORTING").thenAfterPolls(1, "IMPORT_ERROR")));
        for (long id = DOCS_EXPORT; id < DOCS_EXPORT + 3; id++) {
            b.migration(MigrationSpec.export(id, DOCS_DEV, "nightly-" + id).timeline(Timeline.export(1, 4)));
        }
        return b.build();
    }

    private static MigrationSpec failing(long id, String from, String to) {
        return MigrationSpec.export(id, PROJECT, "export_" + id)
                .timeline(Timeline.startingAt(from).thenAfterPolls(1, to))
                .pkg(null);
    }
}
