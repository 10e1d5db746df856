/*
 * Stand-in for hudson.PluginWrapper: jenkinsci/jenkins core/src/main/java/hudson/PluginWrapper.java (jenkins-2.541.3).
 * Written for this project with upstream's signature for the members the plugin uses;
 * no behaviour (bodies throw), compile-time only.
 */
package hudson;

// Upstream also implements Comparable<PluginWrapper> and ModelObject.
public class PluginWrapper {
    private PluginWrapper() {
    }

    public boolean isActive() {
        throw new UnsupportedOperationException("stand-in");
    }
}
