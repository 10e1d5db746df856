/*
 * Stand-in for hudson.model.Saveable: jenkinsci/jenkins core/src/main/java/hudson/model/Saveable.java (jenkins-2.541.3).
 * Written for this project with upstream's signature for the members the plugin uses;
 * no behaviour (bodies throw), compile-time only.
 */
package hudson.model;

import java.io.IOException;

public interface Saveable {
    void save() throws IOException;
}
