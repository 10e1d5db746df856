package io.jenkins.plugins.dataworks.engine.client;

/** Region table and endpoint validation; see {@link Endpoint}. */
final class Endpoints {

    private Endpoints() {}

    static Endpoint publicEndpoint(String regionId) {
        throw new UnsupportedOperationException("not implemented yet");
    }

    static Endpoint vpcEndpoint(String regionId) {
        throw new UnsupportedOperationException("not implemented yet");
    }

    static Endpoint explicit(String regionId, String url) {
        throw new UnsupportedOperationException("not implemented yet");
    }
}
