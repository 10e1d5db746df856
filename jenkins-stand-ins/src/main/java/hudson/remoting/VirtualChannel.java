/*
 * Stand-in for hudson.remoting.VirtualChannel: jenkinsci/remoting src/main/java/hudson/remoting/VirtualChannel.java (HEAD of 2026-08).
 * Written for this project with upstream's signature for the members the plugin uses;
 * no behaviour (bodies throw), compile-time only.
 */
package hudson.remoting;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.Nullable;

// Upstream's call/callAsync/close/join/syncLocalIO are not used by the plugin.
public interface VirtualChannel {
    @Nullable
    <T> T export(Class<T> type, @CheckForNull T instance);
}
