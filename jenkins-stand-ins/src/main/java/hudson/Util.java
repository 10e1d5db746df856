/*
 * Stand-in for hudson.Util: jenkinsci/jenkins core/src/main/java/hudson/Util.java (jenkins-2.541.3).
 * Written for this project with upstream's signature for the members the plugin uses;
 * no behaviour (bodies throw), compile-time only.
 */
package hudson;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;

public class Util {
    @CheckForNull
    public static String fixEmptyAndTrim(@CheckForNull String s) {
        throw new UnsupportedOperationException("stand-in");
    }

    @NonNull
    public static String getTimeSpanString(long duration) {
        throw new UnsupportedOperationException("stand-in");
    }

    @NonNull
    public static String rawEncode(@NonNull String s) {
        throw new UnsupportedOperationException("stand-in");
    }
}
