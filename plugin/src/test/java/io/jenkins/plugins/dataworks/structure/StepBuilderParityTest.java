package io.jenkins.plugins.dataworks.structure;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;

/**
 * The Pipeline step and the freestyle builder offer the same options. Jenkins data binding makes
 * each Describable declare its own constructor, setters, form and help files, so they are written
 * twice; the logic behind them is shared (GateOptions, MigrationForms). This keeps the copies equal.
 */
class StepBuilderParityTest {

    private static final String STEP = PluginSources.PACKAGE + ".WaitForDataWorksMigrationStep";
    private static final String BUILDER = PluginSources.PACKAGE + ".DataWorksMigrationBuilder";

    @Test
    void sameOptionsWithTheSameTypes() {
        assertThat(options(PluginSources.load(BUILDER))).isEqualTo(options(PluginSources.load(STEP)));
    }

    @Test
    void sameDescriptorWebMethods() {
        assertThat(webMethods(Binding.descriptorOf(PluginSources.load(BUILDER)).orElseThrow()))
                .isEqualTo(webMethods(
                        Binding.descriptorOf(PluginSources.load(STEP)).orElseThrow()));
    }

    @Test
    void sameFormAndFieldHelp() {
        Path step = viewDir(STEP);
        Path builder = viewDir(BUILDER);
        assertThat(withoutComments(PluginSources.read(builder.resolve("config.jelly"))))
                .isEqualTo(withoutComments(PluginSources.read(step.resolve("config.jelly"))));
        for (String option : options(PluginSources.load(STEP)).keySet()) {
            String help = "help-" + option + ".html";
            assertThat(PluginSources.read(builder.resolve(help)))
                    .as(help)
                    .isEqualTo(PluginSources.read(step.resolve(help)));
        }
    }

    /** Constructor parameters and setters: name to type. */
    private static Map<String, String> options(Class<?> type) {
        Map<String, String> options = new TreeMap<>();
        for (Constructor<?> c : type.getDeclaredConstructors()) {
            if (c.isAnnotationPresent(DataBoundConstructor.class)) {
                for (Parameter p : c.getParameters()) {
                    options.put(p.getName(), p.getParameterizedType().getTypeName());
                }
            }
        }
        for (Method m : type.getDeclaredMethods()) {
            if (m.isAnnotationPresent(DataBoundSetter.class)) {
                options.put(
                        java.beans.Introspector.decapitalize(m.getName().substring(3)),
                        m.getGenericParameterTypes()[0].getTypeName());
            }
        }
        return options;
    }

    /** doFill/doCheck/doTest methods with their parameter types and annotations. */
    private static Map<String, String> webMethods(Class<?> descriptor) {
        Map<String, String> methods = new TreeMap<>();
        for (Method m : descriptor.getDeclaredMethods()) {
            if (m.getName().startsWith("do")) {
                methods.put(
                        m.getName(),
                        Arrays.toString(m.getGenericParameterTypes()) + " " + Arrays.toString(m.getAnnotations()) + " "
                                + Arrays.deepToString(m.getParameterAnnotations()));
            }
        }
        return methods;
    }

    private static Path viewDir(String className) {
        return PluginSources.resourcesDir().resolve(className.replace('.', '/'));
    }

    private static String withoutComments(String xml) {
        return xml.replaceAll("(?s)<!--.*?-->\\s*", "");
    }
}
