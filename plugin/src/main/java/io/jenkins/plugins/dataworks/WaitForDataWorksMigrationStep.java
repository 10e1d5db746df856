package io.jenkins.plugins.dataworks;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.AbortException;
import hudson.Extension;
import hudson.Util;
import hudson.model.Item;
import hudson.model.Result;
import hudson.model.Run;
import hudson.model.TaskListener;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import io.jenkins.plugins.dataworks.engine.error.InvalidInputException;
import io.jenkins.plugins.dataworks.engine.gate.GateResult;
import io.jenkins.plugins.dataworks.engine.redact.Redaction;
import io.jenkins.plugins.dataworks.engine.text.Setting;
import io.jenkins.plugins.dataworks.engine.wait.WaitSnapshot;
import io.jenkins.plugins.dataworks.gate.MigrationGate;
import io.jenkins.plugins.dataworks.runtime.DataWorksRuntime;
import java.io.IOException;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;
import net.sf.json.JSONObject;
import org.jenkinsci.plugins.workflow.actions.WarningAction;
import org.jenkinsci.plugins.workflow.graph.FlowNode;
import org.jenkinsci.plugins.workflow.steps.Step;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepDescriptor;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
import org.kohsuke.stapler.AncestorInPath;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.StaplerRequest2;
import org.kohsuke.stapler.verb.POST;

/**
 * {@code waitForDataWorksMigration}: waits for a DataWorks migration without holding an executor or
 * a thread, fails the build on an error status, downloads and archives an export's package, and
 * returns the result as a plain map. Optional values left unset are null (or their default), so
 * the snippet generator leaves them out.
 */
public final class WaitForDataWorksMigrationStep extends Step {

    private final long projectId;
    private final long migrationId;
    private final String credentialsId;
    private String region;
    private String endpoint;
    private boolean vpc;
    private String timeout;
    private String pollInterval;
    private String maxPollInterval;
    private String partialSuccess;
    private String download;
    private String artifactName;
    private boolean failOnError = true;
    private boolean quiet;

    @DataBoundConstructor
    public WaitForDataWorksMigrationStep(long projectId, long migrationId, String credentialsId) {
        this.projectId = projectId;
        this.migrationId = migrationId;
        this.credentialsId = Util.fixEmptyAndTrim(credentialsId);
    }

    public long getProjectId() {
        return projectId;
    }

    public long getMigrationId() {
        return migrationId;
    }

    public String getCredentialsId() {
        return credentialsId;
    }

    public String getRegion() {
        return region;
    }

    @DataBoundSetter
    public void setRegion(String region) {
        this.region = Util.fixEmptyAndTrim(region);
    }

    public String getEndpoint() {
        return endpoint;
    }

    @DataBoundSetter
    public void setEndpoint(String endpoint) {
        this.endpoint = Util.fixEmptyAndTrim(endpoint);
    }

    public boolean isVpc() {
        return vpc;
    }

    @DataBoundSetter
    public void setVpc(boolean vpc) {
        this.vpc = vpc;
    }

    public String getTimeout() {
        return timeout;
    }

    @DataBoundSetter
    public void setTimeout(String timeout) {
        this.timeout = Util.fixEmptyAndTrim(timeout);
    }

    public String getPollInterval() {
        return pollInterval;
    }

    @DataBoundSetter
    public void setPollInterval(String pollInterval) {
        this.pollInterval = Util.fixEmptyAndTrim(pollInterval);
    }

    public String getMaxPollInterval() {
        return maxPollInterval;
    }

    @DataBoundSetter
    public void setMaxPollInterval(String maxPollInterval) {
        this.maxPollInterval = Util.fixEmptyAndTrim(maxPollInterval);
    }

    public String getPartialSuccess() {
        return partialSuccess;
    }

    @DataBoundSetter
    public void setPartialSuccess(String partialSuccess) {
        this.partialSuccess = GateOptions.unlessDefault(partialSuccess, GateOptions.PARTIAL_FAILURE);
    }

    public String getDownload() {
        return download;
    }

    @DataBoundSetter
    public void setDownload(String download) {
        this.download = GateOptions.unlessDefault(download, GateOptions.DOWNLOAD_AUTO);
    }

    public String getArtifactName() {
        return artifactName;
    }

    @DataBoundSetter
    public void setArtifactName(String artifactName) {
        this.artifactName = Util.fixEmptyAndTrim(artifactName);
    }

    public boolean isFailOnError() {
        return failOnError;
    }

    @DataBoundSetter
    public void setFailOnError(boolean failOnError) {
        this.failOnError = failOnError;
    }

