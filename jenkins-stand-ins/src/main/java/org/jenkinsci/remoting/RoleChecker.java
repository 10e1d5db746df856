/*
 * Stand-in for org.jenkinsci.remoting.RoleChecker: jenkinsci/remoting src/main/java/org/jenkinsci/remoting/RoleChecker.java (HEAD of 2026-08).
 * Written for this project with upstream's signature for the members the plugin uses;
 * no behaviour (bodies throw), compile-time only.
 */
package org.jenkinsci.remoting;

// Upstream's abstract check(RoleSensitive, Collection<Role>) is only called by remoting itself.
public abstract class RoleChecker {
}
