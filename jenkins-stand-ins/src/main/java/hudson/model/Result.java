/*
 * Stand-in for hudson.model.Result: jenkinsci/jenkins core/src/main/java/hudson/model/Result.java (jenkins-2.541.3).
 * Written for this project with upstream's signature for the members the plugin uses;
 * no behaviour (bodies throw), compile-time only.
 */
package hudson.model;

import edu.umd.cs.findbugs.annotations.NonNull;
import java.io.Serializable;

// Upstream also implements CustomExportedBean (remote API export only).
public final class Result implements Serializable {
    public static final @NonNull Result UNSTABLE = null;

    private Result() {
    }
}
