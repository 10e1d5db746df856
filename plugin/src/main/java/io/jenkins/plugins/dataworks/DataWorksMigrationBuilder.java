package io.jenkins.plugins.dataworks;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.AbortException;
import hudson.EnvVars;
import hudson.Extension;
import hudson.FilePath;
import hudson.Launcher;
import hudson.Util;
import hudson.model.AbstractBuild;
import hudson.model.AbstractProject;
import hudson.model.Item;
import hudson.model.Result;
import hudson.model.Run;
import hudson.model.TaskListener;
import hudson.tasks.BuildStepDescriptor;
import hudson.tasks.Builder;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import io.jenkins.plugins.dataworks.engine.error.InvalidInputException;
import io.jenkins.plugins.dataworks.engine.gate.GateResult;
import io.jenkins.plugins.dataworks.engine.text.Setting;
import io.jenkins.plugins.dataworks.engine.wait.WaitSnapshot;
import io.jenkins.plugins.dataworks.gate.MigrationGate;
import io.jenkins.plugins.dataworks.runtime.DataWorksRuntime;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import jenkins.tasks.SimpleBuildStep;
import net.sf.json.JSONObject;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.AncestorInPath;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.StaplerRequest2;
import org.kohsuke.stapler.verb.POST;

/**
 * The freestyle build step: the same options and the same engine code as the Pipeline step, but it
 * occupies the executor while it waits, as every freestyle step does. Later steps read the result
 * from {@code DATAWORKS_MIGRATION_*} environment variables.
 *
 * <p>In a Pipeline it refuses to run, naming {@code waitForDataWorksMigration}, which holds no thread
 * or executor and survives restarts. It stays a {@code SimpleBuildStep} with its symbol so that a
 * Jenkinsfile written when it ran there fails loudly: without them {@code dataWorksMigration ...}
 * would resolve to the global configuration's symbol and do nothing, and a release gate that does
 * nothing passes.
 */
