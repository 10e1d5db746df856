package io.jenkins.plugins.dataworks.credentials;

import com.cloudbees.plugins.credentials.CredentialsMatcher;
import com.cloudbees.plugins.credentials.CredentialsMatchers;
import com.cloudbees.plugins.credentials.CredentialsProvider;
import com.cloudbees.plugins.credentials.common.StandardCredentials;
import com.cloudbees.plugins.credentials.common.StandardUsernamePasswordCredentials;
import hudson.PluginWrapper;
import hudson.model.Item;
import hudson.model.Queue;
import hudson.model.Run;
import hudson.model.queue.Tasks;
import hudson.security.ACL;
import io.jenkins.plugins.dataworks.Messages;
import io.jenkins.plugins.dataworks.engine.auth.AccessKeyCredentials;
import io.jenkins.plugins.dataworks.engine.auth.CredentialsSource;
import io.jenkins.plugins.dataworks.engine.error.InvalidInputException;
import java.util.List;
import jenkins.model.Jenkins;
import org.springframework.security.core.Authentication;

/**
 * Finds the Jenkins credentials a wait signs with and turns them into the engine's
 * {@link CredentialsSource} right before use. Nothing here is kept: callers hold the result only
 * in local variables or transient fields, never in anything that is serialized.
 *
 * <p>Accepted: "Username with password" (username = AccessKey ID, password = AccessKey secret)
 * always; the Alibaba Cloud AccessKey and STS types when the alibabacloud-credentials plugin is
 * installed.
 */
public final class CredentialsResolver {

    static final String ALIBABA_PLUGIN = "alibabacloud-credentials";

    private CredentialsResolver() {}

    public static boolean alibabaCloudPluginActive() {
        Jenkins jenkins = Jenkins.getInstanceOrNull();
        if (jenkins == null) {
            return false;
        }
        PluginWrapper plugin = jenkins.getPluginManager().getPlugin(ALIBABA_PLUGIN);
        return plugin != null && plugin.isActive();
    }

    /** Human names of the accepted types, for messages. */
    public static String acceptedTypes() {
        return alibabaCloudPluginActive()
                ? Messages.Credentials_acceptedWithAlibaba()
                : Messages.Credentials_acceptedWithoutAlibaba();
    }

    /**
     * Looks the id up as the build may see it (the run's authentication, parameters included) and
     * records its use on the run.
     *
     * @throws InvalidInputException naming {@code credentialsId}, the id and the accepted types
     */
    public static CredentialsSource forRun(String credentialsId, Run<?, ?> run) {
        StandardCredentials found =
                CredentialsProvider.findCredentialById(credentialsId, StandardCredentials.class, run, List.of());
        if (found == null) {
            throw new InvalidInputException(
                    "credentialsId", Messages.Credentials_notFound(credentialsId, acceptedTypes()));
        }
        CredentialsSource source = toEngine(credentialsId, found);
        CredentialsProvider.track(run, found);
        return source;
    }

    /**
     * Looks the id up in the context of a job being configured ("Test connection", which needs the
     * secret), as the job would see it when it runs.
     */
    public static CredentialsSource forItem(String credentialsId, Item item) {
        StandardCredentials found = CredentialsMatchers.firstOrNull(
                CredentialsProvider.lookupCredentialsInItem(
                        StandardCredentials.class, item, authenticationOf(item), List.of()),
                CredentialsMatchers.withId(credentialsId));
        if (found == null) {
            throw new InvalidInputException(
                    "credentialsId", Messages.Credentials_notFound(credentialsId, acceptedTypes()));
        }
        return toEngine(credentialsId, found);
    }

    /**
     * Form validation of a credentials id: does it name credentials of an accepted type that the
     * job's builds could use? Lists credentials instead of looking them up, as the credentials
     * plugin's consumer guide asks of validations: no secret is read and no external credentials
     * store records a use.
     *
     * @throws InvalidInputException naming {@code credentialsId}, the id and the accepted types
     */
    public static void checkForItem(String credentialsId, Item item) {
        Authentication auth = authenticationOf(item);
        CredentialsMatcher withId = CredentialsMatchers.withId(credentialsId);
        if (alibabaCloudPluginActive()
                && !CredentialsProvider.listCredentialsInItem(
                                AlibabaCloudCredentialsSupport.accessKeyType(), item, auth, List.of(), withId)
                        .isEmpty()) {
            return;
        }
        if (!CredentialsProvider.listCredentialsInItem(
                        StandardUsernamePasswordCredentials.class, item, auth, List.of(), withId)
                .isEmpty()) {
            return;
        }
        if (!CredentialsProvider.listCredentialsInItem(StandardCredentials.class, item, auth, List.of(), withId)
                .isEmpty()) {
            throw new InvalidInputException(
                    "credentialsId", Messages.Credentials_notAccepted(credentialsId, acceptedTypes()));
        }
        throw new InvalidInputException("credentialsId", Messages.Credentials_notFound(credentialsId, acceptedTypes()));
    }

    /** The authentication a job's builds run as; SYSTEM for the global configuration. */
    static Authentication authenticationOf(Item item) {
        return item instanceof Queue.Task task ? Tasks.getAuthenticationOf2(task) : ACL.SYSTEM2;
    }

    private static CredentialsSource toEngine(String credentialsId, StandardCredentials credentials) {
        try {
            if (alibabaCloudPluginActive() && AlibabaCloudCredentialsSupport.accepts(credentials)) {
                return AlibabaCloudCredentialsSupport.toEngine(credentials);
            }
            if (credentials instanceof StandardUsernamePasswordCredentials up) {
                return AccessKeyCredentials.of(
                        up.getUsername(), up.getPassword().getPlainText());
            }
        } catch (InvalidInputException e) {
            // The engine names the empty part by its own field (accessKeyId); the user knows the credentials by their
            // id.
            throw new InvalidInputException(
                    "credentialsId", Messages.Credentials_incomplete(credentialsId, partName(e.field())));
        }
        throw new InvalidInputException(
                "credentialsId",
                Messages.Credentials_wrongType(
                        credentialsId, credentials.getDescriptor().getDisplayName(), acceptedTypes()));
    }

    private static String partName(String engineField) {
        return switch (engineField) {
            case "accessKeyId" -> Messages.Credentials_part_accessKeyId();
            case "accessKeySecret" -> Messages.Credentials_part_accessKeySecret();
            case "securityToken" -> Messages.Credentials_part_securityToken();
            default -> engineField;
        };
    }
}
