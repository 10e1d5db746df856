/*
 * Stand-in for hudson.tasks.BuildStepCompatibilityLayer: jenkinsci/jenkins core/src/main/java/hudson/tasks/BuildStepCompatibilityLayer.java (jenkins-2.541.3).
 * Written for this project with upstream's signature for the members the plugin uses;
 * no behaviour (bodies throw), compile-time only.
 */
package hudson.tasks;

@Deprecated
public abstract class BuildStepCompatibilityLayer implements BuildStep {
}
