/*
 * Stand-in for hudson.util.DaemonThreadFactory: jenkinsci/jenkins core/src/main/java/hudson/util/DaemonThreadFactory.java (jenkins-2.541.3).
 * Written for this project with upstream's signature for the members the plugin uses;
 * no behaviour (bodies throw), compile-time only.
 */
package hudson.util;

import java.util.concurrent.ThreadFactory;

public class DaemonThreadFactory implements ThreadFactory {
    public DaemonThreadFactory() {
        throw new UnsupportedOperationException("stand-in");
    }

    @Override
    public Thread newThread(Runnable r) {
        throw new UnsupportedOperationException("stand-in");
    }
}
