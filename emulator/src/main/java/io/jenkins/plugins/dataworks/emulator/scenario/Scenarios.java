package io.jenkins.plugins.dataworks.emulator.scenario;

import io.jenkins.plugins.dataworks.emulator.oss.PackageSource;

/** Built-in scenarios. */
public final class Scenarios {

    /** The demo AccessKey id. Obviously fake, and deliberately not shaped like a real key (no LTAI prefix). */
    public static final String DEMO_ACCESS_KEY_ID = "emulator-demo-key";
    /** The demo secret: public, documented, fake. It only works against the emulator. */
    public static final String DEMO_ACCESS_KEY_SECRET = "emulator-demo-secret-not-a-real-secret";
    /** The source workspace: it holds the demo export. */
    public static final long DEMO_PROJECT_ID = 10001;
    /** The target workspace: empty, for importing what was exported from {@link #DEMO_PROJECT_ID}. */
    public static final long DEMO_TARGET_PROJECT_ID = 10002;
    public static final long DEMO_MIGRATION_ID = 20001;
    public static final String DEMO_MIGRATION_NAME = "demo_export";
    /** The source workspace of the README's and docs' examples ({@code projectId: 12345}). */
    public static final long EXAMPLES_PROJECT_ID = 12345;
    /** Their target workspace ({@code targetProjectId: 67890}). */
    public static final long EXAMPLES_TARGET_PROJECT_ID = 67890;
    /** The export they wait for ({@code migrationId: 1234}). */
    public static final long EXAMPLES_MIGRATION_ID = 1234;
    public static final String EXAMPLES_MIGRATION_NAME = "release_export";

    private Scenarios() {
    }

    /**
     * One AccessKey, source workspace 10001 with export 20001 "demo_export" that goes INIT (first
     * poll), EXPORTING (polls 2-4), EXPORT_SUCCESS (poll 5 on) and then offers a ~285 KiB valid zip,
     * and an empty target workspace 10002. Created exports and imports wait for StartMigration and
     * finish after 3 polls, so export in one workspace and import into the other takes seconds.
     */
    public static Scenario demo() {
        return Scenario.builder()
                .accessKey(DEMO_ACCESS_KEY_ID, DEMO_ACCESS_KEY_SECRET)
                .project(DEMO_PROJECT_ID)
                .project(DEMO_TARGET_PROJECT_ID)
                .migration(MigrationSpec.export(DEMO_MIGRATION_ID, DEMO_PROJECT_ID, DEMO_MIGRATION_NAME)
                        .timeline(Timeline.export(1, 4))
                        .pkg(PackageSource.demoZip(DEMO_MIGRATION_NAME, 20001L)))
                .build();
    }

    /**
     * The demo, plus the IDs the README's and docs' examples use, so that they run unchanged against
     * the emulator (the Jenkins demo serves this): workspace 12345 with export 1234 "release_export"
     * (the demo export's timeline, and a package of its own), and an empty target workspace 67890.
     */
    public static Scenario demoWithExampleIds() {
        return demo().toBuilder()
                .project(EXAMPLES_PROJECT_ID)
                .project(EXAMPLES_TARGET_PROJECT_ID)
                .migration(MigrationSpec.export(EXAMPLES_MIGRATION_ID, EXAMPLES_PROJECT_ID, EXAMPLES_MIGRATION_NAME)
                        .timeline(Timeline.export(1, 4))
                        .pkg(PackageSource.demoZip(EXAMPLES_MIGRATION_NAME, EXAMPLES_MIGRATION_ID)))
                .build();
    }
}
