/*
 * Stand-in for hudson.model.Item: jenkinsci/jenkins core/src/main/java/hudson/model/Item.java (jenkins-2.541.3).
 * Written for this project with upstream's signature for the members the plugin uses;
 * no behaviour (bodies throw), compile-time only.
 */
package hudson.model;

import hudson.security.AccessControlled;
import hudson.security.Permission;

// Upstream also extends PersistenceRoot, the naming/search model interfaces and OnMaster.
public interface Item extends AccessControlled {
    Permission CONFIGURE = null;

    Permission EXTENDED_READ = null;
}
