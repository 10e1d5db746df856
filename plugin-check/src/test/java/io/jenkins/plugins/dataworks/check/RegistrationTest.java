package io.jenkins.plugins.dataworks.check;

import static org.assertj.core.api.Assertions.assertThat;

import hudson.Extension;
import hudson.model.Descriptor;
import hudson.tasks.Builder;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import jenkins.model.GlobalConfiguration;
import net.java.sezpoz.Index;
import net.java.sezpoz.IndexItem;
import org.jenkinsci.Symbol;
import org.jenkinsci.plugins.workflow.steps.Step;
import org.jenkinsci.plugins.workflow.steps.StepDescriptor;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.kohsuke.stapler.verb.POST;

/**
 * The names users type and the registrations Jenkins relies on: the Pipeline function, the
 * configuration-as-code and Job DSL symbols, the @Extension index the compiler writes, display
 * names from the bundle, and POST on every form endpoint.
 */
class RegistrationTest {

    @Test
    void theStepIsCalledWaitForDataWorksMigration() throws Exception {
        List<Class<?>> steps = concrete(Step.class);
        assertThat(steps).as("Step classes").hasSize(1);
        StepDescriptor descriptor = (StepDescriptor) newInstance(Binding.descriptorOf(steps.get(0)).orElseThrow());
        assertThat(descriptor.getFunctionName()).isEqualTo("waitForDataWorksMigration");
        assertThat(descriptor.getDisplayName()).isEqualTo(bundleText("Step.displayName"));
        Set<Class<?>> required = Set.copyOf(descriptor.getRequiredContext());
        assertThat(required).as("no node {} needed").doesNotContain(hudson.FilePath.class, hudson.Launcher.class);
    }

    @Test
    void theFreestyleBuilderAndTheGlobalConfigurationAreCalledDataWorksMigration() {
        List<Class<?>> builders = concrete(Builder.class);
        assertThat(builders).as("Builder classes").hasSize(1);
        Class<?> builderDescriptor = Binding.descriptorOf(builders.get(0)).orElseThrow();
        assertThat(symbols(builderDescriptor)).containsExactly("dataWorksMigration");

        List<Class<?>> globals = concrete(GlobalConfiguration.class);
        assertThat(globals).as("GlobalConfiguration classes").hasSize(1);
        assertThat(symbols(globals.get(0))).containsExactly("dataWorksMigration");
    }

    @Test
    void everyDescriptorIsAnExtensionInTheCompiledIndex() {
        Set<String> indexed = new TreeSet<>();
        for (IndexItem<Extension, Object> item : Index.load(Extension.class, Object.class, RegistrationTest.class.getClassLoader())) {
            indexed.add(item.className());
        }
        List<String> missing = new ArrayList<>();
        for (Class<?> d : concrete(Descriptor.class)) {
            if (!d.isAnnotationPresent(Extension.class)) {
                missing.add(d.getName() + " lacks @Extension");
            } else if (!indexed.contains(d.getName())) {
                missing.add(d.getName() + " is not in META-INF/annotations/hudson.Extension");
            }
        }
        assertThat(concrete(Descriptor.class)).as("descriptors").isNotEmpty();
        assertThat(missing).isEmpty();
    }

    @Test
    void theBuilderDisplayNameComesFromTheBundle() throws Exception {
        Class<?> builderDescriptor = Binding.descriptorOf(concrete(Builder.class).get(0)).orElseThrow();
        assertThat(((Descriptor<?>) newInstance(builderDescriptor)).getDisplayName()).isEqualTo(bundleText("Builder.displayName"));
    }

    /** Form validation and test buttons act with the user's rights; the Jenkins security scan asks for POST. */
    @TestFactory
    Stream<DynamicTest> everyCheckAndTestMethodIsPost() {
        return concrete(Descriptor.class).stream().map(d -> DynamicTest.dynamicTest(d.getName(), () -> {
            List<String> notPost = new ArrayList<>();
            for (Method m : d.getDeclaredMethods()) {
                if (Modifier.isPublic(m.getModifiers()) && (m.getName().startsWith("doCheck") || m.getName().startsWith("doTest"))
                        && !m.isAnnotationPresent(POST.class)) {
                    notPost.add(m.getName());
                }
            }
            assertThat(notPost).as("form endpoints of %s without @POST", d.getSimpleName()).isEmpty();
        }));
    }

    /** A doCheckX method without a field x on the form never runs: usually a renamed field. */
    @TestFactory
    Stream<DynamicTest> everyCheckMethodHasItsField() {
        return JellyViewsTest.configViews().stream().map(view -> DynamicTest.dynamicTest(view.toString(), () -> {
            Class<?> type = PluginSources.classOfViewDir(view.getParent());
            Class<?> descriptor = Binding.descriptorOf(type).orElseThrow();
            Set<String> fields = JellyViewsTest.fields(JellyViewsTest.parse(view));
            List<String> orphans = new ArrayList<>();
            for (Method m : descriptor.getDeclaredMethods()) {
                if (m.getName().startsWith("doCheck") && m.getName().length() > "doCheck".length()) {
                    String field = java.beans.Introspector.decapitalize(m.getName().substring("doCheck".length()));
                    if (!fields.contains(field)) {
                        orphans.add(m.getName());
                    }
                }
            }
            assertThat(orphans).as("check methods of %s with no field in %s", descriptor.getSimpleName(), view.getFileName()).isEmpty();
        }));
    }

    static List<Class<?>> concrete(Class<?> base) {
        return PluginSources.pluginClasses().stream()
                .filter(c -> base.isAssignableFrom(c) && !c.isInterface() && !Modifier.isAbstract(c.getModifiers())).toList();
    }

    private static List<String> symbols(Class<?> type) {
        Symbol s = type.getAnnotation(Symbol.class);
        return s == null ? List.of() : List.of(s.value());
    }

    /** Descriptors of steps and builders have no-argument constructors and, in the stand-ins, no behaviour to run. */
    private static Object newInstance(Class<?> type) throws Exception {
        Constructor<?> c = type.getDeclaredConstructor();
        c.setAccessible(true);
        return c.newInstance();
    }

    private static String bundleText(String key) {
        Path bundle = MessagesTest.bundles().stream()
                .filter(p -> p.getParent().endsWith(PluginSources.PACKAGE.replace('.', '/'))).findFirst().orElseThrow();
        return MessagesTest.load(bundle).getProperty(key);
    }
}
