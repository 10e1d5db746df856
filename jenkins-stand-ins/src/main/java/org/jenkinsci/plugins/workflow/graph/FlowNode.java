/*
 * Stand-in for org.jenkinsci.plugins.workflow.graph.FlowNode: jenkinsci/workflow-api-plugin src/main/java/org/jenkinsci/plugins/workflow/graph/FlowNode.java (HEAD of 2026-08).
 * Written for this project with upstream's signature for the members the plugin uses;
 * no behaviour (bodies throw), compile-time only.
 */
package org.jenkinsci.plugins.workflow.graph;

import hudson.model.Actionable;
import hudson.model.Saveable;

public abstract class FlowNode extends Actionable implements Saveable {
    private FlowNode() {
        // upstream's constructors take the FlowExecution; the plugin only receives nodes
    }
}
