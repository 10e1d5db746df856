package io.jenkins.plugins.dataworks.benchmarks;

import java.lang.reflect.Constructor;
import java.util.Optional;
import java.util.zip.Checksum;

/**
 * The engine's own CRC-64/XZ ({@code engine.download.Crc64Xz}, what PackageDownloader verifies
 * with). It is package-private on purpose; the benchmark reaches it through reflection rather than
 * widening the engine's API, and works with it through the public {@link Checksum} interface.
 */
final class EngineCrc64 {

    static final String CLASS = "io.jenkins.plugins.dataworks.engine.download.Crc64Xz";

    private EngineCrc64() {}

    /** A fresh instance, or empty when this engine has no such class (older engines used xz-java). */
    static Optional<Checksum> create() {
        try {
            Class<?> type = Class.forName(CLASS);
            if (!Checksum.class.isAssignableFrom(type)) {
                return Optional.empty();
            }
            Constructor<?> constructor = type.getDeclaredConstructor();
            constructor.setAccessible(true);
            return Optional.of((Checksum) constructor.newInstance());
        } catch (ReflectiveOperationException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
