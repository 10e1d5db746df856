/*
 * Stand-in for hudson.security.ACL: jenkinsci/jenkins core/src/main/java/hudson/security/ACL.java (jenkins-2.541.3).
 * Written for this project with upstream's signature for the members the plugin uses;
 * no behaviour (bodies throw), compile-time only.
 */
package hudson.security;

import org.springframework.security.core.Authentication;

public abstract class ACL {
    public static final Authentication SYSTEM2 = null;
}
