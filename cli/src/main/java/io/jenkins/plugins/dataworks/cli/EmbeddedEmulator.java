package io.jenkins.plugins.dataworks.cli;

/** The emulator module's server running {@code Scenarios.demo()}. */
final class EmbeddedEmulator {

    private EmbeddedEmulator() {}

    static DemoEmulator startDemo() {
        throw new UnsupportedOperationException("the emulator is not available yet");
    }
}
