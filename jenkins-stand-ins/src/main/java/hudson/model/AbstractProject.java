/*
 * Stand-in for hudson.model.AbstractProject: jenkinsci/jenkins core/src/main/java/hudson/model/AbstractProject.java (jenkins-2.541.3).
 * Written for this project with upstream's signature for the members the plugin uses;
 * no behaviour (bodies throw), compile-time only.
 */
package hudson.model;

// Upstream extends Job<P, R> and implements BuildableItem and the lazy-loading/parameterized job mix-ins.
public abstract class AbstractProject<P extends AbstractProject<P, R>, R extends AbstractBuild<P, R>> extends Job<P, R> {
    protected AbstractProject() {
    }
}
