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
import io.jenkins.plugins.dataworks.engine.client.MigrationRef;
import io.jenkins.plugins.dataworks.engine.client.MigrationType;
import io.jenkins.plugins.dataworks.engine.error.DataWorksException;
import io.jenkins.plugins.dataworks.engine.error.InvalidInputException;
import io.jenkins.plugins.dataworks.engine.gate.GateResult;
import io.jenkins.plugins.dataworks.engine.gate.PromotionResult;
import io.jenkins.plugins.dataworks.engine.migrate.Launched;
import io.jenkins.plugins.dataworks.engine.migrate.MigrationLauncher;
import io.jenkins.plugins.dataworks.engine.text.Setting;
import io.jenkins.plugins.dataworks.engine.wait.WaitSnapshot;
import io.jenkins.plugins.dataworks.gate.MigrationGate;
import io.jenkins.plugins.dataworks.runtime.DataWorksRuntime;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.jenkinsci.plugins.workflow.actions.WarningAction;
import org.jenkinsci.plugins.workflow.graph.FlowNode;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
import org.kohsuke.stapler.AncestorInPath;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/**
 * {@code promoteDataWorksMigration}: the whole release in one step. Exports from {@code projectId},
 * starts the export and waits for it, downloads, verifies and archives its package, uploads that
 * package into {@code targetProjectId}, creates and starts the import and waits for it; returns the
 * engine's PromotionResult as a map. Both migrations carry {@code name}, the key by which a
 * restarted step finds what a lost call created.
 */
public final class PromoteDataWorksMigrationStep extends ConnectionStep {

    private final long projectId;
    private final long targetProjectId;
    private final String name;
    private String description;
    private String exportMode;
    private String incrementalSince;
    private String objectStatus;
    private String calculateEngineMap;
    private String resourceGroupMap;
    private String workspaceMap;
    private String commitRule;
    private long maxUploadBytes;
    private String timeout;
    private String pollInterval;
    private String partialSuccess;
    private String artifactName;
    private boolean failOnError = true;

    @DataBoundConstructor
    public PromoteDataWorksMigrationStep(long projectId, long targetProjectId, String name, String credentialsId) {
        super(credentialsId);
        this.projectId = projectId;
        this.targetProjectId = targetProjectId;
        this.name = Util.fixEmptyAndTrim(name);
    }

    public long getProjectId() {
        return projectId;
    }

    public long getTargetProjectId() {
        return targetProjectId;
    }

    public String getName() {
        return name;
    }

    public String getDescription() {
        return description;
    }

    @DataBoundSetter
    public void setDescription(String description) {
        this.description = Util.fixEmptyAndTrim(description);
    }

    public String getExportMode() {
        return exportMode;
    }

    @DataBoundSetter
    public void setExportMode(String exportMode) {
        this.exportMode = GateOptions.unlessDefault(exportMode, LaunchOptions.EXPORT_MODE_DEFAULT);
    }

    public String getIncrementalSince() {
        return incrementalSince;
    }

    @DataBoundSetter
    public void setIncrementalSince(String incrementalSince) {
        this.incrementalSince = Util.fixEmptyAndTrim(incrementalSince);
    }

    public String getObjectStatus() {
        return objectStatus;
    }

    @DataBoundSetter
    public void setObjectStatus(String objectStatus) {
        this.objectStatus = GateOptions.unlessDefault(objectStatus, LaunchOptions.OBJECT_STATUS_DEFAULT);
    }

    public String getCalculateEngineMap() {
        return calculateEngineMap;
    }

    @DataBoundSetter
    public void setCalculateEngineMap(String calculateEngineMap) {
        this.calculateEngineMap = Util.fixEmptyAndTrim(calculateEngineMap);
    }

    public String getResourceGroupMap() {
        return resourceGroupMap;
    }

    @DataBoundSetter
    public void setResourceGroupMap(String resourceGroupMap) {
        this.resourceGroupMap = Util.fixEmptyAndTrim(resourceGroupMap);
    }

    public String getWorkspaceMap() {
        return workspaceMap;
    }

