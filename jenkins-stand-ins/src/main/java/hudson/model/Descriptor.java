/*
 * Stand-in for hudson.model.Descriptor: jenkinsci/jenkins core/src/main/java/hudson/model/Descriptor.java (jenkins-2.541.3).
 * Written for this project with upstream's signature for the members the plugin uses;
 * no behaviour (bodies throw), compile-time only.
 */
package hudson.model;

import edu.umd.cs.findbugs.annotations.NonNull;

// Upstream also implements hudson.model.Loadable and jenkins.security.OnMaster (unused here).
public abstract class Descriptor<T extends Describable<T>> implements Saveable {
    public final transient Class<? extends T> clazz;

    // Constructors do nothing, so that structural tests can instantiate descriptors and read their names.
    protected Descriptor(Class<? extends T> clazz) {
        this.clazz = clazz;
    }

    protected Descriptor() {
        this.clazz = null;
    }

    @NonNull
    public String getDisplayName() {
        throw new UnsupportedOperationException("stand-in");
    }

    @Override
    public synchronized void save() {
        throw new UnsupportedOperationException("stand-in");
    }

    public synchronized void load() {
        throw new UnsupportedOperationException("stand-in");
    }

    public static final class Self {}

    protected static Class self() {
        return Self.class;
    }
}
