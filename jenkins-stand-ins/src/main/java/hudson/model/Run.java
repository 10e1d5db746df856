/*
 * Stand-in for hudson.model.Run: jenkinsci/jenkins core/src/main/java/hudson/model/Run.java (jenkins-2.541.3).
 * Written for this project with upstream's signature for the members the plugin uses;
 * no behaviour (bodies throw), compile-time only.
 */
package hudson.model;

import edu.umd.cs.findbugs.annotations.NonNull;
import java.io.IOException;
import jenkins.model.ArtifactManager;

// Upstream also implements ExtensionPoint, Comparable<RunT>, AccessControlled, PersistenceRoot and UI interfaces.
public abstract class Run<JobT extends Job<JobT, RunT>, RunT extends Run<JobT, RunT>> extends Actionable implements Saveable {
    protected Run() {
        // upstream's constructors take the job; the plugin never creates a Run
    }

    public void setResult(@NonNull Result r) {
        throw new UnsupportedOperationException("stand-in");
    }

    public @NonNull String getUrl() {
        throw new UnsupportedOperationException("stand-in");
    }

    public final synchronized @NonNull ArtifactManager pickArtifactManager() throws IOException {
        throw new UnsupportedOperationException("stand-in");
    }

    @Override
    public synchronized void save() throws IOException {
        throw new UnsupportedOperationException("stand-in");
    }
}