    public boolean isQuiet() {
        return quiet;
    }

    @DataBoundSetter
    public void setQuiet(boolean quiet) {
        this.quiet = quiet;
    }

    GateOptions options() {
        return new GateOptions(
                projectId,
                migrationId,
                credentialsId,
                region,
                endpoint,
                vpc,
                timeout,
                pollInterval,
                maxPollInterval,
                partialSuccess,
                download,
                artifactName,
                failOnError,
                quiet);
    }

    @Override
    public StepExecution start(StepContext context) {
        return new Execution(context, options());
    }

    /**
     * The running {@code waitForDataWorksMigration} step, modelled on SleepStep and waitUntil:
     * {@link #start()} returns false at once and the step completes later, exactly once. Between polls
     * nothing runs at all; polls, downloads and archiving run on the plugin's pools
     * ({@link MigrationGate}), never on the CPS VM thread.
     *
     * <p>Persisted with the Pipeline: the options, the engine's latest wait snapshot (saved through
     * {@code getContext().saveState()} whenever the engine hands one worth it over, see
     * {@link PipelineGateHost#saveStateFor}), and once the wait ended
     * well, its result, so that a restart during the download redoes only the download. Credentials,
     * clients and download URLs live only in transient objects rebuilt by {@link #onResume()} from the
     * credentials id and the run.
     */
    static final class Execution extends StepExecution {

        private static final long serialVersionUID = 1L;
        private static final Logger LOGGER = Logger.getLogger(Execution.class.getName());

        private final GateOptions options;
        private String actionId;
        private volatile FrozenValue<WaitSnapshot> snapshot;
        private volatile FrozenValue<GateResult> waitResult;
        private volatile String lastStatus;

        private transient volatile MigrationGate gate;
        private transient volatile AtomicBoolean completed = new AtomicBoolean();

        Execution(StepContext context, GateOptions options) {
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
                throw new AbortException(FrontEndNames.PIPELINE.message(e));
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
            if (completed.get()) {
                return; // stopped before Pipeline got round to resuming this step
            }
            try {
                Run<?, ?> run = getContext().get(Run.class);
                TaskListener listener = getContext().get(TaskListener.class);
                DataWorksMigrationAction action =
                        actionId == null ? null : DataWorksMigrationAction.find(run, actionId);
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
                if (completed.get()) {
                    resumed.abort(); // stop() ran meanwhile on another thread and may have missed the gate
                    return;
                }
                if (waitResult != null) {
                    resumed.resumeDownload(waitResult.get());
                } else if (snapshot != null) {
                    resumed.resume(snapshot.get());
                } else {
                    resumed.start(); // restarted before the first snapshot was saved: nothing to lose
                }
            } catch (IOException | InterruptedException | RuntimeException e) {
                if (e instanceof InterruptedException) {
                    Thread.currentThread().interrupt();
                }
                LOGGER.log(Level.FINE, "could not resume " + options.ref(), e);
                fail(new AbortException(Messages.Resume_failed(Redaction.text(String.valueOf(e.getMessage())))));
            }
        }

        /**
         * Marks the step ended first, then cancels: whichever of this and {@link #onResume()} (which
         * runs on another thread) comes second sees the other's write, so no gate outlives a stop.
         */
        @Override
        public void stop(@NonNull Throwable cause) throws Exception {
            boolean first = completed.compareAndSet(false, true);
            MigrationGate g = gate;
            if (g != null) {
                g.abort();
            }
            if (first) {
                getContext().onFailure(cause);
            }
        }

        @Override
        public String getStatus() {
            String status = lastStatus;
            return "waiting for DataWorks " + options.ref() + (status == null ? "" : ", last status " + status);
        }

