package io.jenkins.plugins.dataworks;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.model.Item;
import hudson.model.Run;
import hudson.model.TaskListener;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import java.util.List;
import java.util.Set;
import net.sf.json.JSONObject;
import org.jenkinsci.plugins.workflow.steps.Step;
import org.jenkinsci.plugins.workflow.steps.StepDescriptor;
import org.kohsuke.stapler.AncestorInPath;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.StaplerRequest2;
import org.kohsuke.stapler.verb.POST;

/**
 * The form methods of the connection options and the workspace ID, shared by the descriptors of the
 * steps that create and start migrations (the same checks as {@code waitForDataWorksMigration}'s, in
 * {@link MigrationForms}: CONFIGURE on the job, or ADMINISTER without one, and POST).
 */
public abstract class ConnectionStepDescriptor extends StepDescriptor {

    /** No {@code node {}} needed for the calls; a step that reads a workspace file asks for it itself. */
    @Override
    public Set<? extends Class<?>> getRequiredContext() {
        return Set.of(Run.class, TaskListener.class);
    }

    /** The step's required IDs (its constructor's numbers): the form is refused while one is missing. */
    abstract List<String> requiredIds();

    @Override
    public Step newInstance(StaplerRequest2 req, @NonNull JSONObject formData) throws FormException {
        MigrationForms.requireIds(formData, requiredIds());
        return super.newInstance(req, formData);
    }

    public ListBoxModel doFillCredentialsIdItems(@AncestorInPath Item item, @QueryParameter String credentialsId) {
        return MigrationForms.credentialsItems(item, credentialsId);
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
}
