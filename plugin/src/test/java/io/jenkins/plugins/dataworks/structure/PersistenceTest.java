package io.jenkins.plugins.dataworks.structure;

import static org.assertj.core.api.Assertions.assertThat;

import hudson.FilePath;
import hudson.Launcher;
import hudson.model.Action;
import hudson.model.Item;
import hudson.model.Job;
import hudson.model.Run;
import hudson.model.TaskListener;
import java.io.Closeable;
import java.io.Serializable;
import java.lang.reflect.Field;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.lang.reflect.WildcardType;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.concurrent.Future;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * What the plugin stores with a build, checked field by field through everything it reaches:
 * step executions go into the Pipeline's program.dat by Java serialization, so every persisted
 * field must be serializable and every class carry a serialVersionUID; actions go into build.xml
 * by XStream. Neither may hold a secret or a live object (run, listener, client, thread). The restart
 * tests serialize the execution for real, but only the values one run happens to hold; a secret in a
 * persisted field would serialize just as well, so this checks the declared fields.
 */
class PersistenceTest {

    private static final String PROJECT = "io.jenkins.plugins.dataworks.";
    private static final Pattern SECRET_NAME =
            Pattern.compile("(?i).*(secret|token|password|passwd|downloadurl|signedurl).*");
    private static final Pattern SECRET_TYPE =
            Pattern.compile("Secret|SecretValue|CredentialsSource|AccessKey.*|.*Credentials");
    private static final List<Class<?>> LIVE = List.of(
            Run.class,
            Job.class,
            Item.class,
            TaskListener.class,
            Launcher.class,
            FilePath.class,
            StepContext.class,
            Thread.class,
            Executor.class,
            Future.class,
            Closeable.class);

    @Test
    void thePluginHasAStepExecutionAndActions() {
        assertThat(executions()).as("StepExecution classes").isNotEmpty();
        // every step's execution is walked, the launching ones' persisted attempts and phases too
        assertThat(executions().stream().map(Class::getName))
                .contains(
                        PluginSources.PACKAGE + ".WaitForDataWorksMigrationStep$Execution",
                        PluginSources.PACKAGE + ".LaunchingExecution",
                        PluginSources.PACKAGE + ".CreateDataWorksExportStep$Execution",
                        PluginSources.PACKAGE + ".StartDataWorksMigrationStep$Execution",
                        PluginSources.PACKAGE + ".CreateDataWorksImportStep$Execution",
                        PluginSources.PACKAGE + ".PromoteDataWorksMigrationStep$Execution");
        assertThat(actions()).as("Action classes").isNotEmpty();
    }

    @TestFactory
    Stream<DynamicTest> stepExecutionsSerializeSafely() {
        return executions().stream()
                .map(type -> DynamicTest.dynamicTest(type.getName(), () -> {
                    List<String> problems = new ArrayList<>();
                    new Walk(true, problems).check(type, type.getSimpleName());
                    assertThat(problems)
                            .as("what %s persists in program.dat", type.getSimpleName())
                            .isEmpty();
                }));
    }

    @TestFactory
    Stream<DynamicTest> actionsPersistSafely() {
        return actions().stream()
                .map(type -> DynamicTest.dynamicTest(type.getName(), () -> {
                    List<String> problems = new ArrayList<>();
                    new Walk(false, problems).check(type, type.getSimpleName());
                    assertThat(problems)
                            .as("what %s persists in build.xml", type.getSimpleName())
                            .isEmpty();
                }));
    }

    @Test
    void theWalkFindsWhatItLooksFor() {
        List<String> problems = new ArrayList<>();
        new Walk(true, problems).check(Leaky.class, "Leaky");
        assertThat(problems)
                .anyMatch(p -> p.contains("serialVersionUID"))
                .anyMatch(p -> p.contains("Leaky.password"))
                .anyMatch(p -> p.contains("Leaky.listener"))
                .anyMatch(p -> p.contains("Leaky.lock"))
                .anyMatch(p -> p.contains("Leaky.nested.signedUrl"))
                .noneMatch(p -> p.contains("cache"));
    }

    static List<Class<?>> executions() {
        return PluginSources.pluginClasses().stream()
                .filter(StepExecution.class::isAssignableFrom)
                .toList();
    }

