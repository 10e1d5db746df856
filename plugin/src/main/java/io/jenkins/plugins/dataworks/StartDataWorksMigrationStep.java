package io.jenkins.plugins.dataworks;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Extension;
import hudson.model.Item;
import hudson.util.FormValidation;
import io.jenkins.plugins.dataworks.engine.client.MigrationRef;
import io.jenkins.plugins.dataworks.engine.migrate.MigrationLauncher;
import java.io.IOException;
import java.util.List;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
import org.kohsuke.stapler.AncestorInPath;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/**
 * {@code startDataWorksMigration}: starts a created migration. One that was started before (by an
 * earlier run, by someone else, or by this step before a controller restart) is left alone: the
 * step logs one line with its status and succeeds, so that running the step again is harmless; it
 * returns {@code startedNow: false} for a script that wants to tell.
 */
public final class StartDataWorksMigrationStep extends ConnectionStep {

    private final long projectId;
    private final long migrationId;

    @DataBoundConstructor
    public StartDataWorksMigrationStep(long projectId, long migrationId, String credentialsId) {
        super(credentialsId);
        this.projectId = projectId;
        this.migrationId = migrationId;
    }

    public long getProjectId() {
        return projectId;
    }

    public long getMigrationId() {
        return migrationId;
    }

    @Override
    public StepExecution start(StepContext context) {
        return new Execution(context, connection(), projectId, migrationId);
    }

    static final class Execution extends LaunchingExecution {

        private static final long serialVersionUID = 1L;

        private final long projectId;
        private final long migrationId;

        Execution(StepContext context, Connection connection, long projectId, long migrationId) {
            super(context, connection);
            this.projectId = projectId;
            this.migrationId = migrationId;
        }

        @Override
        void validate(DataWorksGlobalConfiguration config) {
            new MigrationRef(projectId, migrationId);
        }

        @Override
        Object launch(MigrationLauncher launcher, Calls calls, Attempt previous)
                throws IOException, InterruptedException {
            return Launches.toMap(Launches.start(launcher, calls, new MigrationRef(projectId, migrationId), previous));
        }
    }

    @Extension
    public static final class DescriptorImpl extends ConnectionStepDescriptor {

        @Override
        public String getFunctionName() {
            return "startDataWorksMigration";
        }

        @Override
        List<String> requiredIds() {
            return List.of("projectId", "migrationId");
        }

        @NonNull
        @Override
        public String getDisplayName() {
            return Messages.Start_displayName();
        }

        @POST
        public FormValidation doCheckMigrationId(@AncestorInPath Item item, @QueryParameter String value) {
            return MigrationForms.checkId(FrontEndNames.PIPELINE, item, "migrationId", value);
        }
    }
}
