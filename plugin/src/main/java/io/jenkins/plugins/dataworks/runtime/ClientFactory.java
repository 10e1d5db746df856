package io.jenkins.plugins.dataworks.runtime;

import io.jenkins.plugins.dataworks.engine.auth.CredentialsSource;
import io.jenkins.plugins.dataworks.engine.client.ClientSettings;
import io.jenkins.plugins.dataworks.engine.client.DataWorksClient;

/** Opens the engine's DataWorks client; a seam so that tests can count or fault calls. */
@FunctionalInterface
public interface ClientFactory {

    DataWorksClient open(CredentialsSource credentials, ClientSettings settings);
}
