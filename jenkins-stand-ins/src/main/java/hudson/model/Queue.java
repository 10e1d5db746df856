/*
 * Stand-in for hudson.model.Queue: jenkinsci/jenkins core/src/main/java/hudson/model/Queue.java (jenkins-2.541.3).
 * Written for this project with upstream's signature for the members the plugin uses;
 * no behaviour (bodies throw), compile-time only.
 */
package hudson.model;

// Upstream extends ResourceController and implements Saveable; the plugin only needs Queue.Task.
public class Queue {
    private Queue() {
    }

    // Upstream extends FullyNamedModelObject and SubTask.
    public interface Task {
    }
}
