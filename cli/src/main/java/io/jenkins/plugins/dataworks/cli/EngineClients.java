package io.jenkins.plugins.dataworks.cli;

import io.jenkins.plugins.dataworks.engine.auth.CredentialsSource;
import io.jenkins.plugins.dataworks.engine.client.ClientSettings;
import io.jenkins.plugins.dataworks.engine.client.DataWorksClient;

/** The engine's SDK-backed client. */
final class EngineClients {

    private EngineClients() {}

    static DataWorksClient open(CredentialsSource credentials, ClientSettings settings) {
        throw new UnsupportedOperationException("the engine's DataWorks client is not available yet");
    }
}
