package io.jenkins.plugins.dataworks.structure;

import io.jenkins.plugins.dataworks.WaitForDataWorksMigrationStep;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Where the plugin's sources, resources and compiled classes are: this module's src/main and the
 * classes Maven compiled from it (target/classes, the generated Messages classes included). Classes
 * are loaded without running their static initialisers: these checks read structure, not behaviour.
 */
final class PluginSources {

    static final String PACKAGE = "io.jenkins.plugins.dataworks";

    private PluginSources() {}

    /** The module directory: Surefire's basedir, else the parent of target/ holding the compiled classes. */
    static Path pluginDir() {
        String basedir = System.getProperty("basedir");
        Path dir =
                basedir != null ? Paths.get(basedir) : classesDir().getParent().getParent();
        return dir.toAbsolutePath().normalize();
    }

    static Path javaDir() {
        return pluginDir().resolve("src/main/java");
    }

    static Path resourcesDir() {
        return pluginDir().resolve("src/main/resources");
    }

    /** Where the plugin's own classes were loaded from (target/classes), not the test classes. */
    static Path classesDir() {
        try {
            return Paths.get(WaitForDataWorksMigrationStep.class
                            .getProtectionDomain()
                            .getCodeSource()
                            .getLocation()
                            .toURI())
                    .toAbsolutePath();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static List<Path> files(Path root, String suffix) {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        try (Stream<Path> s = Files.walk(root)) {
            return s.filter(p -> p.getFileName().toString().endsWith(suffix))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every class compiled from the plugin's sources (the generated Messages classes included). */
    static List<Class<?>> pluginClasses() {
        List<Class<?>> classes = new ArrayList<>();
        Path root = classesDir();
        for (Path file : files(root.resolve(PACKAGE.replace('.', '/')), ".class")) {
            String name = root.relativize(file).toString().replace('/', '.').replace('\\', '.');
            classes.add(load(name.substring(0, name.length() - ".class".length())));
        }
        return classes;
    }

    static Class<?> load(String name) {
        try {
            return Class.forName(name, false, PluginSources.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("plugin class not compiled: " + name, e);
        }
    }

    /** The class a view directory belongs to: a/b/Foo/Bar/config.jelly is a.b.Foo$Bar (or a.b.Foo.Bar). */
    static Class<?> classOfViewDir(Path viewDir) {
        String rel = resourcesDir().relativize(viewDir).toString().replace('\\', '/');
        String[] parts = rel.split("/");
        for (int split = parts.length - 1; split >= 1; split--) {
            StringBuilder name = new StringBuilder(String.join(".", java.util.Arrays.copyOfRange(parts, 0, split)));
            for (int i = split; i < parts.length; i++) {
                name.append('$').append(parts[i]);
            }
            try {
                return Class.forName(
                        name.toString().replaceFirst("\\$", "."), false, PluginSources.class.getClassLoader());
            } catch (ClassNotFoundException e) {
                // try a shorter package
            }
        }
        throw new IllegalStateException("no class for view directory " + rel);
    }
}
