/*
 * Stand-in for hudson.ProxyConfiguration: jenkinsci/jenkins core/src/main/java/hudson/ProxyConfiguration.java (jenkins-2.541.3).
 * Written for this project with upstream's signature for the members the plugin uses;
 * no behaviour (bodies throw), compile-time only.
 */
package hudson;

// Upstream implements Describable<ProxyConfiguration>, Saveable and Serializable; the plugin relies on none of them.
public final class ProxyConfiguration {

    private ProxyConfiguration() {
    }

    public int getPort() {
        throw new UnsupportedOperationException("stand-in");
    }

    public String getName() {
        throw new UnsupportedOperationException("stand-in");
    }

    public String getNoProxyHost() {
        throw new UnsupportedOperationException("stand-in");
    }
}
