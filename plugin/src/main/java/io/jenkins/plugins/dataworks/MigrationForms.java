package io.jenkins.plugins.dataworks;

import com.cloudbees.plugins.credentials.CredentialsProvider;
import com.cloudbees.plugins.credentials.common.StandardListBoxModel;
import hudson.Util;
import hudson.model.Item;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import io.jenkins.plugins.dataworks.credentials.CredentialsListing;
import io.jenkins.plugins.dataworks.credentials.CredentialsResolver;
import io.jenkins.plugins.dataworks.engine.auth.CredentialsSource;
import io.jenkins.plugins.dataworks.engine.client.DataWorksClient;
import io.jenkins.plugins.dataworks.engine.client.MigrationRef;
import io.jenkins.plugins.dataworks.engine.client.MigrationSummary;
import io.jenkins.plugins.dataworks.engine.download.PackageNames;
import io.jenkins.plugins.dataworks.engine.error.DataWorksException;
import io.jenkins.plugins.dataworks.engine.error.InvalidInputException;
import io.jenkins.plugins.dataworks.engine.input.DurationInput;
import io.jenkins.plugins.dataworks.engine.input.IdInput;
import io.jenkins.plugins.dataworks.engine.text.Setting;
import io.jenkins.plugins.dataworks.runtime.DataWorksRuntime;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import jenkins.model.Jenkins;
import net.sf.json.JSONObject;

/**
 * The form logic shared by the Pipeline step's and the freestyle builder's descriptors. Every
 * check that reads configuration or calls the service requires CONFIGURE on the job (ADMINISTER
 * without one) and is reached only through {@code @POST} web methods; the credentials list follows
 * the credentials plugin's consumer guide. Whether a value is acceptable is the engine's call.
 */
final class MigrationForms {

    private MigrationForms() {}

    static ListBoxModel credentialsItems(Item item, String credentialsId) {
        StandardListBoxModel result = new StandardListBoxModel();
        if (item == null) {
            if (!Jenkins.get().hasPermission(Jenkins.ADMINISTER)) {
                return result.includeCurrentValue(credentialsId);
            }
        } else if (!item.hasPermission(Item.EXTENDED_READ) && !item.hasPermission(CredentialsProvider.USE_ITEM)) {
            return result.includeCurrentValue(credentialsId);
        }
        result.includeEmptyValue();
        CredentialsListing.includeAccepted(result, item);
        return result.includeCurrentValue(credentialsId);
    }

    static ListBoxModel partialSuccessItems() {
        ListBoxModel m = new ListBoxModel();
        m.add(Messages.PartialSuccess_failure(), GateOptions.PARTIAL_FAILURE);
        m.add(Messages.PartialSuccess_unstable(), GateOptions.PARTIAL_UNSTABLE);
        m.add(Messages.PartialSuccess_success(), GateOptions.PARTIAL_SUCCESS);
        return m;
    }

    static ListBoxModel downloadItems() {
        ListBoxModel m = new ListBoxModel();
        m.add(Messages.Download_auto(), "AUTO");
        m.add(Messages.Download_always(), "ALWAYS");
        m.add(Messages.Download_never(), "NEVER");
        return m;
    }

    /** False (and nothing is revealed) unless the user may configure the job, or administer Jenkins without one. */
    static boolean mayConfigure(Item item) {
        if (item == null) {
            return Jenkins.get().hasPermission(Jenkins.ADMINISTER);
        }
        return item.hasPermission(Item.CONFIGURE);
    }

    static FormValidation checkCredentialsId(FrontEndNames names, Item item, String value) {
        if (!mayConfigure(item)) {
            return FormValidation.ok();
        }
        String id = Util.fixEmptyAndTrim(value);
        if (id == null) {
            return FormValidation.error(
                    names.message(new InvalidInputException("credentialsId", Messages.Credentials_missingId())));
        }
        if (id.startsWith("${") && id.endsWith("}")) {
            return FormValidation.warning(Messages.Credentials_expression());
        }
        try {
            CredentialsResolver.checkForItem(id, item);
            return FormValidation.ok();
        } catch (DataWorksException e) {
            return FormValidation.error(names.message(e));
        }
    }

    static FormValidation checkId(FrontEndNames names, Item item, String field, String value) {
        if (!mayConfigure(item)) {
            return FormValidation.ok();
        }
        try {
            IdInput.parse(field, value, idKind(field));
            return FormValidation.ok();
        } catch (DataWorksException e) {
            return FormValidation.error(names.message(e));
        }
    }

    /** What an ID field identifies: a migration for migrationId, a workspace for projectId and targetProjectId. */
    static String idKind(String field) {
        return "migrationId".equals(field) ? Messages.Id_migration() : Messages.Id_project();
    }

