/*
 * Stand-in for org.jenkinsci.remoting.RoleSensitive: jenkinsci/remoting src/main/java/org/jenkinsci/remoting/RoleSensitive.java (HEAD of 2026-08).
 * Written for this project with upstream's signature for the members the plugin uses;
 * no behaviour (bodies throw), compile-time only.
 */
package org.jenkinsci.remoting;

public interface RoleSensitive {
    void checkRoles(RoleChecker checker) throws SecurityException;
}
