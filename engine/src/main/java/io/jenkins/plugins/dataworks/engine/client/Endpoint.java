package io.jenkins.plugins.dataworks.engine.client;

import java.net.URI;

/**
 * Where the DataWorks OpenAPI is reached. Build one with {@link #region(String)},
 * {@link #vpc(String)} or {@link #override(String, String)}; all validate their input and throw
 * {@link io.jenkins.plugins.dataworks.engine.error.InvalidInputException} naming the field.
 *
 * @param regionId the region the calls are signed for (RegionId parameter), e.g. cn-shanghai
 * @param uri scheme://host[:port] that requests go to; https unless the host is loopback
 */
public record Endpoint(String regionId, URI uri) {

    static final String OPEN_PLATFORM_HOST = "openplatform.aliyuncs.com";

    public Endpoint {
        Endpoints.check(regionId, uri);
    }

    /** The public endpoint of a known DataWorks region, over HTTPS. */
    public static Endpoint region(String regionId) {
        return Endpoints.publicEndpoint(regionId);
    }

    /** The VPC endpoint of a known DataWorks region, over HTTPS. */
    public static Endpoint vpc(String regionId) {
        return Endpoints.vpcEndpoint(regionId);
    }

    /**
     * An explicit endpoint such as {@code https://dataworks.example.internal} or, for the emulator,
     * {@code http://127.0.0.1:8080}. Plain http is refused unless the host is loopback. The region
     * need not be in the table (private deployments), but must look like a region ID.
     */
    public static Endpoint override(String regionId, String url) {
        return Endpoints.explicit(regionId, url);
    }

    /** host[:port], as the SDK's {@code setSysDomain} wants it. */
    public String domain() {
        return EndpointUrls.domainOf(uri);
    }

    /**
     * Where OpenPlatform (AuthorizeFileUpload, for package uploads) is reached: its single public
     * endpoint when this is one of Alibaba Cloud's own hosts, otherwise this same server (a private
     * deployment or the emulator, which serve every product at one address).
     */
    public Endpoint openPlatform() {
        String host = uri.getHost();
        if (host != null && host.endsWith(".aliyuncs.com")) {
            return new Endpoint(regionId, URI.create("https://" + OPEN_PLATFORM_HOST));
        }
        return this;
    }

    /** Whether the calls go over TLS. */
    public boolean https() {
        return "https".equals(uri.getScheme());
    }

    @Override
    public String toString() {
        return uri + " (" + regionId + ")";
    }
}
