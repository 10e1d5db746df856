/*
 * Stand-in for hudson.security.AccessControlled: jenkinsci/jenkins core/src/main/java/hudson/security/AccessControlled.java (jenkins-2.541.3).
 * Written for this project with upstream's signature for the members the plugin uses;
 * no behaviour (bodies throw), compile-time only.
 */
package hudson.security;

import edu.umd.cs.findbugs.annotations.NonNull;
import org.springframework.security.access.AccessDeniedException;

public interface AccessControlled {
    @NonNull ACL getACL();

    default void checkPermission(@NonNull Permission permission) throws AccessDeniedException {
        throw new UnsupportedOperationException("stand-in");
    }

    default boolean hasPermission(@NonNull Permission permission) {
        throw new UnsupportedOperationException("stand-in");
    }
}
