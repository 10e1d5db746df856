package io.jenkins.plugins.dataworks;

import hudson.FilePath;
import hudson.Launcher;
import hudson.model.Run;
import hudson.model.TaskListener;
import io.jenkins.plugins.dataworks.gate.MigrationGate;
import java.io.IOException;
import org.jenkinsci.plugins.workflow.steps.StepContext;

/**
 * The Pipeline side of a gate, shared by the steps that wait: the run, its log and the current
 * node come from the step's context, and messages use the step's parameter names. Each step keeps
 * the snapshot and the wait result in its own execution, so persisting them is its part.
 */
abstract class PipelineGateHost implements MigrationGate.Host {

    private final StepContext context;
    private final Run<?, ?> run;
    private final TaskListener listener;

    PipelineGateHost(StepContext context, Run<?, ?> run, TaskListener listener) {
        this.context = context;
        this.run = run;
        this.listener = listener;
    }

    @Override
    public final Run<?, ?> run() {
        return run;
    }

    @Override
    public final TaskListener listener() {
        return listener;
    }

    @Override
    public final FilePath workspace() throws IOException, InterruptedException {
        return context.get(FilePath.class);
    }

    @Override
    public final Launcher launcher() throws IOException, InterruptedException {
        return context.get(Launcher.class);
    }

    @Override
    public final FrontEndNames vocabulary() {
        return FrontEndNames.PIPELINE;
    }
}
