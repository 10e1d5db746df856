package io.jenkins.plugins.dataworks.runtime;

import hudson.ProxyConfiguration;
import hudson.Util;
import io.jenkins.plugins.dataworks.engine.client.ProxySettings;
import jenkins.model.Jenkins;

/**
 * Jenkins' own HTTP proxy (Manage Jenkins, System, HTTP Proxy Configuration) as the engine's proxy
 * settings, for the calls the controller makes: DataWorks and STS calls, and package downloads
 * outside {@code node {}}. A download on an agent uses the agent's own network settings, since the
 * controller's proxy may not be reachable from there.
 *
 * <p>The engine does not authenticate to a proxy: a proxy that demands it answers 407, and the
 * error says so.
 */
public final class ControllerProxy {

    private ControllerProxy() {}

    /** @return null when Jenkins has no proxy configured */
    public static ProxySettings current() {
        ProxyConfiguration proxy = Jenkins.get().getProxy();
        if (proxy == null || Util.fixEmptyAndTrim(proxy.getName()) == null) {
            return null;
        }
        return new ProxySettings(proxy.getName().trim(), proxy.getPort(), proxy.getNoProxyHost());
    }
}
