/*
 * Stand-in for hudson.security.Permission: jenkinsci/jenkins core/src/main/java/hudson/security/Permission.java (jenkins-2.541.3).
 * Written for this project with upstream's signature for the members the plugin uses;
 * no behaviour (bodies throw), compile-time only.
 */
package hudson.security;

public final class Permission {
    private Permission() {
        // upstream's constructors define new permissions; the plugin defines none
    }
}
