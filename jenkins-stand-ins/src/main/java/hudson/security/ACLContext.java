/*
 * Stand-in for hudson.security.ACLContext: jenkinsci/jenkins core/src/main/java/hudson/security/ACLContext.java (jenkins-2.541.3).
 * Written for this project with upstream's signature for the members the plugin uses;
 * no behaviour (bodies throw), compile-time only.
 */
package hudson.security;

public class ACLContext implements AutoCloseable {
    private ACLContext() {
    }

    @Override
    public void close() {
        throw new UnsupportedOperationException("stand-in");
    }
}
