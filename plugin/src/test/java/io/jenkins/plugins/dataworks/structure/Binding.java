package io.jenkins.plugins.dataworks.structure;

import hudson.model.Descriptor;
import java.beans.Introspector;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Parameter;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;

/** How Stapler binds a form to a class: what it can set, what it reads back, which descriptor serves it. */
final class Binding {

    private Binding() {}

    /** Names Stapler can bind: @DataBoundConstructor parameters, @DataBoundSetter setters and fields. */
    static Set<String> bindableNames(Class<?> type) {
        Set<String> names = new LinkedHashSet<>();
        for (Constructor<?> c : type.getDeclaredConstructors()) {
            if (c.isAnnotationPresent(DataBoundConstructor.class)) {
                for (Parameter p : c.getParameters()) {
                    if (!p.isNamePresent()) {
                        throw new IllegalStateException("compile with -parameters: " + c);
                    }
                    names.add(p.getName());
                }
            }
        }
        for (Class<?> k = type; k != null && k != Object.class; k = k.getSuperclass()) {
            for (Method m : k.getDeclaredMethods()) {
                if (m.isAnnotationPresent(DataBoundSetter.class)
                        && m.getName().startsWith("set")
                        && m.getParameterCount() == 1) {
                    names.add(Introspector.decapitalize(m.getName().substring(3)));
                }
            }
            for (Field f : k.getDeclaredFields()) {
                if (f.isAnnotationPresent(DataBoundSetter.class)) {
                    names.add(f.getName());
                }
            }
        }
        return names;
    }

    /** What the form reads back when it is shown again: a getter, an is-getter or a public field. */
    static boolean readable(Class<?> type, String property) {
        String cap = Character.toUpperCase(property.charAt(0)) + property.substring(1);
        for (Method m : type.getMethods()) {
            if (m.getParameterCount() == 0
                    && !Modifier.isStatic(m.getModifiers())
                    && (m.getName().equals("get" + cap) || m.getName().equals("is" + cap) && returnsBoolean(m))) {
                return true;
            }
        }
        return Arrays.stream(type.getFields()).anyMatch(f -> f.getName().equals(property));
    }

    private static boolean returnsBoolean(Method m) {
        return m.getReturnType() == boolean.class || m.getReturnType() == Boolean.class;
    }

    /** The descriptor class of a describable: itself for a descriptor (GlobalConfiguration), else its nested one. */
    static Optional<Class<?>> descriptorOf(Class<?> type) {
        if (Descriptor.class.isAssignableFrom(type)) {
            return Optional.of(type);
        }
        return Arrays.stream(type.getDeclaredClasses())
                .filter(Descriptor.class::isAssignableFrom)
                .findFirst();
    }

    static Optional<Method> publicMethod(Class<?> type, String name) {
        return Arrays.stream(type.getMethods())
                .filter(m -> m.getName().equals(name))
                .findFirst();
    }

    static String capitalize(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
