package io.jenkins.plugins.dataworks.cli;

import io.jenkins.plugins.dataworks.engine.auth.CredentialsSource;
import io.jenkins.plugins.dataworks.engine.client.ClientSettings;
import io.jenkins.plugins.dataworks.engine.client.DataWorksClient;

/** Opens the engine's DataWorks client; a seam so tests could count or fault calls. */
@FunctionalInterface
interface ClientFactory {

    DataWorksClient open(CredentialsSource credentials, ClientSettings settings);
}