        private MigrationGate newGate(Run<?, ?> run, TaskListener listener, DataWorksMigrationAction action) {
            DataWorksRuntime runtime = DataWorksRuntime.get();
            MigrationGate g = new MigrationGate(
                    options, DataWorksGlobalConfiguration.get(), runtime, new PipelineHost(run, listener), action);
            g.result().whenComplete((result, error) -> {
                if (error instanceof CancellationException) {
                    return; // stop() already completed the step, or a shutdown interrupted the download
                }
                if (runtime.isShuttingDown()) {
                    // Most likely a poll or download the shutdown broke off: resume after the restart instead.
                    LOGGER.log(Level.FINE, "Jenkins is shutting down; {0} resumes after the restart", options.ref());
                    return;
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
            Verdict.log(listener, result, Verdict.failsTheBuild(result, options.failOnError()));
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

        /** The wait step's side of a gate: its snapshot and wait result persisted through saveState(). */
        private final class PipelineHost extends PipelineGateHost {

            PipelineHost(Run<?, ?> run, TaskListener listener) {
                super(getContext(), run, listener);
            }

            @Override
            public void persistSnapshot(WaitSnapshot s) {
                snapshot = FrozenValue.of(s, WaitSnapshot.class);
                lastStatus = s.lastStatus();
                saveStateFor(s);
            }

            @Override
            public void persistWaitResult(GateResult r) {
                waitResult = FrozenValue.of(r, GateResult.class);
                getContext().saveState();
            }
        }
    }

    @Extension
    public static final class DescriptorImpl extends StepDescriptor {

        @Override
        public String getFunctionName() {
            return "waitForDataWorksMigration";
        }

        @NonNull
        @Override
        public String getDisplayName() {
            return Messages.Step_displayName();
        }

        @Override
        public Step newInstance(StaplerRequest2 req, @NonNull JSONObject formData) throws FormException {
            MigrationForms.requireIds(formData, List.of("projectId", "migrationId"));
            return super.newInstance(req, formData);
        }

        /** No {@code node {}} needed: the wait holds no executor; the workspace is used only if present. */
        @Override
        public Set<? extends Class<?>> getRequiredContext() {
            return Set.of(Run.class, TaskListener.class);
        }

        public ListBoxModel doFillCredentialsIdItems(@AncestorInPath Item item, @QueryParameter String credentialsId) {
            return MigrationForms.credentialsItems(item, credentialsId);
        }

        public ListBoxModel doFillPartialSuccessItems() {
            return MigrationForms.partialSuccessItems();
        }

        public ListBoxModel doFillDownloadItems() {
            return MigrationForms.downloadItems();
        }

        @POST
        public FormValidation doCheckCredentialsId(@AncestorInPath Item item, @QueryParameter String value) {
            return MigrationForms.checkCredentialsId(FrontEndNames.PIPELINE, item, value);
        }

        @POST
        public FormValidation doCheckProjectId(@AncestorInPath Item item, @QueryParameter String value) {
            return MigrationForms.checkId(FrontEndNames.PIPELINE, item, "projectId", value);
        }

        @POST
        public FormValidation doCheckMigrationId(@AncestorInPath Item item, @QueryParameter String value) {
            return MigrationForms.checkId(FrontEndNames.PIPELINE, item, "migrationId", value);
        }

        @POST
        public FormValidation doCheckRegion(
                @AncestorInPath Item item,
                @QueryParameter String value,
                @QueryParameter String endpoint,
                @QueryParameter boolean vpc) {
            return MigrationForms.checkRegion(FrontEndNames.PIPELINE, item, value, endpoint, vpc);
        }

        @POST
        public FormValidation doCheckEndpoint(
                @AncestorInPath Item item, @QueryParameter String value, @QueryParameter String region) {
            return MigrationForms.checkEndpoint(FrontEndNames.PIPELINE, item, value, region);
        }

        @POST
        public FormValidation doCheckTimeout(@AncestorInPath Item item, @QueryParameter String value) {
            return MigrationForms.checkDuration(FrontEndNames.PIPELINE, item, Setting.TIMEOUT, value);
        }

        @POST
        public FormValidation doCheckPollInterval(@AncestorInPath Item item, @QueryParameter String value) {
            return MigrationForms.checkDuration(FrontEndNames.PIPELINE, item, Setting.POLL_INTERVAL, value);
        }

        @POST
        public FormValidation doCheckMaxPollInterval(@AncestorInPath Item item, @QueryParameter String value) {
            return MigrationForms.checkDuration(FrontEndNames.PIPELINE, item, Setting.MAX_POLL_INTERVAL, value);
        }

        @POST
        public FormValidation doCheckArtifactName(@AncestorInPath Item item, @QueryParameter String value) {
            return MigrationForms.checkArtifactName(FrontEndNames.PIPELINE, item, value);
        }

        @POST
        public FormValidation doTestConnection(
                @AncestorInPath Item item,
                @QueryParameter String projectId,
                @QueryParameter String migrationId,
                @QueryParameter String credentialsId,
                @QueryParameter String region,
                @QueryParameter String endpoint,
                @QueryParameter boolean vpc) {
            return MigrationForms.testConnection(
                    FrontEndNames.PIPELINE, item, projectId, migrationId, credentialsId, region, endpoint, vpc);
        }
    }
}
