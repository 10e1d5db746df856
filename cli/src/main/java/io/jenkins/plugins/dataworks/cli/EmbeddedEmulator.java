package io.jenkins.plugins.dataworks.cli;

import io.jenkins.plugins.dataworks.emulator.DataWorksEmulator;
import io.jenkins.plugins.dataworks.emulator.scenario.Scenarios;

/** The emulator module's server on a free loopback port, running {@link Scenarios#demo()}. */
final class EmbeddedEmulator implements DemoEmulator {

    /** Any well-formed region works against the emulator; this one reads naturally in the output. */
    static final String REGION = "cn-shanghai";

    private final DataWorksEmulator emulator;

    private EmbeddedEmulator(DataWorksEmulator emulator) {
        this.emulator = emulator;
    }

    static DemoEmulator startDemo() {
        // Few threads: the demo makes one call at a time.
        return new EmbeddedEmulator(DataWorksEmulator.builder().scenario(Scenarios.demo()).threads(4).build().start());
    }

    @Override
    public String endpoint() {
        return emulator.endpoint().toString();
    }

    @Override
    public String regionId() {
        return REGION;
    }

    @Override
    public String accessKeyId() {
        return Scenarios.DEMO_ACCESS_KEY_ID;
    }

    @Override
    public String accessKeySecret() {
        return Scenarios.DEMO_ACCESS_KEY_SECRET;
    }

    @Override
    public void close() {
        emulator.close();
    }
}
