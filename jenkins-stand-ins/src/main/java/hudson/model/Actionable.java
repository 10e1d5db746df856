/*
 * Stand-in for hudson.model.Actionable: jenkinsci/jenkins core/src/main/java/hudson/model/Actionable.java (jenkins-2.541.3).
 * Written for this project with upstream's signature for the members the plugin uses;
 * no behaviour (bodies throw), compile-time only.
 */
package hudson.model;

import edu.umd.cs.findbugs.annotations.NonNull;
import java.util.List;

// Upstream extends AbstractModelObject and implements ModelObjectWithContextMenu (UI only).
public abstract class Actionable {
    public <T extends Action> List<T> getActions(Class<T> type) {
        throw new UnsupportedOperationException("stand-in");
    }

    public void addAction(@NonNull Action a) {
        throw new UnsupportedOperationException("stand-in");
    }

    public boolean addOrReplaceAction(@NonNull Action a) {
        throw new UnsupportedOperationException("stand-in");
    }
}
