/*
 * Stand-in for hudson.PluginManager: jenkinsci/jenkins core/src/main/java/hudson/PluginManager.java (jenkins-2.541.3).
 * Written for this project with upstream's signature for the members the plugin uses;
 * no behaviour (bodies throw), compile-time only.
 */
package hudson;

import edu.umd.cs.findbugs.annotations.CheckForNull;

// Upstream extends AbstractModelObject and implements OnMaster, StaplerOverridable, StaplerProxy.
public abstract class PluginManager {
    private PluginManager() {
    }

    @CheckForNull
    public PluginWrapper getPlugin(String shortName) {
        throw new UnsupportedOperationException("stand-in");
    }
}
