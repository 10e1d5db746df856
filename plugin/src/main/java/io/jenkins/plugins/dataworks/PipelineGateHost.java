package io.jenkins.plugins.dataworks;

import hudson.FilePath;
import hudson.Launcher;
import hudson.model.Run;
import hudson.model.TaskListener;
import io.jenkins.plugins.dataworks.engine.wait.WaitSnapshot;
import io.jenkins.plugins.dataworks.gate.MigrationGate;
import java.io.IOException;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.jenkinsci.plugins.workflow.steps.StepContext;

/**
 * The Pipeline side of a gate, shared by the steps that wait: the run, its log and the current
 * node come from the step's context, and messages use the step's parameter names. Each step keeps
 * the snapshot and the wait result in its own execution, so persisting them is its part.
 */
abstract class PipelineGateHost implements MigrationGate.Host {

    private static final Logger LOGGER = Logger.getLogger(PipelineGateHost.class.getName());

    private final StepContext context;
    private final Run<?, ?> run;
    private final TaskListener listener;
    /** The snapshot whose persisting saved the Pipeline last; null before the first (also after a restart). */
    private volatile WaitSnapshot saved;

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

    /**
     * Saves the Pipeline's state and the build record for a snapshot worth it
     * ({@link WaitSnapshot#worthPersisting}: the first answer, some calls since the last one saved).
     * Each save rewrites the build's whole program.dat and build.xml, while most polls of a long wait
     * change nothing a resumed wait needs; the step keeps every snapshot in its field and the build page
     * reads the action in memory, so the next save (a clean shutdown, the build's end) writes the latest
     * anyway.
     */
    final void saveStateFor(WaitSnapshot snapshot) {
        if (snapshot.worthPersisting(saved)) {
            saved = snapshot;
            context.saveState();
            try {
                run.save(); // the build page's status (our action) as far as the saved state goes
            } catch (IOException e) {
                LOGGER.log(Level.WARNING, "could not save " + run, e);
            }
        }
    }

    @Override
    public final FrontEndNames vocabulary() {
        return FrontEndNames.PIPELINE;
    }
}
