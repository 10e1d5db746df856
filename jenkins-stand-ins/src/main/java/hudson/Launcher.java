/*
 * Stand-in for hudson.Launcher: jenkinsci/jenkins core/src/main/java/hudson/Launcher.java (jenkins-2.541.3).
 * Written for this project with upstream's signature for the members the plugin uses;
 * no behaviour (bodies throw), compile-time only.
 */
package hudson;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.model.TaskListener;

public abstract class Launcher {
    private Launcher() {
    }

    public static class LocalLauncher extends Launcher {
        public LocalLauncher(@NonNull TaskListener listener) {
            throw new UnsupportedOperationException("stand-in");
        }
    }
}
