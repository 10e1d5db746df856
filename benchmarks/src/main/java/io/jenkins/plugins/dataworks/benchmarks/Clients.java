package io.jenkins.plugins.dataworks.benchmarks;

import io.jenkins.plugins.dataworks.engine.auth.AccessKeyCredentials;
import io.jenkins.plugins.dataworks.engine.client.AliyunDataWorksClient;
import io.jenkins.plugins.dataworks.engine.client.ClientSettings;
import io.jenkins.plugins.dataworks.engine.client.DataWorksClient;
import io.jenkins.plugins.dataworks.engine.client.Endpoint;

/** The engine's real client (aliyun-java-sdk-core, real HTTP) pointed at an emulator process. */
final class Clients {

    static final String REGION = "cn-shanghai";

    private Clients() {}

    static DataWorksClient create(String endpoint) {
        return AliyunDataWorksClient.create(ClientSettings.of(Endpoint.override(REGION, endpoint)),
                AccessKeyCredentials.of(EmulatorHost.ACCESS_KEY_ID, EmulatorHost.ACCESS_KEY_SECRET));
    }
}
