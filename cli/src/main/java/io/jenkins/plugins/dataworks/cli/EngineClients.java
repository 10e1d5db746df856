package io.jenkins.plugins.dataworks.cli;

import io.jenkins.plugins.dataworks.engine.auth.CredentialsSource;
import io.jenkins.plugins.dataworks.engine.client.AliyunDataWorksClient;
import io.jenkins.plugins.dataworks.engine.client.ClientSettings;
import io.jenkins.plugins.dataworks.engine.client.DataWorksClient;

/** The engine's SDK-backed client, the one every command uses outside tests of the seam. */
final class EngineClients {

    private EngineClients() {}

    static DataWorksClient open(CredentialsSource credentials, ClientSettings settings) {
        return AliyunDataWorksClient.create(settings, credentials);
    }
}
