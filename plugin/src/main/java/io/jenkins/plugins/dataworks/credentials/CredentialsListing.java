package io.jenkins.plugins.dataworks.credentials;

import com.cloudbees.plugins.credentials.CredentialsMatchers;
import com.cloudbees.plugins.credentials.common.StandardListBoxModel;
import com.cloudbees.plugins.credentials.common.StandardUsernamePasswordCredentials;
import hudson.model.Item;
import java.util.List;
import org.springframework.security.core.Authentication;

/** Fills the credentials drop-down with the accepted types, as the job's builds would see them. */
public final class CredentialsListing {

    private CredentialsListing() {}

    /** Call only after the permission checks of the consumer guide. */
    public static void includeAccepted(StandardListBoxModel model, Item item) {
        Authentication auth = CredentialsResolver.authenticationOf(item);
        if (CredentialsResolver.alibabaCloudPluginActive()) {
            model.includeMatchingAs(
                    auth,
                    item,
                    AlibabaCloudCredentialsSupport.accessKeyType(),
                    List.of(),
                    CredentialsMatchers.always());
        }
        model.includeMatchingAs(
                auth, item, StandardUsernamePasswordCredentials.class, List.of(), CredentialsMatchers.always());
    }
}
