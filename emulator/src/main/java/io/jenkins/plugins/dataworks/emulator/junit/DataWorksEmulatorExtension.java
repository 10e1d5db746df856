package io.jenkins.plugins.dataworks.emulator.junit;

import io.jenkins.plugins.dataworks.emulator.DataWorksEmulator;
import io.jenkins.plugins.dataworks.emulator.MutableClock;
import io.jenkins.plugins.dataworks.emulator.scenario.Scenario;
import io.jenkins.plugins.dataworks.emulator.scenario.Scenarios;
import java.net.URI;
import java.util.Objects;
import java.util.function.Consumer;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Starts a {@link DataWorksEmulator} for JUnit 5 tests, with a {@link MutableClock} as its scenario
 * clock (the signature clock stays real, because the SDK stamps real time).
 *
 * <p>On a {@code static} {@code @RegisterExtension} field one emulator serves the whole class; on an
 * instance field each test gets a fresh emulator and clock. Test methods may also take
 * {@code DataWorksEmulator} or {@code MutableClock} parameters.
 *
 * <pre>{@code
 * @RegisterExtension
 * final DataWorksEmulatorExtension emulator = DataWorksEmulatorExtension.withScenario(Scenarios.demo())
 *         .configure(b -> b.fault(Fault.throttling("Throttling.User").times(2)));
 *
 * @Test void polls() { client.poll(emulator.hostAndPort()); emulator.clock().advance(Duration.ofMinutes(5)); }
 * }</pre>
 */
public final class DataWorksEmulatorExtension implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback,
        AfterEachCallback, ParameterResolver {

    private final Scenario scenario;
    private final Consumer<DataWorksEmulator.Builder> customizer;
    private volatile DataWorksEmulator emulator;
    private volatile MutableClock clock;
    private volatile boolean perClass;

    private DataWorksEmulatorExtension(Scenario scenario, Consumer<DataWorksEmulator.Builder> customizer) {
        this.scenario = Objects.requireNonNull(scenario, "scenario");
        this.customizer = Objects.requireNonNull(customizer, "customizer");
    }

    /** The built-in demo scenario ({@link Scenarios#demo()}). */
    public DataWorksEmulatorExtension() {
        this(Scenarios.demo(), b -> { });
    }

    public static DataWorksEmulatorExtension withScenario(Scenario scenario) {
        return new DataWorksEmulatorExtension(scenario, b -> { });
    }

    /** A copy that also applies {@code change} to the emulator builder (keys, migrations, faults, threads, ...). */
    public DataWorksEmulatorExtension configure(Consumer<DataWorksEmulator.Builder> change) {
        return new DataWorksEmulatorExtension(scenario, customizer.andThen(change));
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        perClass = true;
        start();
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        if (emulator == null) {
            start();
        }
    }

    @Override
    public void afterEach(ExtensionContext context) {
        if (!perClass) {
            stop();
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        stop();
    }

    private synchronized void start() {
        MutableClock newClock = MutableClock.startingNow();
        DataWorksEmulator.Builder builder = DataWorksEmulator.builder().scenario(scenario).scenarioClock(newClock);
        customizer.accept(builder);
        clock = newClock;
        emulator = builder.build().start();
    }

    private synchronized void stop() {
        DataWorksEmulator running = emulator;
        emulator = null;
        if (running != null) {
            running.close();
        }
    }

    /** The running emulator. */
    public DataWorksEmulator emulator() {
        DataWorksEmulator running = emulator;
        if (running == null) {
            throw new IllegalStateException("the emulator runs only inside a test (or the class, for a static field)");
        }
        return running;
    }

    /** The emulator's scenario clock. */
    public MutableClock clock() {
        emulator();
        return clock;
    }

    public URI endpoint() {
        return emulator().endpoint();
    }

    /** {@code 127.0.0.1:PORT} for CommonRequest.setSysDomain. */
    public String hostAndPort() {
        return emulator().hostAndPort();
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == DataWorksEmulator.class || type == MutableClock.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == DataWorksEmulator.class ? emulator() : clock();
    }
}
