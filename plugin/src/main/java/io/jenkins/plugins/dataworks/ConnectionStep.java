package io.jenkins.plugins.dataworks;

import hudson.Util;
import org.jenkinsci.plugins.workflow.steps.Step;
import org.kohsuke.stapler.DataBoundSetter;

/**
 * The connection options of the steps that create and start migrations: credentials (required),
 * region, endpoint and vpc, with the same names, meaning and help as {@code waitForDataWorksMigration}
 * has ({@link Connection} translates them for all). Unset values are null, so the snippet generator
 * leaves them out.
 */
public abstract class ConnectionStep extends Step {

    private final String credentialsId;
    private String region;
    private String endpoint;
    private boolean vpc;

    protected ConnectionStep(String credentialsId) {
        this.credentialsId = Util.fixEmptyAndTrim(credentialsId);
    }

    public String getCredentialsId() {
        return credentialsId;
    }

    public String getRegion() {
        return region;
    }

    @DataBoundSetter
    public void setRegion(String region) {
        this.region = Util.fixEmptyAndTrim(region);
    }

    public String getEndpoint() {
        return endpoint;
    }

    @DataBoundSetter
    public void setEndpoint(String endpoint) {
        this.endpoint = Util.fixEmptyAndTrim(endpoint);
    }

    public boolean isVpc() {
        return vpc;
    }

    @DataBoundSetter
    public void setVpc(boolean vpc) {
        this.vpc = vpc;
    }

    Connection connection() {
        return new Connection(credentialsId, region, endpoint, vpc);
    }
}
