package io.jenkins.plugins.dataworks;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Extension;
import hudson.Util;
import hudson.model.Item;
import hudson.model.Run;
import hudson.model.TaskListener;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import java.util.Set;
import org.jenkinsci.plugins.workflow.steps.Step;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepDescriptor;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
import org.kohsuke.stapler.AncestorInPath;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
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
        return new GateOptions(projectId, migrationId, credentialsId, region, endpoint, vpc, timeout, pollInterval,
                maxPollInterval, partialSuccess, download, artifactName, failOnError, quiet);
    }

    @Override
    public StepExecution start(StepContext context) {
        return new WaitForDataWorksMigrationExecution(context, options());
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
            return MigrationForms.checkCredentialsId(item, value);
        }

        @POST
        public FormValidation doCheckProjectId(@AncestorInPath Item item, @QueryParameter String value) {
            return MigrationForms.checkId(item, "projectId", value);
        }

        @POST
        public FormValidation doCheckMigrationId(@AncestorInPath Item item, @QueryParameter String value) {
            return MigrationForms.checkId(item, "migrationId", value);
        }

        @POST
        public FormValidation doCheckRegion(@AncestorInPath Item item, @QueryParameter String value,
                @QueryParameter String endpoint, @QueryParameter boolean vpc) {
            return MigrationForms.checkRegion(item, value, endpoint, vpc);
        }

        @POST
        public FormValidation doCheckEndpoint(@AncestorInPath Item item, @QueryParameter String value,
                @QueryParameter String region) {
            return MigrationForms.checkEndpoint(item, value, region);
        }

        @POST
        public FormValidation doCheckTimeout(@AncestorInPath Item item, @QueryParameter String value) {
            return MigrationForms.checkDuration(item, "timeout", value);
        }

        @POST
        public FormValidation doCheckPollInterval(@AncestorInPath Item item, @QueryParameter String value) {
            return MigrationForms.checkDuration(item, "pollInterval", value);
        }

        @POST
        public FormValidation doCheckMaxPollInterval(@AncestorInPath Item item, @QueryParameter String value) {
            return MigrationForms.checkDuration(item, "maxPollInterval", value);
        }

        @POST
        public FormValidation doCheckArtifactName(@AncestorInPath Item item, @QueryParameter String value) {
            return MigrationForms.checkArtifactName(item, value);
        }

        @POST
        public FormValidation doTestConnection(@AncestorInPath Item item, @QueryParameter String projectId,
                @QueryParameter String migrationId, @QueryParameter String credentialsId,
                @QueryParameter String region, @QueryParameter String endpoint, @QueryParameter boolean vpc) {
            return MigrationForms.testConnection(item, projectId, migrationId, credentialsId, region, endpoint, vpc);
        }
    }
}
