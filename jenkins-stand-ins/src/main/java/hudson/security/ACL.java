/*
 * Stand-in for hudson.security.ACL: jenkinsci/jenkins core/src/main/java/hudson/security/ACL.java (jenkins-2.541.3).
 * Written for this project with upstream's signature for the members the plugin uses;
 * no behaviour (bodies throw), compile-time only.
 */
package hudson.security;

import edu.umd.cs.findbugs.annotations.NonNull;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;

public abstract class ACL {
    public static final Authentication SYSTEM2 = null;

    public final void checkPermission(@NonNull Permission p) {
        throw new UnsupportedOperationException("stand-in");
    }

    public final boolean hasPermission(@NonNull Permission p) {
        throw new UnsupportedOperationException("stand-in");
    }

    @NonNull
    public static ACLContext as2(@NonNull Authentication auth) {
        throw new UnsupportedOperationException("stand-in");
    }
}
