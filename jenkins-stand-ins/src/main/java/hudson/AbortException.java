/*
 * Stand-in for hudson.AbortException: jenkinsci/jenkins core/src/main/java/hudson/AbortException.java (jenkins-2.541.3).
 * Written for this project with upstream's signature for the members the plugin uses;
 * no behaviour (bodies throw), compile-time only.
 */
package hudson;

import java.io.IOException;

public class AbortException extends IOException {
    public AbortException(String message) {
        throw new UnsupportedOperationException("stand-in");
    }
}
