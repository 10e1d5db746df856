/*
 * Stand-in for hudson.EnvVars: jenkinsci/jenkins core/src/main/java/hudson/EnvVars.java (jenkins-2.541.3).
 * Written for this project with upstream's signature for the members the plugin uses;
 * no behaviour (bodies throw), compile-time only.
 */
package hudson;

import java.util.TreeMap;

public class EnvVars extends TreeMap<String, String> {
    @Override
    public String put(String key, String value) {
        throw new UnsupportedOperationException("stand-in");
    }

    public String expand(String s) {
        throw new UnsupportedOperationException("stand-in");
    }
}
