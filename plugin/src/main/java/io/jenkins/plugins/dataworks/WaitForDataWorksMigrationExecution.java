package io.jenkins.plugins.dataworks;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.AbortException;
import hudson.FilePath;
import hudson.Launcher;
import hudson.model.Result;
import hudson.model.Run;
import hudson.model.TaskListener;
import io.jenkins.plugins.dataworks.engine.error.InvalidInputException;
import io.jenkins.plugins.dataworks.engine.gate.GateResult;
import io.jenkins.plugins.dataworks.engine.wait.WaitSnapshot;
import io.jenkins.plugins.dataworks.gate.MigrationGate;
import io.jenkins.plugins.dataworks.runtime.DataWorksRuntime;
import java.io.IOException;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.jenkinsci.plugins.workflow.actions.WarningAction;
import org.jenkinsci.plugins.workflow.graph.FlowNode;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepExecution;

/**
 * The running {@code waitForDataWorksMigration} step, modelled on SleepStep and waitUntil:
 * {@link #start()} returns false at once and the step completes later, exactly once. Between polls
 * nothing runs at all; polls, downloads and archiving run on the plugin's pools
 * ({@link MigrationGate}), never on the CPS VM thread.
 *
 * <p>Persisted with the Pipeline: the options, the engine's latest wait snapshot (saved through
 * {@code getContext().saveState()} whenever the engine hands one over), and once the wait ended
 * well, its result, so that a restart during the download redoes only the download. Credentials,
 * clients and download URLs live only in transient objects rebuilt by {@link #onResume()} from the
 * credentials id and the run.
 */
public final class WaitForDataWorksMigrationExecution extends StepExecution {

    private static final long serialVersionUID = 1L;
    private static final Logger LOGGER = Logger.getLogger(WaitForDataWorksMigrationExecution.class.getName());

    private final GateOptions options;
    private String actionId;
    private volatile FrozenValue<WaitSnapshot> snapshot;
    private volatile FrozenValue<GateResult> waitResult;
    private volatile String lastStatus;

    private transient volatile MigrationGate gate;
    private transient volatile AtomicBoolean completed = new AtomicBoolean();

    WaitForDataWorksMigrationExecution(StepContext context, GateOptions options) {
        super(context);
        this.options = options;
    }

    @Override
    public boolean start() throws Exception {
        Run<?, ?> run = getContext().get(Run.class);
        TaskListener listener = getContext().get(TaskListener.class);
        try {
            options.validate(DataWorksGlobalConfiguration.get());
        } catch (InvalidInputException e) {
            throw new AbortException(e.getMessage());
        }
        DataWorksMigrationAction action = new DataWorksMigrationAction(options.projectId(), options.migrationId());
        run.addAction(action);
        actionId = action.getId();
        if (!options.quiet()) {
            listener.getLogger().println(Messages.Log_waiting(options.migrationId(), options.projectId()));
        }
        gate = newGate(run, listener, action);
        gate.start();
        return false;
    }

    @Override
    public void onResume() {
        completed = new AtomicBoolean();
        try {
            Run<?, ?> run = getContext().get(Run.class);
            TaskListener listener = getContext().get(TaskListener.class);
            DataWorksMigrationAction action = actionId == null ? null : DataWorksMigrationAction.find(run, actionId);
            if (action == null) {
                action = new DataWorksMigrationAction(options.projectId(), options.migrationId());
                run.addAction(action);
                actionId = action.getId();
            }
            if (!options.quiet()) {
                listener.getLogger().println(Messages.Log_resuming(options.migrationId(), options.projectId()));
            }
            MigrationGate resumed = newGate(run, listener, action);
            gate = resumed;
            if (waitResult != null) {
                resumed.resumeDownload(waitResult.get());
            } else if (snapshot != null) {
                resumed.resume(snapshot.get());
            } else {
                resumed.start(); // restarted before the first snapshot was saved: nothing to lose
            }
        } catch (IOException | InterruptedException | RuntimeException e) {
            fail(e instanceof IOException ? new AbortException(Messages.Resume_failed(e.getMessage())) : e);
        }
    }

    @Override
    public void stop(@NonNull Throwable cause) throws Exception {
        MigrationGate g = gate;
        if (g != null) {
            g.cancel();
        }
        fail(cause);
    }

    @Override
    public String getStatus() {
        String status = lastStatus;
        return "waiting for DataWorks " + options.ref() + (status == null ? "" : ", last status " + status);
    }

    private MigrationGate newGate(Run<?, ?> run, TaskListener listener, DataWorksMigrationAction action) {
        MigrationGate g = new MigrationGate(options, DataWorksGlobalConfiguration.get(), DataWorksRuntime.get(),
                new PipelineHost(run, listener), action);
        g.result().whenComplete((result, error) -> {
            if (error instanceof CancellationException) {
                return; // stop() already completed the step
            }
            if (error != null) {
                fail(error);
            } else {
                finish(run, listener, result);
            }
        });
        return g;
    }

    /** Decides the step's outcome from the gate's result; the only place the step completes normally. */
    private void finish(Run<?, ?> run, TaskListener listener, GateResult result) {
        if (completed.get()) {
            return;
        }
        Verdict.log(listener, result);
        switch (result.result()) {
            case SUCCESS -> succeed(result);
            case UNSTABLE -> {
                try {
                    FlowNode node = getContext().get(FlowNode.class);
                    if (node != null) {
                        node.addOrReplaceAction(new WarningAction(Result.UNSTABLE).withMessage(result.message()));
                    }
                } catch (IOException | InterruptedException e) {
                    LOGGER.log(Level.FINE, "could not mark the stage unstable", e);
                }
                run.setResult(Result.UNSTABLE);
                succeed(result);
            }
            default -> {
                if (options.failOnError()) {
                    fail(new AbortException(result.message()));
                } else {
                    succeed(result);
                }
            }
        }
    }

    private void succeed(GateResult result) {
        if (completed.compareAndSet(false, true)) {
            getContext().onSuccess(result.toMap());
        }
    }

    private void fail(Throwable cause) {
        if (completed.compareAndSet(false, true)) {
            getContext().onFailure(cause);
        }
    }

    private Object readResolve() {
        completed = new AtomicBoolean();
        return this;
    }

    /** The Pipeline side of a gate: context lookups and persistence through saveState(). */
    private final class PipelineHost implements MigrationGate.Host {

        private final Run<?, ?> run;
        private final TaskListener listener;

        PipelineHost(Run<?, ?> run, TaskListener listener) {
            this.run = run;
            this.listener = listener;
        }

        @Override
        public Run<?, ?> run() {
            return run;
        }

        @Override
        public TaskListener listener() {
            return listener;
        }

        @Override
        public FilePath workspace() throws IOException, InterruptedException {
            return getContext().get(FilePath.class);
        }

        @Override
        public Launcher launcher() throws IOException, InterruptedException {
            return getContext().get(Launcher.class);
        }

        @Override
        public void persistSnapshot(WaitSnapshot s) {
            snapshot = FrozenValue.of(s, WaitSnapshot.class);
            lastStatus = s.lastStatus();
            getContext().saveState();
        }

        @Override
        public void persistWaitResult(GateResult r) {
            waitResult = FrozenValue.of(r, GateResult.class);
            getContext().saveState();
        }
    }
}
