package io.jenkins.plugins.dataworks.structure;

import static org.assertj.core.api.Assertions.assertThat;

import hudson.ExtensionList;
import hudson.model.Descriptor;
import hudson.tasks.Builder;
import java.lang.reflect.Modifier;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import jenkins.model.GlobalConfiguration;
import org.jenkinsci.plugins.structs.SymbolLookup;
import org.jenkinsci.plugins.workflow.steps.Step;
import org.jenkinsci.plugins.workflow.steps.StepDescriptor;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/**
 * The registrations Jenkins relies on, looked up the way Jenkins looks them up: every descriptor
 * the plugin compiles is an extension of the running Jenkins, and the names users type (Pipeline
 * function, Job DSL / Pipeline symbol of the builder, configuration-as-code symbol of the global
 * configuration) resolve to the plugin's descriptors, which show their names from the bundle.
 */
@WithJenkins
class RegistrationTest {

    /**
     * The JenkinsRule tests reach today's three descriptors by type; a descriptor added later
     * without {@code @Extension} would be found by nothing, and its form would silently not show.
     */
    @Test
    void everyDescriptorThePluginCompilesIsRegistered(JenkinsRule r) {
        List<Class<?>> descriptors = concrete(Descriptor.class);
        assertThat(descriptors).as("descriptor classes of the plugin").isNotEmpty();
        List<String> missing = new ArrayList<>();
        for (Class<?> d : descriptors) {
            boolean registered = ExtensionList.lookup(Descriptor.class).stream().anyMatch(x -> x.getClass() == d);
            if (!registered) {
                missing.add(d.getName());
            }
        }
        assertThat(missing).as("descriptors Jenkins does not know").isEmpty();
    }

    /** Pipeline function name to the bundle key of its display name. */
    private static final java.util.Map<String, String> STEPS = java.util.Map.of(
            "waitForDataWorksMigration", "Step.displayName",
            "createDataWorksExport", "CreateExport.displayName",
            "startDataWorksMigration", "Start.displayName",
            "createDataWorksImport", "CreateImport.displayName",
            "promoteDataWorksMigration", "Promote.displayName");

    @Test
    void theNamesUsersTypeResolveToThePluginsDescriptors(JenkinsRule r) {
        List<Class<?>> steps = concrete(Step.class);
        assertThat(steps).as("Step classes").hasSize(STEPS.size());
        STEPS.forEach((function, displayNameKey) -> {
            StepDescriptor step = StepDescriptor.byFunctionName(function);
            assertThat(step).as(function).isNotNull();
            assertThat(steps).as(function).contains(step.clazz);
            assertThat(step.getDisplayName()).as(function).isEqualTo(bundleText(displayNameKey));
        });

        List<Class<?>> builders = concrete(Builder.class);
        assertThat(builders).as("Builder classes").hasSize(1);
        Descriptor<?> builder = SymbolLookup.get().findDescriptor(Builder.class, "dataWorksMigration");
        assertThat(builder).as("builder symbol dataWorksMigration").isNotNull();
        assertThat(builder.clazz).isEqualTo(builders.get(0));
        assertThat(SymbolLookup.getSymbolValue(builder)).containsExactly("dataWorksMigration");
        assertThat(builder.getDisplayName()).isEqualTo(bundleText("Builder.displayName"));

        List<Class<?>> globals = concrete(GlobalConfiguration.class);
        assertThat(globals).as("GlobalConfiguration classes").hasSize(1);
        GlobalConfiguration global = SymbolLookup.get().find(GlobalConfiguration.class, "dataWorksMigration");
        assertThat(global).as("configuration-as-code symbol dataWorksMigration").isNotNull();
        assertThat(global.getClass()).isEqualTo(globals.get(0));
        assertThat(SymbolLookup.getSymbolValue(global)).containsExactly("dataWorksMigration");
    }

    static List<Class<?>> concrete(Class<?> base) {
        return PluginSources.pluginClasses().stream()
                .filter(c -> base.isAssignableFrom(c) && !c.isInterface() && !Modifier.isAbstract(c.getModifiers()))
                .toList();
    }

    private static String bundleText(String key) {
        Path bundle = MessagesTest.bundles().stream()
                .filter(p -> p.getParent().endsWith(PluginSources.PACKAGE.replace('.', '/')))
                .findFirst()
                .orElseThrow();
        return MessagesTest.load(bundle).getProperty(key);
    }
}
