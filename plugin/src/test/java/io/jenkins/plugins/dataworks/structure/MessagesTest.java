package io.jenkins.plugins.dataworks.structure;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The localizer bundles (Messages*.properties) against the code that uses them. The build generates
 * Messages from the bundle (key {@code A.b} becomes {@code Messages.A_b(...)} and
 * {@code Messages._A_b(...)}), so a key the code uses but the bundle lacks does not compile, and
 * InjectedTest checks each file's encoding and duplicate keys. What neither sees: keys nothing uses
 * any more, texts MessageFormat would mangle, and translations that drifted from the default bundle.
 */
class MessagesTest {

    private static final Pattern LONE_APOSTROPHE = Pattern.compile("(?<!')'(?!')");
    private static final Pattern ARGUMENT = Pattern.compile("\\{(\\d+)[,}]");

    @Test
    void thePluginHasABundle() {
        assertThat(bundles())
                .as("Messages.properties under %s", PluginSources.resourcesDir())
                .isNotEmpty();
    }

    @TestFactory
    Stream<DynamicTest> everyKeyIsUsed() {
        StringBuilder allCode = new StringBuilder();
        PluginSources.files(PluginSources.javaDir(), ".java").forEach(p -> allCode.append(PluginSources.read(p)));
        PluginSources.files(PluginSources.resourcesDir(), ".jelly").forEach(p -> allCode.append(PluginSources.read(p)));
        String code = allCode.toString();
        return bundles().stream()
                .map(bundle -> DynamicTest.dynamicTest(name(bundle), () -> {
                    List<String> unused = new ArrayList<>();
                    for (String key : new TreeSet<>(load(bundle).stringPropertyNames())) {
                        String method = methodName(key);
                        if (!Pattern.compile("\\bMessages\\._?" + Pattern.quote(method) + "\\s*\\(")
                                        .matcher(code)
                                        .find()
                                && !code.contains(key)) {
                            unused.add(key);
                        }
                    }
                    assertThat(unused)
                            .as("keys of %s that nothing uses", name(bundle))
                            .isEmpty();
                }));
    }

    /** Localizer always formats with MessageFormat, which swallows a lone apostrophe and what follows. */
    @TestFactory
    Stream<DynamicTest> everyTextFormatsAsWritten() {
        return allBundles().stream()
                .map(bundle -> DynamicTest.dynamicTest(name(bundle), () -> {
                    List<String> problems = new ArrayList<>();
                    Properties p = load(bundle);
                    for (String key : new TreeSet<>(p.stringPropertyNames())) {
                        String text = p.getProperty(key);
                        if (LONE_APOSTROPHE.matcher(text).find()) {
                            problems.add(key + ": a lone ' vanishes in MessageFormat; write ''");
                        }
                        try {
                            new MessageFormat(text);
                        } catch (IllegalArgumentException e) {
                            problems.add(key + ": not a valid MessageFormat pattern (" + e.getMessage() + ")");
                        }
                    }
                    assertThat(problems).isEmpty();
                }));
    }

    @TestFactory
    Stream<DynamicTest> everyTranslationMatchesTheDefaultBundle() {
        return allBundles().stream()
                .filter(b -> !b.getFileName().toString().equals("Messages.properties"))
                .map(translation -> DynamicTest.dynamicTest(name(translation), () -> {
                    Properties base = load(translation.resolveSibling("Messages.properties"));
                    Properties local = load(translation);
                    for (String key : local.stringPropertyNames()) {
                        assertThat(base.getProperty(key))
                                .as("%s of %s in Messages.properties", key, name(translation))
                                .isNotNull();
                        assertThat(arguments(local.getProperty(key)))
                                .as("arguments of %s", key)
                                .isEqualTo(arguments(base.getProperty(key)));
                    }
                }));
    }

    static String methodName(String key) {
        StringBuilder b = new StringBuilder();
        for (char c : key.toCharArray()) {
            b.append(Character.isJavaIdentifierPart(c) ? c : '_');
        }
        return b.toString();
    }

    private static Set<String> arguments(String text) {
        Set<String> args = new TreeSet<>();
        Matcher m = ARGUMENT.matcher(text);
        while (m.find()) {
            args.add(m.group(1));
        }
        return args;
    }

    static List<Path> bundles() {
        return allBundles().stream()
                .filter(p -> p.getFileName().toString().equals("Messages.properties"))
                .toList();
    }

    private static List<Path> allBundles() {
        return PluginSources.files(PluginSources.resourcesDir(), ".properties").stream()
                .filter(p ->
                        p.getFileName().toString().matches("Messages(_[A-Za-z]{2,3}(_[A-Za-z0-9]+)*)?\\.properties"))
                .toList();
    }

    static Properties load(Path bundle) {
        Properties p = new Properties();
        try {
            p.load(new StringReader(PluginSources.read(bundle)));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return p;
    }

    private static String name(Path p) {
        return PluginSources.resourcesDir().relativize(p).toString();
    }
}