public final class DataWorksMigrationBuilder extends Builder implements SimpleBuildStep {

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
    public DataWorksMigrationBuilder(long projectId, long migrationId, String credentialsId) {
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

    /** Text options may use build parameters, e.g. {@code credentialsId: ${DATAWORKS_CREDENTIALS}}. */
    GateOptions options(EnvVars env) {
        return new GateOptions(
                projectId,
                migrationId,
                env.expand(credentialsId),
                env.expand(region),
                env.expand(endpoint),
                vpc,
                env.expand(timeout),
                env.expand(pollInterval),
                env.expand(maxPollInterval),
                env.expand(partialSuccess),
                env.expand(download),
                env.expand(artifactName),
                failOnError,
                quiet);
    }

    @Override
    public void perform(
            @NonNull Run<?, ?> run,
            @NonNull FilePath workspace,
            @NonNull EnvVars env,
            @NonNull Launcher launcher,
            @NonNull TaskListener listener)
            throws InterruptedException, IOException {
        if (!(run instanceof AbstractBuild)) {
            throw new AbortException(Messages.Builder_notInPipeline());
        }
        GateOptions options = options(env);
        DataWorksGlobalConfiguration config = DataWorksGlobalConfiguration.get();
        try {
            options.validate(config);
        } catch (InvalidInputException e) {
            throw new AbortException(FrontEndNames.FREESTYLE.message(e));
        }
        DataWorksMigrationAction action = new DataWorksMigrationAction(projectId, migrationId);
        run.addAction(action);
        if (!quiet) {
            listener.getLogger().println(Messages.Log_waiting(migrationId, projectId));
        }
        MigrationGate gate = new MigrationGate(
                options, config, DataWorksRuntime.get(), new FreestyleHost(run, listener, workspace, launcher), action);
        gate.start();
        GateResult result;
        try {
            result = gate.result().get();
        } catch (InterruptedException | CancellationException e) {
            gate.abort();
            throw e instanceof InterruptedException ie ? ie : new InterruptedException(e.getMessage());
        } catch (ExecutionException e) {
            throw new AbortException(String.valueOf(e.getCause().getMessage()));
        }
        Verdict.log(listener, result, Verdict.failsTheBuild(result, failOnError));
        run.addAction(new DataWorksEnvironmentAction(result));
        switch (result.result()) {
            case SUCCESS -> {}
            case UNSTABLE -> run.setResult(Result.UNSTABLE);
            default -> {
                if (failOnError) {
                    throw new AbortException(result.message());
                }
            }
        }
    }

    /** A freestyle build does not survive a restart, so nothing is persisted. */
    private record FreestyleHost(Run<?, ?> run, TaskListener listener, FilePath workspace, Launcher launcher)
            implements MigrationGate.Host {

        @Override
        public void persistSnapshot(WaitSnapshot snapshot) {}

        @Override
        public void persistWaitResult(GateResult waitResult) {}

        @Override
        public FrontEndNames vocabulary() {
            return FrontEndNames.FREESTYLE;
        }
    }

    @Extension
    @Symbol("dataWorksMigration")
    public static final class DescriptorImpl extends BuildStepDescriptor<Builder> {

        @NonNull
        @Override
        public String getDisplayName() {
            return Messages.Builder_displayName();
        }

        @Override
        @SuppressWarnings("rawtypes")
        public boolean isApplicable(Class<? extends AbstractProject> jobType) {
            return true;
        }

        /** Refuses to save a job whose required IDs are missing, rather than storing 0. */
        @Override
        public Builder newInstance(StaplerRequest2 req, @NonNull JSONObject formData) throws FormException {
            for (String field : List.of("projectId", "migrationId")) {
                String problem = MigrationForms.idProblems(FrontEndNames.FREESTYLE, formData, List.of(field));
                if (problem != null) {
                    throw new FormException(problem, field);
                }
            }
            return super.newInstance(req, formData);
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
            return MigrationForms.checkCredentialsId(FrontEndNames.FREESTYLE, item, value);
        }

        @POST
        public FormValidation doCheckProjectId(@AncestorInPath Item item, @QueryParameter String value) {
            return MigrationForms.checkId(FrontEndNames.FREESTYLE, item, "projectId", value);
        }

        @POST
        public FormValidation doCheckMigrationId(@AncestorInPath Item item, @QueryParameter String value) {
            return MigrationForms.checkId(FrontEndNames.FREESTYLE, item, "migrationId", value);
        }

        @POST
        public FormValidation doCheckRegion(
                @AncestorInPath Item item,
                @QueryParameter String value,
                @QueryParameter String endpoint,
                @QueryParameter boolean vpc) {
            return MigrationForms.checkRegion(FrontEndNames.FREESTYLE, item, value, endpoint, vpc);
        }

        @POST
        public FormValidation doCheckEndpoint(
                @AncestorInPath Item item, @QueryParameter String value, @QueryParameter String region) {
            return MigrationForms.checkEndpoint(FrontEndNames.FREESTYLE, item, value, region);
        }

        @POST
        public FormValidation doCheckTimeout(@AncestorInPath Item item, @QueryParameter String value) {
            return MigrationForms.checkDuration(FrontEndNames.FREESTYLE, item, Setting.TIMEOUT, value);
        }

        @POST
        public FormValidation doCheckPollInterval(@AncestorInPath Item item, @QueryParameter String value) {
            return MigrationForms.checkDuration(FrontEndNames.FREESTYLE, item, Setting.POLL_INTERVAL, value);
        }

        @POST
        public FormValidation doCheckMaxPollInterval(@AncestorInPath Item item, @QueryParameter String value) {
            return MigrationForms.checkDuration(FrontEndNames.FREESTYLE, item, Setting.MAX_POLL_INTERVAL, value);
        }

        @POST
        public FormValidation doCheckArtifactName(@AncestorInPath Item item, @QueryParameter String value) {
            return MigrationForms.checkArtifactName(FrontEndNames.FREESTYLE, item, value);
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
                    FrontEndNames.FREESTYLE, item, projectId, migrationId, credentialsId, region, endpoint, vpc);
        }
    }
}
