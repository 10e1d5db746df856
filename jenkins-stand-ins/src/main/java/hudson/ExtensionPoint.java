/*
 * Stand-in for hudson.ExtensionPoint: jenkinsci/jenkins core/src/main/java/hudson/ExtensionPoint.java (jenkins-2.541.3).
 * Written for this project with upstream's signature for the members the plugin uses;
 * no behaviour (bodies throw), compile-time only.
 */
package hudson;

public interface ExtensionPoint {
}
