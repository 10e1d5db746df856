package io.jenkins.plugins.dataworks;

import static org.junit.jupiter.api.Assertions.assertNotNull;

import io.jenkins.plugins.dataworks.emulator.junit.DataWorksEmulatorExtension;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Hands a restart test's emulator to the Jenkins sessions it starts. Jenkins, not JUnit, creates
 * the startup hook that must point each session at the emulator before Pipelines resume (a
 * {@code @TestExtension} ItemListener nested in the test, calling {@link #installIfRunning()}), so
 * the test's emulator travels through this object, one per test class.
 */
final class SessionHandOver {

    /** The emulator of the test running now. */
    private final AtomicReference<DataWorksEmulatorExtension> running = new AtomicReference<>();
    /** What the startup hook installed into the Jenkins session running now. */
    private final AtomicReference<DataWorksTestEnvironment> installed = new AtomicReference<>();

    private final Duration readTimeout;

    /** @param readTimeout of the clients in each session; null for the default */
    SessionHandOver(Duration readTimeout) {
        this.readTimeout = readTimeout;
    }

    /** In the test's {@code @BeforeEach}. */
    void use(DataWorksEmulatorExtension dataworks) {
        running.set(dataworks);
    }

    /** In the test's {@code @AfterEach}. */
    void forget() {
        running.set(null);
        installed.set(null);
    }

    /** In the startup hook: installs the environment when a test of this class is running. */
    void installIfRunning() {
        DataWorksEmulatorExtension dataworks = running.get();
        if (dataworks == null) {
            return;
        }
        try {
            installed.set(DataWorksTestEnvironment.install(dataworks.emulator(), dataworks.clock(), readTimeout));
        } catch (Exception e) {
            throw new IllegalStateException("could not point Jenkins at the emulator", e);
        }
    }

    /** The environment of the running session, installed at its start. */
    DataWorksTestEnvironment installed() {
        DataWorksTestEnvironment env = installed.get();
        assertNotNull(env, "InstallBeforePipelinesResume did not run at startup");
        return env;
    }
}
