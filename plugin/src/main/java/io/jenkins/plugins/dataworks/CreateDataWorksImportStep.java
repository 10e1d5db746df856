package io.jenkins.plugins.dataworks;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Extension;
import hudson.FilePath;
import hudson.Functions;
import hudson.Util;
import hudson.model.Item;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import io.jenkins.plugins.dataworks.engine.client.ImportSpec;
import io.jenkins.plugins.dataworks.engine.client.MigrationType;
import io.jenkins.plugins.dataworks.engine.error.ApiException;
import io.jenkins.plugins.dataworks.engine.migrate.Launched;
import io.jenkins.plugins.dataworks.engine.migrate.MigrationLauncher;
import io.jenkins.plugins.dataworks.engine.redact.Redaction;
import io.jenkins.plugins.dataworks.engine.text.Setting;
import io.jenkins.plugins.dataworks.runtime.DataWorksRuntime;
import io.jenkins.plugins.dataworks.upload.WorkspacePackageTransfer;
import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
import org.kohsuke.stapler.AncestorInPath;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/**
 * {@code createDataWorksImport}: uploads a package (a workspace file, or an archived artifact of a
 * build) and creates an import migration from it (not started); returns its id. The upload runs
 * where the file is; the engine checks the package before any call, and a grant's policy and
 * signature exist only for the upload call.
 */
public final class CreateDataWorksImportStep extends ConnectionStep {

    private final long projectId;
    private final String name;
    private String packageFile;
    private String fromJob;
    private String fromBuild;
    private String artifact;
    private String packageType;
    private String calculateEngineMap;
    private String resourceGroupMap;
    private String workspaceMap;
    private String commitRule;
    private String description;
    private long maxUploadBytes;

    @DataBoundConstructor
    public CreateDataWorksImportStep(long projectId, String name, String credentialsId) {
        super(credentialsId);
        this.projectId = projectId;
        this.name = Util.fixEmptyAndTrim(name);
    }

    public long getProjectId() {
        return projectId;
    }

    public String getName() {
        return name;
    }

    public String getPackageFile() {
        return packageFile;
    }

    @DataBoundSetter
    public void setPackageFile(String packageFile) {
        this.packageFile = Util.fixEmptyAndTrim(packageFile);
    }

    public String getFromJob() {
        return fromJob;
    }

    @DataBoundSetter
    public void setFromJob(String fromJob) {
        this.fromJob = Util.fixEmptyAndTrim(fromJob);
    }

    public String getFromBuild() {
        return fromBuild;
    }

    @DataBoundSetter
    public void setFromBuild(String fromBuild) {
        this.fromBuild = Util.fixEmptyAndTrim(fromBuild);
    }

    public String getArtifact() {
        return artifact;
    }

    @DataBoundSetter
    public void setArtifact(String artifact) {
        this.artifact = Util.fixEmptyAndTrim(artifact);
    }

    public String getPackageType() {
        return packageType;
    }

    @DataBoundSetter
    public void setPackageType(String packageType) {
        this.packageType = GateOptions.unlessDefault(packageType, LaunchOptions.PACKAGE_TYPE_DEFAULT);
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

    public String getDescription() {
        return description;
    }

    @DataBoundSetter
    public void setDescription(String description) {
        this.description = Util.fixEmptyAndTrim(description);
    }

    public long getMaxUploadBytes() {
        return maxUploadBytes;
    }

    /** 0 (the default) for the engine's cap. */
    @DataBoundSetter
    public void setMaxUploadBytes(long maxUploadBytes) {
        this.maxUploadBytes = maxUploadBytes;
    }

    @Override
    public StepExecution start(StepContext context) {
        return new Execution(
                context,
                connection(),
                new LaunchOptions.Import(
                        projectId,
                        name,
                        packageType,
                        calculateEngineMap,
                        resourceGroupMap,
                        workspaceMap,
                        commitRule,
                        description,
                        maxUploadBytes),
                new PackageSource(packageFile, fromJob, fromBuild, artifact));
    }

    /** Checks the package, uploads it and creates the import; after a restart finds the one a lost call created. */
    static final class Execution extends LaunchingExecution {

        private static final long serialVersionUID = 1L;
        private static final Logger LOGGER = Logger.getLogger(Execution.class.getName());

        private final LaunchOptions.Import options;
        private final PackageSource source;

        Execution(StepContext context, Connection connection, LaunchOptions.Import options, PackageSource source) {
            super(context, connection);
            this.options = options;
            this.source = source;
        }

        @Override
        void validate(DataWorksGlobalConfiguration config) {
            options.spec();
            source.validate();
            options.uploadSettings(config, false);
        }

        @Override
        Object launch(MigrationLauncher launcher, Calls calls, Attempt previous)
                throws IOException, InterruptedException {
            Launched launched = importFrom(launcher, calls, previous, options, source);
            return launched.ref().migrationId();
        }

        /** Shared with promoteDataWorksMigration, which imports the package it archived. */
        static Launched importFrom(
                MigrationLauncher launcher,
                Calls calls,
                Attempt previous,
                LaunchOptions.Import options,
                PackageSource source)
                throws IOException, InterruptedException {
            ImportSpec spec = options.spec();
            DataWorksGlobalConfiguration config = DataWorksGlobalConfiguration.get();
            PackageSource.Located located =
                    source.locate(calls.run(), calls.context().get(FilePath.class));
            try {
                WorkspacePackageTransfer transfer = new WorkspacePackageTransfer(
                        located.file(),
                        options.uploadSettings(config, located.onController()),
                        DataWorksRuntime.get().sleeper());
                return Launches.create(
                        launcher, calls, previous, MigrationType.IMPORT, options.projectId(), options.name(), () -> {
                            long size = checked(transfer);
                            // Logged when the upload begins: the engine checks the name first, and a taken
                            // name uploads nothing.
                            return launcher.createImport(spec, grant -> {
                                calls.log(Messages.Import_uploading(
                                        source.describe(),
                                        Functions.humanReadableByteSize(size),
                                        options.name(),
                                        options.projectId()));
                                transfer.upload(grant);
                            });
                        });
            } finally {
                if (located.temporary() != null) {
                    try {
                        Files.deleteIfExists(located.temporary());
                    } catch (IOException e) {
                        LOGGER.log(Level.WARNING, "could not remove the temporary copy of the package", e);
                    }
                }
            }
        }

        private static long checked(WorkspacePackageTransfer transfer) {
            try {
                return transfer.check();
            } catch (IOException e) {
                throw new ApiException(
                        Messages.Upload_agentUnreachable("the package", Redaction.text(String.valueOf(e.getMessage()))),
                        "AgentUnreachable",
                        null,
                        null);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ApiException(Messages.Upload_cancelled("the package"), "Cancelled", null, null);
            }
        }
    }

    @Extension
    public static final class DescriptorImpl extends ConnectionStepDescriptor {

        @Override
        public String getFunctionName() {
            return "createDataWorksImport";
        }

        @Override
        List<String> requiredIds() {
            return List.of("projectId");
        }

        @NonNull
        @Override
        public String getDisplayName() {
            return Messages.CreateImport_displayName();
        }

        public ListBoxModel doFillPackageTypeItems() {
            return LaunchOptions.choices(Setting.PACKAGE_TYPE);
        }

        @POST
        public FormValidation doCheckName(@AncestorInPath Item item, @QueryParameter String value) {
            return LaunchOptions.checkName(item, value);
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
    }
}