    /**
     * The problems of a form's required IDs, one line each, or null when they are all positive numbers.
     * An empty number field would bind as 0 and the snippet generator would write {@code projectId: 0}
     * into a script, so a form is checked before it is bound.
     */
    static String idProblems(FrontEndNames names, JSONObject form, List<String> fields) {
        List<String> problems = new ArrayList<>();
        for (String field : fields) {
            try {
                IdInput.parse(field, form.optString(field, null), idKind(field));
            } catch (DataWorksException e) {
                problems.add(names.message(e));
            }
        }
        return problems.isEmpty() ? null : String.join("\n", problems);
    }

    /**
     * Refuses a step's form with a required ID missing. The snippet generator prints what a
     * RuntimeException from {@code newInstance} prints, in place of the snippet: here the problems alone.
     */
    static void requireIds(JSONObject form, List<String> fields) {
        String problems = idProblems(FrontEndNames.PIPELINE, form, fields);
        if (problems != null) {
            throw new FormProblem(problems);
        }
    }

    /** A form's problems for a person to read: its text only, no stack trace. */
    static final class FormProblem extends IllegalArgumentException {

        private static final long serialVersionUID = 1L;

        FormProblem(String message) {
            super(message);
        }

        @Override
        public synchronized Throwable fillInStackTrace() {
            return this;
        }

        @Override
        public void printStackTrace(PrintWriter s) {
            s.println(getMessage());
        }
    }

    static FormValidation checkRegion(FrontEndNames names, Item item, String region, String endpoint, boolean vpc) {
        if (!mayConfigure(item)) {
            return FormValidation.ok();
        }
        try {
            Connection.endpoint(region, endpoint, vpc, DataWorksGlobalConfiguration.get());
            return FormValidation.ok();
        } catch (DataWorksException e) {
            return FormValidation.error(names.message(e));
        }
    }

    static FormValidation checkEndpoint(FrontEndNames names, Item item, String endpoint, String region) {
        if (!mayConfigure(item) || Util.fixEmptyAndTrim(endpoint) == null) {
            return FormValidation.ok();
        }
        return checkRegion(names, item, region, endpoint, false);
    }

    static FormValidation checkDuration(FrontEndNames names, Item item, Setting setting, String value) {
        if (!mayConfigure(item) || Util.fixEmptyAndTrim(value) == null) {
            return FormValidation.ok();
        }
        try {
            DurationInput.parse(setting.engineName(), value);
            return FormValidation.ok();
        } catch (DataWorksException e) {
            return FormValidation.error(names.message(e));
        }
    }

    static FormValidation checkArtifactName(FrontEndNames names, Item item, String value) {
        if (!mayConfigure(item) || Util.fixEmptyAndTrim(value) == null) {
            return FormValidation.ok();
        }
        try {
            PackageNames.requireSafe(value.trim());
            return FormValidation.ok();
        } catch (DataWorksException e) {
            return FormValidation.error(names.message(e));
        }
    }

    /**
     * One GetMigrationSummary call with the selected credentials. Runs on the request thread
     * (a person clicked and waits for the answer), through the shared rate limiter like every call.
     */
    static FormValidation testConnection(
            FrontEndNames names,
            Item item,
            String projectId,
            String migrationId,
            String credentialsId,
            String region,
            String endpoint,
            boolean vpc) {
        if (item == null) {
            Jenkins.get().checkPermission(Jenkins.ADMINISTER);
        } else {
            item.checkPermission(Item.CONFIGURE);
        }
        try {
            DataWorksGlobalConfiguration config = DataWorksGlobalConfiguration.get();
            GateOptions options = options(projectId, migrationId, credentialsId, region, endpoint, vpc);
            MigrationRef ref = options.ref();
            CredentialsSource credentials = CredentialsResolver.forItem(options.credentialsId(), item);
            try (DataWorksClient client = DataWorksRuntime.get()
                    .openClient(credentials, options.clientSettings(config), config.rateLimitPerSecond())) {
                MigrationSummary summary = client.getMigrationSummary(ref);
                return FormValidation.ok(
                        Messages.TestConnection_ok(summary.name(), summary.rawStatus(), summary.requestId()));
            }
        } catch (DataWorksException e) {
            return FormValidation.error(names.message(e));
        }
    }

    private static GateOptions options(
            String projectId, String migrationId, String credentialsId, String region, String endpoint, boolean vpc) {
        long p = IdInput.parse("projectId", projectId, Messages.Id_project());
        long m = IdInput.parse("migrationId", migrationId, Messages.Id_migration());
        return new GateOptions(
                p, m, credentialsId, region, endpoint, vpc, null, null, null, null, null, null, true, true);
    }
}
