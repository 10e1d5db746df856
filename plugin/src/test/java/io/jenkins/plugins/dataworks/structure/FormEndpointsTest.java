package io.jenkins.plugins.dataworks.structure;

import static org.assertj.core.api.Assertions.assertThat;

import hudson.model.Descriptor;
import java.beans.Introspector;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.kohsuke.stapler.verb.POST;

/** The descriptors' form endpoints: POST where they act, and a field on the form for every check. */
class FormEndpointsTest {

    /** Form validation and test buttons act with the user's rights; the Jenkins security scan asks for POST. */
    @TestFactory
    Stream<DynamicTest> everyCheckAndTestMethodIsPost() {
        List<Class<?>> descriptors = RegistrationTest.concrete(Descriptor.class);
        assertThat(descriptors).as("descriptor classes of the plugin").isNotEmpty();
        return descriptors.stream()
                .map(d -> DynamicTest.dynamicTest(d.getName(), () -> {
                    List<String> notPost = new ArrayList<>();
                    // the plugin's abstract descriptors too: their web methods serve every subclass
                    List<Method> methods = new ArrayList<>();
                    for (Class<?> k = d; k.getName().startsWith(PluginSources.PACKAGE); k = k.getSuperclass()) {
                        methods.addAll(List.of(k.getDeclaredMethods()));
                    }
                    for (Method m : methods) {
                        if (Modifier.isPublic(m.getModifiers())
                                && (m.getName().startsWith("doCheck")
                                        || m.getName().startsWith("doTest"))
                                && !m.isAnnotationPresent(POST.class)) {
                            notPost.add(m.getName());
                        }
                    }
                    assertThat(notPost)
                            .as("form endpoints of %s without @POST", d.getSimpleName())
                            .isEmpty();
                }));
    }

    /** A doCheckX method without a field x on the form never runs: usually a renamed field. */
    @TestFactory
    Stream<DynamicTest> everyCheckMethodHasItsField() {
        return JellyViewsTest.configViews().stream()
                .map(view -> DynamicTest.dynamicTest(view.toString(), () -> {
                    Class<?> type = PluginSources.classOfViewDir(view.getParent());
                    Class<?> descriptor = Binding.descriptorOf(type).orElseThrow();
                    Set<String> fields = JellyViewsTest.fields(JellyViewsTest.parse(view));
                    List<String> orphans = new ArrayList<>();
                    for (Method m : descriptor.getDeclaredMethods()) {
                        if (m.getName().startsWith("doCheck") && m.getName().length() > "doCheck".length()) {
                            String field = Introspector.decapitalize(m.getName().substring("doCheck".length()));
                            if (!fields.contains(field)) {
                                orphans.add(m.getName());
                            }
                        }
                    }
                    assertThat(orphans)
                            .as(
                                    "check methods of %s with no field in %s",
                                    descriptor.getSimpleName(), view.getFileName())
                            .isEmpty();
                }));
    }
}
