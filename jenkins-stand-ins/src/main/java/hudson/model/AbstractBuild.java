/*
 * Stand-in for hudson.model.AbstractBuild: jenkinsci/jenkins core/src/main/java/hudson/model/AbstractBuild.java (jenkins-2.541.3).
 * Written for this project with upstream's signature for the members the plugin uses;
 * no behaviour (bodies throw), compile-time only.
 */
package hudson.model;

// Upstream extends Run<P, R> and implements Queue.Executable, LazyBuildMixIn.LazyLoadingRun<P, R>.
public abstract class AbstractBuild<P extends AbstractProject<P, R>, R extends AbstractBuild<P, R>> extends Run<P, R> {
    protected AbstractBuild() {
    }
}
