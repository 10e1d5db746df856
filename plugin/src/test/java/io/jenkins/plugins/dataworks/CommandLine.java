package io.jenkins.plugins.dataworks;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The {@code dataworks-migration} command line the cli module built (its launcher script and the
 * jar beside it), for the examples that run it in an {@code sh} step. The cli module comes before
 * the plugin in the reactor; plugin/pom.xml hands its target directory to the tests.
 */
final class CommandLine {

    static final String DIRECTORY_PROPERTY = "dataworks.cli.dir";

    private CommandLine() {}

    /** The directory holding {@code dataworks-migration} and {@code dataworks-migration.jar}. */
    static Path directory() {
        String dir = System.getProperty(DIRECTORY_PROPERTY);
        if (dir == null) {
            throw new AssertionError(
                    DIRECTORY_PROPERTY + " is not set: run the tests through Maven (plugin/pom.xml sets it)");
        }
        Path path = Path.of(dir).toAbsolutePath().normalize();
        for (String file : new String[] {"dataworks-migration", "dataworks-migration.jar"}) {
            if (!Files.isRegularFile(path.resolve(file))) {
                throw new AssertionError("the command line is missing: " + path.resolve(file)
                        + " does not exist; build it first with ./mvnw -pl cli -am package -DskipTests"
                        + " (./mvnw verify builds it before the plugin)");
            }
        }
        return path;
    }
}
