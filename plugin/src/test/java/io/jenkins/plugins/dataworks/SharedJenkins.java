package io.jenkins.plugins.dataworks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import com.cloudbees.plugins.credentials.Credentials;
import com.cloudbees.plugins.credentials.SystemCredentialsProvider;
import com.cloudbees.plugins.credentials.domains.Domain;
import hudson.ProxyConfiguration;
import hudson.model.Computer;
import hudson.model.Executor;
import hudson.model.Item;
import hudson.model.Node;
import hudson.model.Result;
import hudson.model.User;
import hudson.security.ACL;
import hudson.security.AuthorizationStrategy;
import hudson.security.SecurityRealm;
import io.jenkins.plugins.dataworks.runtime.DataWorksRuntime;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import jenkins.security.QueueItemAuthenticatorConfiguration;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.jvnet.hudson.test.JenkinsRule;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * One Jenkins for all the tests of a class, instead of {@code @WithJenkins}'s one per test: starting
 * a Jenkins costs one to three seconds, more than many of these tests take themselves. Register it
 * on a {@code static} field; tests and {@code @BeforeEach} methods take the {@link JenkinsRule} as a
 * parameter, as with {@code @WithJenkins}.
 *
 * <p>Only for classes whose tests change nothing of the controller but what this extension puts
 * back after each test, to the state of the freshly started Jenkins: the build queue and running
 * builds (aborted), every item (deleted), every agent (removed), every user (deleted, with the
 * user's credentials), the system credentials, the queue item authenticators, the security realm
 * and authorization strategy, the number of executors, the HTTP proxy, and every field of the
 * plugin's global configuration and of its runtime (clock, scheduler, sleeper, clients and rate
 * limiters, which {@link DataWorksTestEnvironment#install} replaces). Before each test it checks that
 * this state is the fresh one, so a test never sees what another left behind, and lets the test
 * run as SYSTEM, as {@code @WithJenkins} does. A test that
 * needs anything else to start fresh (views, other plugins' configuration such as lockable resources,
 * a restart) belongs in a class of its own with {@code @WithJenkins}. The emulator stays per test (an
 * instance field). SharedJenkinsTest checks the putting back.
 *
 * <p>If putting the state back fails (a build that does not stop), the Jenkins is thrown away and
 * the next test gets a new one.
 */
final class SharedJenkins
        implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, AfterEachCallback, ParameterResolver {

    private static final Logger LOGGER = Logger.getLogger(SharedJenkins.class.getName());

    private JenkinsRule rule;
    private Class<?> testClass;
    private Fresh fresh;

    /** What a freshly started Jenkins of this class has, to compare with and to restore. */
    private record Fresh(
            SecurityRealm realm,
            AuthorizationStrategy authorization,
            int executors,
            ProxyConfiguration proxy,
            Set<String> users,
            Map<String, Object> globalConfiguration,
            Map<String, Object> runtime) {}

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        testClass = context.getRequiredTestClass();
        start();
    }

    private void start() throws Exception {
        // What @WithJenkins' rule does for a test without recipe annotations (none of these has one).
        // The harness names the test by a JUnit 4 Description, as JUnit5JenkinsRule does (not
        // public): the test class, whose @TestExtension classes it loads.
        JenkinsRule r = new JenkinsRule() {
            {
                testDescription = org.junit.runner.Description.createTestDescription(testClass, "shared Jenkins");
            }

            @Override
            public void recipe() {}
        };
        try {
            r.before();
        } catch (Exception | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
        rule = r;
        fresh = new Fresh(
                r.jenkins.getSecurityRealm(),
                r.jenkins.getAuthorizationStrategy(),
                r.jenkins.getNumExecutors(),
                r.jenkins.proxy,
                users(),
                fields(DataWorksGlobalConfiguration.get()),
                fields(DataWorksRuntime.get()));
        assertEquals(
                0, QueueItemAuthenticatorConfiguration.get().getAuthenticators().size());
    }

    private void stop() throws Exception {
        JenkinsRule r = rule;
        rule = null;
        if (r != null) {
            r.after();
        }
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        stop();
    }

    @Override
    public void beforeEach(ExtensionContext context) throws Exception {
        if (rule == null) {
            start();
        }
        assertFresh();
        // A test runs as SYSTEM, as with @WithJenkins (whose rule leaves ACL.as2(SYSTEM2) open on
        // the test thread), whatever the test before did to the thread's context.
        SecurityContextHolder.clearContext();
        SecurityContextHolder.getContext().setAuthentication(ACL.SYSTEM2);
    }

    @Override
    public void afterEach(ExtensionContext context) throws Exception {
        try {
            reset();
            assertFresh();
        } catch (Exception | AssertionError e) {
            LOGGER.log(Level.WARNING, "the shared Jenkins could not be put back; the next test gets a new one", e);
            stop();
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == JenkinsRule.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return rule;
    }

    /** Puts back the state listed in the class comment. */
    private void reset() throws Exception {
        JenkinsRule r = rule;
        if (r == null) {
            return;
        }
        r.jenkins.getQueue().clear();
        for (Computer c : r.jenkins.getComputers()) {
            for (Executor e : c.getAllExecutors()) {
                if (e.isBusy()) {
                    e.interrupt(Result.ABORTED);
                }
            }
        }
        r.waitUntilNoActivityUpTo(60_000);
        for (Item item : new ArrayList<>(r.jenkins.getItems())) {
            item.delete();
        }
        for (Node node : new ArrayList<>(r.jenkins.getNodes())) {
            r.jenkins.removeNode(node);
        }
        for (User user : User.getAll()) {
            if (!fresh.users().contains(user.getId())) {
                user.delete(); // and with it the user's own credentials
            }
        }
        QueueItemAuthenticatorConfiguration.get().getAuthenticators().clear();
        SystemCredentialsProvider store = SystemCredentialsProvider.getInstance();
        Map<Domain, List<Credentials>> none = new HashMap<>();
        none.put(Domain.global(), new ArrayList<>());
        store.setDomainCredentialsMap(none);
        store.save();
        if (r.jenkins.getSecurityRealm() != fresh.realm()) {
            r.jenkins.setSecurityRealm(fresh.realm());
        }
        if (r.jenkins.getAuthorizationStrategy() != fresh.authorization()) {
            r.jenkins.setAuthorizationStrategy(fresh.authorization());
        }
        if (r.jenkins.getNumExecutors() != fresh.executors()) {
            r.jenkins.setNumExecutors(fresh.executors());
        }
        r.jenkins.proxy = fresh.proxy();
        restore(DataWorksGlobalConfiguration.get(), fresh.globalConfiguration());
        DataWorksGlobalConfiguration.get().save();
        restore(DataWorksRuntime.get(), fresh.runtime());
    }

    private void assertFresh() throws Exception {
        JenkinsRule r = rule;
        assertEquals(List.of(), r.jenkins.getItems(), "items left by the test before");
        assertEquals(List.of(), r.jenkins.getNodes(), "agents left by the test before");
        assertEquals(0, r.jenkins.getQueue().getItems().length, "queue items left by the test before");
        assertEquals(
                List.of(),
                SystemCredentialsProvider.getInstance().getDomainCredentialsMap().values().stream()
                        .flatMap(List::stream)
                        .toList(),
                "credentials left by the test before");
        assertEquals(fresh.users(), users(), "users left by the test before");
        assertEquals(
                0,
                QueueItemAuthenticatorConfiguration.get().getAuthenticators().size(),
                "queue item authenticators left by the test before");
        assertSame(fresh.realm(), r.jenkins.getSecurityRealm());
        assertSame(fresh.authorization(), r.jenkins.getAuthorizationStrategy());
        assertEquals(fresh.executors(), r.jenkins.getNumExecutors());
        assertSame(fresh.proxy(), r.jenkins.proxy);
        assertEquals(
                fresh.globalConfiguration(), fields(DataWorksGlobalConfiguration.get()), "the global configuration");
        assertEquals(fresh.runtime(), fields(DataWorksRuntime.get()), "the plugin's runtime");
    }

    private static Set<String> users() {
        return User.getAll().stream().map(User::getId).collect(Collectors.toSet());
    }

    /**
     * Every instance field that can change of {@code o} (the global configuration, the runtime), so
     * that a field added later is put back too.
     */
    private static Map<String, Object> fields(Object o) throws IllegalAccessException {
        Map<String, Object> values = new LinkedHashMap<>();
        for (Field f : changeableFields(o)) {
            values.put(f.getName(), f.get(o));
        }
        return values;
    }

    private static void restore(Object o, Map<String, Object> values) throws IllegalAccessException {
        for (Field f : changeableFields(o)) {
            f.set(o, values.get(f.getName()));
        }
    }

    private static List<Field> changeableFields(Object o) {
        List<Field> fields = new ArrayList<>();
        for (Field f : o.getClass().getDeclaredFields()) {
            if (!Modifier.isStatic(f.getModifiers()) && !Modifier.isFinal(f.getModifiers())) {
                f.setAccessible(true);
                fields.add(f);
            }
        }
        return fields;
    }
}
