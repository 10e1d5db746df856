package io.jenkins.plugins.dataworks.cli;

import io.jenkins.plugins.dataworks.emulator.scenario.Scenarios;
import io.jenkins.plugins.dataworks.engine.client.MigrationRef;

/** The built-in emulator running its demo scenario, for {@code --emulator}. */
interface DemoEmulator extends AutoCloseable {

    /** The demo scenario's export, the default of --project-id and --migration-id with --emulator. */
    MigrationRef DEMO_MIGRATION = new MigrationRef(Scenarios.DEMO_PROJECT_ID, Scenarios.DEMO_MIGRATION_ID);

    /** The emulator's base URL, e.g. http://127.0.0.1:41234. */
    String endpoint();

    String regionId();

    String accessKeyId();

    /** The demo's published, fake secret; it only works against the emulator. */
    String accessKeySecret();

    @Override
    void close();

    /** Starts one; the command line uses the real emulator. */
    @FunctionalInterface
    interface Launcher {
        DemoEmulator start();
    }
}
