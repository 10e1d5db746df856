/*
 * Stand-in for jenkins.MasterToSlaveFileCallable: jenkinsci/jenkins core/src/main/java/jenkins/MasterToSlaveFileCallable.java (jenkins-2.541.3).
 * Written for this project with upstream's signature for the members the plugin uses;
 * no behaviour (bodies throw), compile-time only.
 */
package jenkins;

import jenkins.agents.ControllerToAgentFileCallable;

public abstract class MasterToSlaveFileCallable<T> implements ControllerToAgentFileCallable<T> {
    private static final long serialVersionUID = 1L;
}
