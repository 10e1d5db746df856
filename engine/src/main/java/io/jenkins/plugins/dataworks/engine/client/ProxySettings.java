package io.jenkins.plugins.dataworks.engine.client;

/**
 * An HTTP(S) proxy. Credentials of the proxy, when any, are not kept here; pass them through the
 * JVM's standard mechanisms.
 *
 * @param host proxy host name
 * @param port proxy port
 * @param nonProxyHosts hosts reached directly, '|'-separated as in http.nonProxyHosts; nullable
 */
public record ProxySettings(String host, int port, String nonProxyHosts) {}