    @DataBoundSetter
    public void setWorkspaceMap(String workspaceMap) {
        this.workspaceMap = Util.fixEmptyAndTrim(workspaceMap);
    }

    public String getCommitRule() {
        return commitRule;
    }

    @DataBoundSetter
    public void setCommitRule(String commitRule) {
        this.commitRule = Util.fixEmptyAndTrim(commitRule);
    }

    public long getMaxUploadBytes() {
        return maxUploadBytes;
    }

    @DataBoundSetter
    public void setMaxUploadBytes(long maxUploadBytes) {
        this.maxUploadBytes = maxUploadBytes;
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

    public String getPartialSuccess() {
        return partialSuccess;
    }

    @DataBoundSetter
    public void setPartialSuccess(String partialSuccess) {
        this.partialSuccess = GateOptions.unlessDefault(partialSuccess, GateOptions.PARTIAL_FAILURE);
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

    @Override
    public StepExecution start(StepContext context) {
        return new Execution(context, this);
    }

    /**
     * The running promotion: a state machine persisted with the Pipeline. Create and start calls run
     * on the call pool with their {@link Attempt} persisted first (as in the single steps); the two
     * waits and the download are {@link MigrationGate}s, which hold no thread and persist their
     * snapshots here. After a restart the promotion goes on from its phase: a launch is made again
     * through the engine (find by name, start never twice), a wait resumes from its snapshot.
     */
    static final class Execution extends LaunchingExecution {

        private static final long serialVersionUID = 1L;
        private static final Logger LOGGER = Logger.getLogger(Execution.class.getName());

        enum Phase {
            LAUNCH_EXPORT,
            WAIT_EXPORT,
            LAUNCH_IMPORT,
            WAIT_IMPORT
        }

        private final Connection connection;
        private final LaunchOptions.Export export;
        private final LaunchOptions.Import imports;
        private final String timeout;
        private final String pollInterval;
        private final String partialSuccess;
        private final String artifactName;
        private final boolean failOnError;

        private volatile Phase phase = Phase.LAUNCH_EXPORT;
        /** The name was found free in both workspaces: from here on, a failure is no longer CHECK_NAME's. */
        private volatile boolean nameChecked;

        private volatile long exportId;
        private volatile long importId;
        private volatile String exportActionId;
        private volatile String importActionId;
        private volatile FrozenValue<WaitSnapshot> snapshot;
        private volatile FrozenValue<GateResult> waitResult;
        private volatile FrozenValue<GateResult> exportResult;

        private transient volatile MigrationGate gate;

        Execution(StepContext context, PromoteDataWorksMigrationStep step) {
            super(context, step.connection());
            this.connection = step.connection();
            this.export = new LaunchOptions.Export(
                    step.projectId,
                    step.name,
                    step.exportMode,
                    step.incrementalSince,
                    step.objectStatus,
                    step.description);
            this.imports = new LaunchOptions.Import(
                    step.targetProjectId,
                    step.name,
                    null,
                    step.calculateEngineMap,
                    step.resourceGroupMap,
                    step.workspaceMap,
                    step.commitRule,
                    step.description,
                    step.maxUploadBytes);
            this.timeout = step.timeout;
            this.pollInterval = step.pollInterval;
            this.partialSuccess = step.partialSuccess;
            this.artifactName = step.artifactName;
            this.failOnError = step.failOnError;
        }

        @Override
        void validate(DataWorksGlobalConfiguration config) {
            export.spec();
            if (imports.projectId() <= 0) {
                throw new InvalidInputException(
                        Setting.TARGET_PROJECT_ID.engineName(), Messages.Promote_targetInvalid(imports.projectId()));
            }
            imports.spec();
            imports.uploadSettings(config, true);
            GateOptions probe = gateOptions(1, GateOptions.DOWNLOAD_AUTO, export.projectId());
            probe.policy(config);
            probe.partialSuccessPolicy();
            probe.artifactName();
        }

        /** The wait of one of the two migrations, with the step's wait options. */
        private GateOptions gateOptions(long migrationId, String download, long project) {
            return new GateOptions(
                    project,
                    migrationId,
                    connection.credentialsId(),
                    connection.region(),
                    connection.endpointOverride(),
                    connection.vpc(),
                    timeout,
                    pollInterval,
                    null,
                    partialSuccess,
                    download,
                    artifactName,
                    failOnError,
                    false);
        }

        @Override
        Object launch(MigrationLauncher launcher, Calls calls, Attempt previous)
                throws IOException, InterruptedException {
            if (phase == Phase.LAUNCH_EXPORT) {
                if (previous == null) {
                    // Before anything is created or uploaded: a taken name must not cost a whole export.
                    requireFreeName(launcher, calls);
                }
                MigrationRef ref =
                        launchOne(launcher, calls, previous, MigrationType.EXPORT, export.projectId(), () -> {
                            return launcher.createExport(export.spec());
                        });
                exportId = ref.migrationId();
                phase = Phase.WAIT_EXPORT;
                clearAttempt();
                calls.persistPhase();
                startGate(null);
            } else if (phase == Phase.LAUNCH_IMPORT) {
                MigrationRef ref =
                        launchOne(launcher, calls, previous, MigrationType.IMPORT, imports.projectId(), () -> {
                            try {
                                return CreateDataWorksImportStep.Execution.importFrom(
                                        launcher, calls, previous, imports, ownArtifact(calls.run()));
                            } catch (IOException e) {
                                throw new UncheckedIOException(e);
                            } catch (InterruptedException e) {
                                Thread.currentThread().interrupt();
                                throw new CancellationException("interrupted");
                            }
                        });
                importId = ref.migrationId();
                phase = Phase.WAIT_IMPORT;
                clearAttempt();
                calls.persistPhase();
                startGate(null);
            }
            return CONTINUES;
        }

        /** Looks the name up in both workspaces, among exports and imports (the engine's one rule for it). */
        private void requireFreeName(MigrationLauncher launcher, Calls calls) {
            launcher.requireFreeName(export.projectId(), export.name());
            if (imports.projectId() != export.projectId()) {
                launcher.requireFreeName(imports.projectId(), export.name());
            }
            nameChecked = true;
            calls.log(Messages.Promote_nameFree(export.name(), export.projectId(), imports.projectId()));
        }

        /**
         * Creates (or, after a restart, finds) and starts one migration. A persisted START attempt
         * means the create had finished: only the start is asked again.
         */
        private MigrationRef launchOne(
                MigrationLauncher launcher,
                Calls calls,
                Attempt previous,
                MigrationType type,
                long project,
                Supplier<Launched> create)
                throws IOException, InterruptedException {
            MigrationRef ref;
            if (previous != null && previous.action() == Attempt.Action.START) {
                ref = previous.ref();
            } else if (type == MigrationType.EXPORT) {
                ref = Launches.create(launcher, calls, previous, type, project, export.name(), create)
                        .ref();
            } else {
                ref = create.get().ref(); // importFrom persists and logs its attempt itself
            }
            Launches.start(launcher, calls, ref, previous);
            return ref;
        }

        /** The package the export wait archived in this very build. */
        private PackageSource ownArtifact(Run<?, ?> run) throws IOException {
            GateResult exported = exportResult.get();
            return new PackageSource(
                    null, "/" + run.getParent().getFullName(), String.valueOf(run.getNumber()), exported.packageFile());
        }

        @Override
        void resume() {
            Phase p = phase;
            if (p == Phase.WAIT_EXPORT || p == Phase.WAIT_IMPORT) {
                try {
                    startGate(snapshotOrNull());
                } catch (IOException | InterruptedException | RuntimeException e) {
                    if (e instanceof InterruptedException) {
                        Thread.currentThread().interrupt();
                    }
                    LOGGER.log(Level.FINE, "could not resume the promotion", e);
                    failed(new AbortException(Messages.Resume_failed(String.valueOf(e.getMessage()))));
                }
            } else {
                super.resume();
            }
        }

        private WaitSnapshot snapshotOrNull() throws IOException {
            FrozenValue<WaitSnapshot> s = snapshot;
            return s == null ? null : s.get();
        }

        /** Starts (or resumes) the wait of the current phase; completion continues the promotion. */
        private void startGate(WaitSnapshot resumeFrom) throws IOException, InterruptedException {
            boolean exporting = phase == Phase.WAIT_EXPORT;
            long project = exporting ? export.projectId() : imports.projectId();
            long id = exporting ? exportId : importId;
            Run<?, ?> run = getContext().get(Run.class);
            TaskListener listener = getContext().get(TaskListener.class);
            String actionId = exporting ? exportActionId : importActionId;
            DataWorksMigrationAction action = actionId == null ? null : DataWorksMigrationAction.find(run, actionId);
            if (action == null) {
                action = new DataWorksMigrationAction(project, id);
                run.addAction(action);
                if (exporting) {
                    exportActionId = action.getId();
                } else {
                    importActionId = action.getId();
                }
            }
            listener.getLogger()
                    .println(
                            resumeFrom != null || waitResult != null
                                    ? Messages.Log_resuming(id, project)
                                    : Messages.Log_waiting(id, project));
            GateOptions options = gateOptions(id, exporting ? "ALWAYS" : "NEVER", project);
            DataWorksRuntime runtime = DataWorksRuntime.get();
            MigrationGate g = new MigrationGate(
                    options, DataWorksGlobalConfiguration.get(), runtime, new Host(run, listener), action);
            gate = g;
            if (isCompleted()) {
                g.abort();
                return;
            }
            g.result().whenComplete((result, error) -> {
                if (error instanceof CancellationException || runtime.isShuttingDown()) {
                    return; // stopped, or a shutdown broke it off: the promotion resumes after the restart
                }
                if (error != null) {
                    failed(error);
                } else {
                    waitEnded(run, listener, result);
                }
            });
            FrozenValue<GateResult> done = waitResult;
            if (done != null) {
                g.resumeDownload(done.get());
            } else if (resumeFrom != null) {
                g.resume(resumeFrom);
            } else {
                g.start();
            }
        }

        private void waitEnded(Run<?, ?> run, TaskListener listener, GateResult result) {
            // a failed wait ends the promotion, whose message (printed below, or as the build's ERROR) includes it
            Verdict.log(listener, result, !result.successful());
            snapshot = null;
            waitResult = null;
            if (phase == Phase.WAIT_EXPORT) {
                if (!result.successful()) {
                    finish(run, listener, PromotionResult.stoppedAtWait(result, null));
                    return;
                }
                exportResult = FrozenValue.of(result, GateResult.class);
                phase = Phase.LAUNCH_IMPORT;
                getContext().saveState();
                submit();
            } else {
                try {
                    finish(run, listener, PromotionResult.completed(exportResult.get(), result));
                } catch (IOException e) {
                    failed(new AbortException(Messages.Resume_failed(e.getMessage())));
                }
            }
        }

        @Override
        void launchFailed(DataWorksException e) {
            PromotionResult.Stage stage = stageOfFailure();
            GateResult exported = null;
            try {
                exported = exportResult == null ? null : exportResult.get();
            } catch (IOException ignored) {
                // the failure is what matters here
            }
            PromotionResult promotion = PromotionResult.failedAt(stage, exported, null, e, FrontEndNames.PIPELINE);
            try {
                finish(getContext().get(Run.class), getContext().get(TaskListener.class), promotion);
            } catch (IOException | InterruptedException lookup) {
                failed(new AbortException(promotion.message()));
            }
        }

        /** Which stage a launch failure stopped at, from the persisted phase and attempt. */
        private PromotionResult.Stage stageOfFailure() {
            Attempt a = currentAttempt();
            boolean starting = a != null && (a.action() == Attempt.Action.START || a.isCreated());
            if (phase == Phase.LAUNCH_EXPORT) {
                if (a == null && !nameChecked) {
                    return PromotionResult.Stage.CHECK_NAME;
                }
                return starting ? PromotionResult.Stage.START_EXPORT : PromotionResult.Stage.CREATE_EXPORT;
            }
            return starting ? PromotionResult.Stage.START_IMPORT : PromotionResult.Stage.CREATE_IMPORT;
        }

        /** Decides the step's outcome from the engine's PromotionResult, as the wait step does from its gate's. */
        private void finish(Run<?, ?> run, TaskListener listener, PromotionResult promotion) {
            boolean failsTheBuild = failOnError && !promotion.successful();
            if (!failsTheBuild) { // otherwise the build's ERROR line says it
                listener.getLogger()
                        .println(Messages.Promote_final(promotion.result().name(), promotion.message()));
            }
            switch (promotion.result()) {
                case SUCCESS -> succeed(promotion.toMap());
                case UNSTABLE -> {
                    try {
                        FlowNode node = getContext().get(FlowNode.class);
                        if (node != null) {
                            node.addOrReplaceAction(
                                    new WarningAction(Result.UNSTABLE).withMessage(promotion.message()));
                        }
                    } catch (IOException | InterruptedException e) {
                        LOGGER.log(Level.FINE, "could not mark the stage unstable", e);
                    }
                    run.setResult(Result.UNSTABLE);
                    succeed(promotion.toMap());
                }
                default -> {
                    if (failOnError) {
                        failed(new AbortException(promotion.message()));
                    } else {
                        succeed(promotion.toMap());
                    }
                }
            }
        }

        @Override
        void cancelWork() {
            MigrationGate g = gate;
            if (g != null) {
                g.abort();
            }
        }

        @Override
        public String getStatus() {
            return "promoting DataWorks " + export.name() + ": " + phase;
        }

        /** The promotion's side of its two gates: their snapshots and wait results persisted into this execution. */
        private final class Host extends PipelineGateHost {

            Host(Run<?, ?> run, TaskListener listener) {
                super(getContext(), run, listener);
            }

            @Override
            public void persistSnapshot(WaitSnapshot s) {
                snapshot = FrozenValue.of(s, WaitSnapshot.class);
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
    public static final class DescriptorImpl extends ConnectionStepDescriptor {

        @Override
        public String getFunctionName() {
            return "promoteDataWorksMigration";
        }

        @Override
        List<String> requiredIds() {
            return List.of("projectId", "targetProjectId");
        }

        @NonNull
        @Override
        public String getDisplayName() {
            return Messages.Promote_displayName();
        }

        public ListBoxModel doFillExportModeItems() {
            return LaunchOptions.choices(Setting.EXPORT_MODE);
        }

        public ListBoxModel doFillObjectStatusItems() {
            return LaunchOptions.choices(Setting.OBJECT_STATUS);
        }

        public ListBoxModel doFillPartialSuccessItems() {
            return MigrationForms.partialSuccessItems();
        }

        @POST
        public FormValidation doCheckTargetProjectId(@AncestorInPath Item item, @QueryParameter String value) {
            return MigrationForms.checkId(FrontEndNames.PIPELINE, item, "targetProjectId", value);
        }

        @POST
        public FormValidation doCheckName(@AncestorInPath Item item, @QueryParameter String value) {
            return LaunchOptions.checkName(item, value);
        }

        @POST
        public FormValidation doCheckIncrementalSince(
                @AncestorInPath Item item, @QueryParameter String value, @QueryParameter String exportMode) {
            return LaunchOptions.checkIncrementalSince(item, value, exportMode);
        }

        @POST
        public FormValidation doCheckCalculateEngineMap(@AncestorInPath Item item, @QueryParameter String value) {
            return LaunchOptions.checkImportJson(item, Setting.CALCULATE_ENGINE_MAP, value);
        }

        @POST
        public FormValidation doCheckResourceGroupMap(@AncestorInPath Item item, @QueryParameter String value) {
            return LaunchOptions.checkImportJson(item, Setting.RESOURCE_GROUP_MAP, value);
        }

        @POST
        public FormValidation doCheckWorkspaceMap(@AncestorInPath Item item, @QueryParameter String value) {
            return LaunchOptions.checkImportJson(item, Setting.WORKSPACE_MAP, value);
        }

        @POST
        public FormValidation doCheckCommitRule(@AncestorInPath Item item, @QueryParameter String value) {
            return LaunchOptions.checkImportJson(item, Setting.COMMIT_RULE, value);
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
        public FormValidation doCheckArtifactName(@AncestorInPath Item item, @QueryParameter String value) {
            return MigrationForms.checkArtifactName(FrontEndNames.PIPELINE, item, value);
        }
    }
}
