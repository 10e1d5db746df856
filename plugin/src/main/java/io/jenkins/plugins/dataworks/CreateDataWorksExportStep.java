package io.jenkins.plugins.dataworks;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Extension;
import hudson.Util;
import hudson.model.Item;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import io.jenkins.plugins.dataworks.engine.client.ExportSpec;
import io.jenkins.plugins.dataworks.engine.client.MigrationType;
import io.jenkins.plugins.dataworks.engine.migrate.Launched;
import io.jenkins.plugins.dataworks.engine.migrate.MigrationLauncher;
import java.io.IOException;
import java.util.List;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
import org.kohsuke.stapler.AncestorInPath;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/**
 * {@code createDataWorksExport}: creates an export migration (not started) and returns its id. The
 * name is the key by which a restarted step finds the migration its lost call created, so it must
 * be unique in the workspace; the engine refuses a name that is taken.
 */
public final class CreateDataWorksExportStep extends ConnectionStep {

    private final long projectId;
    private final String name;
    private String exportMode;
    private String incrementalSince;
    private String objectStatus;
    private String description;

    @DataBoundConstructor
    public CreateDataWorksExportStep(long projectId, String name, String credentialsId) {
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

    public String getDescription() {
        return description;
    }

    @DataBoundSetter
    public void setDescription(String description) {
        this.description = Util.fixEmptyAndTrim(description);
    }

    LaunchOptions.Export export() {
        return new LaunchOptions.Export(projectId, name, exportMode, incrementalSince, objectStatus, description);
    }

    @Override
    public StepExecution start(StepContext context) {
        return new Execution(context, connection(), export());
    }

    /** Creates the export, or after a restart finds the one the lost call created. */
    static final class Execution extends LaunchingExecution {

        private static final long serialVersionUID = 1L;

        private final LaunchOptions.Export export;

        Execution(StepContext context, Connection connection, LaunchOptions.Export export) {
            super(context, connection);
            this.export = export;
        }

        @Override
        void validate(DataWorksGlobalConfiguration config) {
            export.spec();
        }

        @Override
        Object launch(MigrationLauncher launcher, Calls calls, Attempt previous)
                throws IOException, InterruptedException {
            Launched launched = Launches.create(
                    launcher, calls, previous, MigrationType.EXPORT, export.projectId(), export.name(), () -> {
                        ExportSpec spec = export.spec();
                        return launcher.createExport(spec);
                    });
            return launched.ref().migrationId();
        }
    }

    @Extension
    public static final class DescriptorImpl extends ConnectionStepDescriptor {

        @Override
        public String getFunctionName() {
            return "createDataWorksExport";
        }

        @Override
        List<String> requiredIds() {
            return List.of("projectId");
        }

        @NonNull
        @Override
        public String getDisplayName() {
            return Messages.CreateExport_displayName();
        }

        public ListBoxModel doFillExportModeItems() {
            return LaunchOptions.choices(io.jenkins.plugins.dataworks.engine.text.Setting.EXPORT_MODE);
        }

        public ListBoxModel doFillObjectStatusItems() {
            return LaunchOptions.choices(io.jenkins.plugins.dataworks.engine.text.Setting.OBJECT_STATUS);
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
    }
}
