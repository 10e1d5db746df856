package io.jenkins.plugins.dataworks.engine.client;

import java.time.Duration;
import java.util.Objects;

/**
 * How the client talks to the service: endpoint, per-request timeouts and an optional proxy.
 *
 * @param proxy nullable: no proxy
 */
public record ClientSettings(Endpoint endpoint, Duration connectTimeout, Duration readTimeout, ProxySettings proxy) {

    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);
    public static final Duration DEFAULT_READ_TIMEOUT = Duration.ofSeconds(30);

    public ClientSettings {
        Objects.requireNonNull(endpoint, "endpoint");
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(readTimeout, "readTimeout");
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
