/*
 * Stand-in for hudson.Functions: jenkinsci/jenkins core/src/main/java/hudson/Functions.java (jenkins-2.541.3).
 * Written for this project with upstream's signature for the members the plugin uses;
 * no behaviour (bodies throw), compile-time only.
 */
package hudson;

public class Functions {
    public static String humanReadableByteSize(long size) {
        throw new UnsupportedOperationException("stand-in");
    }
}
