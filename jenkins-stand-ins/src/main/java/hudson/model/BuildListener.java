/*
 * Stand-in for hudson.model.BuildListener: jenkinsci/jenkins core/src/main/java/hudson/model/BuildListener.java (jenkins-2.541.3).
 * Written for this project with upstream's signature for the members the plugin uses;
 * no behaviour (bodies throw), compile-time only.
 */
package hudson.model;

public interface BuildListener extends TaskListener {
}
