/*
 * Stand-in for hudson.model.AbstractDescribableImpl: jenkinsci/jenkins core/src/main/java/hudson/model/AbstractDescribableImpl.java (jenkins-2.541.3).
 * Written for this project with upstream's signature for the members the plugin uses;
 * no behaviour (bodies throw), compile-time only.
 */
package hudson.model;

@Deprecated(since = "2.505")
public abstract class AbstractDescribableImpl<T extends AbstractDescribableImpl<T>> implements Describable<T> {
}
