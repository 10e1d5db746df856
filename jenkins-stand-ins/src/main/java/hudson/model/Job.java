/*
 * Stand-in for hudson.model.Job: jenkinsci/jenkins core/src/main/java/hudson/model/Job.java (jenkins-2.541.3).
 * Written for this project with upstream's signature for the members the plugin uses;
 * no behaviour (bodies throw), compile-time only.
 */
package hudson.model;

// Upstream extends AbstractItem and implements several UI interfaces; the plugin only names the type.
public abstract class Job<JobT extends Job<JobT, RunT>, RunT extends Run<JobT, RunT>> implements Item {
    protected Job() {
        // upstream's constructors take the parent and name; the plugin never creates a Job
    }
}
