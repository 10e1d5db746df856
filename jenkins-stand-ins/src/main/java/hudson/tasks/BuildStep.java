/*
 * Stand-in for hudson.tasks.BuildStep: jenkinsci/jenkins core/src/main/java/hudson/tasks/BuildStep.java (jenkins-2.541.3).
 * Written for this project with upstream's signature for the members the plugin uses;
 * no behaviour (bodies throw), compile-time only.
 */
package hudson.tasks;

// Upstream's abstract members (prebuild, perform(AbstractBuild...), getRequiredMonitorService...) are
// implemented by BuildStepCompatibilityLayer and Builder, never by the plugin.
public interface BuildStep {
}
