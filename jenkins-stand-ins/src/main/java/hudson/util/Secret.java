/*
 * Stand-in for hudson.util.Secret: jenkinsci/jenkins core/src/main/java/hudson/util/Secret.java (jenkins-2.541.3).
 * Written for this project with upstream's signature for the members the plugin uses;
 * no behaviour (bodies throw), compile-time only.
 */
package hudson.util;

import edu.umd.cs.findbugs.annotations.NonNull;
import java.io.Serializable;

public final class Secret implements Serializable {
    private Secret() {
    }

    @NonNull
    public String getPlainText() {
        throw new UnsupportedOperationException("stand-in");
    }
}
