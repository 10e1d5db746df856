/*
 * Stand-in for jenkins.model.Jenkins: jenkinsci/jenkins core/src/main/java/jenkins/model/Jenkins.java (jenkins-2.541.3).
 * Written for this project with upstream's signature for the members the plugin uses;
 * no behaviour (bodies throw), compile-time only.
 */
package jenkins.model;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.PluginManager;
import hudson.ProxyConfiguration;
import hudson.security.ACL;
import hudson.security.AccessControlled;
import hudson.security.Permission;

// Upstream extends AbstractCIBase and implements a dozen model interfaces; only those the plugin relies on are kept.
public class Jenkins implements AccessControlled {
    public static final Permission ADMINISTER = null;

    private Jenkins() {
    }

    @NonNull
    public static Jenkins get() throws IllegalStateException {
        throw new UnsupportedOperationException("stand-in");
    }

    @CheckForNull
    public static Jenkins getInstanceOrNull() {
        throw new UnsupportedOperationException("stand-in");
    }

    @NonNull
    public PluginManager getPluginManager() {
        throw new UnsupportedOperationException("stand-in");
    }

    @CheckForNull
    public ProxyConfiguration getProxy() {
        throw new UnsupportedOperationException("stand-in");
    }

    @NonNull
    @Override
    public ACL getACL() {
        throw new UnsupportedOperationException("stand-in");
    }
}
