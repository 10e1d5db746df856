/*
 * Stand-in for hudson.init.TermMilestone: jenkinsci/jenkins core/src/main/java/hudson/init/TermMilestone.java (jenkins-2.541.3).
 * Written for this project with upstream's signature for the members the plugin uses;
 * no behaviour (bodies throw), compile-time only.
 */
package hudson.init;

// Upstream implements org.jvnet.hudson.reactor.Milestone; the plugin only names the constants (annotation defaults).
public enum TermMilestone {
    STARTED,
    COMPLETED
}