    static List<Class<?>> actions() {
        return PluginSources.pluginClasses().stream()
                .filter(c ->
                        Action.class.isAssignableFrom(c) && !c.isInterface() && !Modifier.isAbstract(c.getModifiers()))
                .toList();
    }

    private static final class Walk {
        private final boolean javaSerialization;
        private final List<String> problems;
        private final Set<Class<?>> seen = new HashSet<>();

        Walk(boolean javaSerialization, List<String> problems) {
            this.javaSerialization = javaSerialization;
            this.problems = problems;
        }

        void check(Class<?> type, String path) {
            if (!seen.add(type) || type.isEnum()) {
                return;
            }
            boolean serializable = Serializable.class.isAssignableFrom(type);
            if (javaSerialization && !serializable) {
                problems.add(path + ": " + type.getName() + " is not Serializable");
            }
            if (serializable && !type.isRecord() && !declaresSerialVersionUid(type)) {
                problems.add(path + ": " + type.getName() + " declares no serialVersionUID");
            }
            for (Class<?> k = type; k != null && k.getName().startsWith(PROJECT); k = k.getSuperclass()) {
                for (Field f : k.getDeclaredFields()) {
                    int mod = f.getModifiers();
                    if (Modifier.isStatic(mod) || Modifier.isTransient(mod) || f.isSynthetic()) {
                        continue;
                    }
                    String where = path + "." + f.getName();
                    if (SECRET_NAME.matcher(f.getName()).matches()) {
                        problems.add(where + ": the name says it may hold a secret; keep it out of persisted state");
                    }
                    checkType(f.getGenericType(), where);
                }
            }
        }

        private void checkType(Type t, String where) {
            if (t instanceof Class<?> c) {
                if (c.isArray()) {
                    checkType(c.getComponentType(), where);
                } else if (!c.isPrimitive()) {
                    checkClass(c, where);
                }
            } else if (t instanceof ParameterizedType p) {
                checkClass((Class<?>) p.getRawType(), where);
                for (Type arg : p.getActualTypeArguments()) {
                    checkType(arg, where + "<>");
                }
            } else if (t instanceof GenericArrayType g) {
                checkType(g.getGenericComponentType(), where);
            } else if (t instanceof WildcardType w) {
                for (Type b : w.getUpperBounds()) {
                    checkType(b, where);
                }
            } else if (t instanceof TypeVariable<?> v) {
                for (Type b : v.getBounds()) {
                    if (b != Object.class) {
                        checkType(b, where);
                    }
                }
            }
        }

        private void checkClass(Class<?> c, String where) {
            if (SECRET_TYPE.matcher(c.getSimpleName()).matches()) {
                problems.add(where + ": a " + c.getSimpleName()
                        + " holds a secret; persist the credentials id and look it up again");
                return;
            }
            for (Class<?> live : LIVE) {
                if (live.isAssignableFrom(c)) {
                    problems.add(where + ": a " + c.getSimpleName()
                            + " is a live object; make the field transient and rebuild it");
                    return;
                }
            }
            if (c.getName().startsWith(PROJECT)) {
                check(c, where);
            } else if (javaSerialization && !Serializable.class.isAssignableFrom(c) && !c.isInterface()
                    || javaSerialization
                            && c.isInterface()
                            && !Serializable.class.isAssignableFrom(c)
                            && !isCollection(c)) {
                problems.add(where + ": " + c.getName() + " is not Serializable");
            }
        }

        private static boolean isCollection(Class<?> c) {
            return Collection.class.isAssignableFrom(c) || Map.class.isAssignableFrom(c);
        }

        private static boolean declaresSerialVersionUid(Class<?> type) {
            try {
                Field f = type.getDeclaredField("serialVersionUID");
                int mod = f.getModifiers();
                return Modifier.isStatic(mod) && Modifier.isFinal(mod) && f.getType() == long.class;
            } catch (NoSuchFieldException e) {
                return false;
            }
        }
    }

    /** A deliberately bad execution state, to prove the walk sees each kind of problem. */
    @SuppressWarnings({"unused", "serial"})
    private static final class Leaky implements Serializable {
        private String password;
        private TaskListener listener;
        private Object lock = new Object();
        private Nested nested;
        private transient Object cache;
    }

    @SuppressWarnings("unused")
    private static final class Nested implements Serializable {
        private static final long serialVersionUID = 1L;
        private String signedUrl;
    }
}
