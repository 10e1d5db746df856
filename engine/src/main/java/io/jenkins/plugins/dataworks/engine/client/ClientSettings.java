package io.jenkins.plugins.dataworks.engine.client;

import io.jenkins.plugins.dataworks.engine.text.Setting;
import io.jenkins.plugins.dataworks.engine.text.UserText;
import io.jenkins.plugins.dataworks.engine.error.InvalidInputException;
import io.jenkins.plugins.dataworks.engine.input.DurationInput;
import java.time.Duration;

/**
 * How the client talks to the service: endpoint, per-request timeouts and an optional proxy.
 *
 * @param proxy nullable: no proxy
 */
public record ClientSettings(Endpoint endpoint, Duration connectTimeout, Duration readTimeout, ProxySettings proxy) {

    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);
    public static final Duration DEFAULT_READ_TIMEOUT = Duration.ofSeconds(30);

    /** Longest timeout accepted: the SDK takes milliseconds as an int, and longer waits hide outages. */
    public static final Duration MAX_TIMEOUT = Duration.ofMinutes(10);

    public ClientSettings {
        if (endpoint == null) {
            throw new InvalidInputException("endpoint",
                    UserText.of("is missing: set ", Setting.REGION, " or ", Setting.ENDPOINT));
        }
        checkTimeout("connectTimeout", connectTimeout);
        checkTimeout("readTimeout", readTimeout);
    }

    private static void checkTimeout(String field, Duration timeout) {
        if (timeout == null || timeout.toMillis() < 1 || timeout.compareTo(MAX_TIMEOUT) > 0) {
            throw new InvalidInputException(field, "must be between 1ms and 10m, got "
                    + (timeout == null ? "nothing" : DurationInput.format(timeout)));
        }
    }

    public static ClientSettings of(Endpoint endpoint) {
        return new ClientSettings(endpoint, DEFAULT_CONNECT_TIMEOUT, DEFAULT_READ_TIMEOUT, null);
    }

    public ClientSettings withTimeouts(Duration connect, Duration read) {
        return new ClientSettings(endpoint, connect, read, proxy);
    }

    public ClientSettings withProxy(ProxySettings newProxy) {
        return new ClientSettings(endpoint, connectTimeout, readTimeout, newProxy);
    }
}
