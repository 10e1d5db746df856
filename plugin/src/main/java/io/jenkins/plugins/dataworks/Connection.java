package io.jenkins.plugins.dataworks;

import hudson.Util;
import io.jenkins.plugins.dataworks.engine.client.ClientSettings;
import io.jenkins.plugins.dataworks.engine.client.Endpoint;
import io.jenkins.plugins.dataworks.engine.error.InvalidInputException;
import io.jenkins.plugins.dataworks.runtime.ControllerProxy;
import java.io.Serializable;

/**
 * Where and as whom every step of the plugin calls DataWorks: the credentials id, the region, an
 * endpoint override and the VPC switch, exactly as the user wrote them. The wait ({@link GateOptions})
 * and the steps that create and start migrations share this translation, so the same option means
 * the same thing everywhere; the calls' rate limit is the global configuration's, per AccessKey.
 * Serializable and free of secrets: it is persisted with the Pipeline program, and the secret is
 * looked up again by id right before each use.
 */
public final class Connection implements Serializable {

    private static final long serialVersionUID = 1L;

    private final String credentialsId;
    private final String region;
    private final String endpoint;
    private final boolean vpc;

    public Connection(String credentialsId, String region, String endpoint, boolean vpc) {
        this.credentialsId = Util.fixEmptyAndTrim(credentialsId);
        this.region = Util.fixEmptyAndTrim(region);
        this.endpoint = Util.fixEmptyAndTrim(endpoint);
        this.vpc = vpc;
    }

    /** Checks the options without any I/O, so bad input fails at once with a message naming the option. */
    public void validate(DataWorksGlobalConfiguration config) {
        credentialsId();
        endpoint(config);
    }

    public String credentialsId() {
        if (credentialsId == null) {
            throw new InvalidInputException("credentialsId", Messages.Credentials_missingId());
        }
        return credentialsId;
    }

    /** The region as written; null for the global default. */
    String region() {
        return region;
    }

    /** The endpoint override as written; null for none. */
    String endpointOverride() {
        return endpoint;
    }

    boolean vpc() {
        return vpc;
    }

    /**
     * Region from the step or the global default; endpoint override only if an administrator allowed
     * it, else the global default endpoint, else the region's.
     */
    public Endpoint endpoint(DataWorksGlobalConfiguration config) {
        return endpoint(region, endpoint, vpc, config);
    }

    static Endpoint endpoint(String region, String endpoint, boolean vpc, DataWorksGlobalConfiguration config) {
        String regionId = Util.fixEmptyAndTrim(region);
        if (regionId == null) {
            regionId = config.getDefaultRegion();
        }
        if (regionId == null) {
            throw new InvalidInputException("region", Messages.Region_missing());
        }
        String override = Util.fixEmptyAndTrim(endpoint);
        if (override != null) {
            if (vpc) {
                throw new InvalidInputException("vpc", Messages.Endpoint_vpcConflict());
            }
            return config.requireAllowedEndpoint(regionId, override);
        }
        return config.defaultEndpoint(regionId, vpc);
    }

    /** The endpoint, through Jenkins' HTTP proxy when one is configured. */
    public ClientSettings clientSettings(DataWorksGlobalConfiguration config) {
        return ClientSettings.of(endpoint(config)).withProxy(ControllerProxy.current());
    }

    @Override
    public String toString() {
        return "Connection[credentialsId=" + credentialsId + ", region=" + region + ", endpoint=" + endpoint + ", vpc="
                + vpc + "]";
    }
}
