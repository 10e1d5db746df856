/*
 * Stand-in for jenkins.util.BuildListenerAdapter: jenkinsci/jenkins core/src/main/java/jenkins/util/BuildListenerAdapter.java (jenkins-2.541.3).
 * Written for this project with upstream's signature for the members the plugin uses;
 * no behaviour (bodies throw), compile-time only.
 */
package jenkins.util;

import hudson.model.BuildListener;
import hudson.model.TaskListener;
import java.io.PrintStream;

public final class BuildListenerAdapter implements BuildListener {
    public BuildListenerAdapter(TaskListener delegate) {
        throw new UnsupportedOperationException("stand-in");
    }

    @Override
    public PrintStream getLogger() {
        throw new UnsupportedOperationException("stand-in");
    }

    public static BuildListener wrap(TaskListener l) {
        throw new UnsupportedOperationException("stand-in");
    }
}
