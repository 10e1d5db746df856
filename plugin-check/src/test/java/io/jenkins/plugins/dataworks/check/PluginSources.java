package io.jenkins.plugins.dataworks.check;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Where the plugin's sources, resources and compiled classes are. The classes are those this module
 * compiled from ../plugin/src/main/java against the stand-ins; they are loaded without running any
 * static initialiser, since the stand-ins have no behaviour.
 */
final class PluginSources {

    static final String PACKAGE = "io.jenkins.plugins.dataworks";

    private PluginSources() {}

    static Path pluginDir() {
        return Paths.get(System.getProperty("plugin.dir", "../plugin")).toAbsolutePath().normalize();
    }

    static Path javaDir() {
        return pluginDir().resolve("src/main/java");
    }

    static Path resourcesDir() {
        return pluginDir().resolve("src/main/resources");
    }

    static Path classesDir() {
        return Paths.get("target/classes").toAbsolutePath();
    }

    static List<Path> files(Path root, String suffix) {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        try (Stream<Path> s = Files.walk(root)) {
            return s.filter(p -> p.getFileName().toString().endsWith(suffix)).sorted().toList();
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
                return Class.forName(name.toString().replaceFirst("\\$", "."), false, PluginSources.class.getClassLoader());
            } catch (ClassNotFoundException e) {
                // try a shorter package
            }
        }
        throw new IllegalStateException("no class for view directory " + rel);
    }
}
