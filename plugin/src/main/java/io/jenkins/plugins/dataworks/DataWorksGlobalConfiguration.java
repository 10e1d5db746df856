package io.jenkins.plugins.dataworks;

import hudson.Extension;
import hudson.ExtensionList;
import hudson.Util;
import hudson.util.FormValidation;
import io.jenkins.plugins.dataworks.engine.client.Endpoint;
import io.jenkins.plugins.dataworks.engine.client.EndpointUrls;
import io.jenkins.plugins.dataworks.engine.error.InvalidInputException;
import io.jenkins.plugins.dataworks.engine.input.DurationInput;
import io.jenkins.plugins.dataworks.engine.ratelimit.RateLimiterRegistry;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import jenkins.model.GlobalConfiguration;
import jenkins.model.Jenkins;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/**
 * Settings every wait of this Jenkins shares, made by administrators: the default region and
 * endpoint, which endpoint overrides jobs may use, default poll intervals and the call rate per
 * AccessKey.
 * Plain getters and setters, so configuration-as-code reads and writes it as
 * {@code unclassified: dataWorksMigration: ...}.
 */
@Extension
@Symbol("dataWorksMigration")
public class DataWorksGlobalConfiguration extends GlobalConfiguration {

    /** Below the Basic edition's 5 QPS, leaving room for people and other tools on the same account. */
    public static final double DEFAULT_RATE_LIMIT = 2.0;

    private String defaultRegion;
    private String defaultEndpoint;
    private String allowedEndpoints;
    private String allowedDownloadHosts;
    private String defaultPollInterval;
    private String defaultMaxPollInterval;
    private double rateLimit = DEFAULT_RATE_LIMIT;

    public DataWorksGlobalConfiguration() {
        load();
    }

    public static DataWorksGlobalConfiguration get() {
        return ExtensionList.lookupSingleton(DataWorksGlobalConfiguration.class);
    }

    public String getDefaultRegion() {
        return defaultRegion;
    }

    @DataBoundSetter
    public void setDefaultRegion(String defaultRegion) {
        this.defaultRegion = Util.fixEmptyAndTrim(defaultRegion);
        save();
    }

    /**
     * The endpoint of steps that give neither {@code endpoint} nor {@code vpc}: a private gateway,
     * or the local emulator of a demo or a test. Null for the region's public endpoint.
     */
    public String getDefaultEndpoint() {
        return defaultEndpoint;
    }

    /**
     * Refuses what no call could use, so that JCasC and the form fail where the value is set, not
     * in every build afterwards; an administrator's choice needs no entry in allowedEndpoints.
     */
    @DataBoundSetter
    public void setDefaultEndpoint(String defaultEndpoint) {
        String value = Util.fixEmptyAndTrim(defaultEndpoint);
        if (value != null) {
            value = EndpointUrls.parse(globalField(Messages.Global_defaultEndpoint()), value)
                    .toString();
        }
        this.defaultEndpoint = value;
        save();
    }

    /** Endpoint URLs a job may give as {@code endpoint}, one per line; empty means none. */
    public String getAllowedEndpoints() {
        return allowedEndpoints;
    }

    @DataBoundSetter
    public void setAllowedEndpoints(String allowedEndpoints) {
        this.allowedEndpoints = Util.fixEmptyAndTrim(allowedEndpoints);
        save();
    }

    /**
     * Hosts besides Alibaba Cloud OSS that may serve export packages, one per line, e.g. an OSS
     * accelerator or a proxy; a loopback host listed here may use plain http (the emulator).
     */
    public String getAllowedDownloadHosts() {
        return allowedDownloadHosts;
    }

    @DataBoundSetter
    public void setAllowedDownloadHosts(String allowedDownloadHosts) {
        this.allowedDownloadHosts = Util.fixEmptyAndTrim(allowedDownloadHosts);
        save();
    }

    public String getDefaultPollInterval() {
        return defaultPollInterval;
    }

    @DataBoundSetter
    public void setDefaultPollInterval(String defaultPollInterval) {
        this.defaultPollInterval = Util.fixEmptyAndTrim(defaultPollInterval);
        save();
    }

    public String getDefaultMaxPollInterval() {
        return defaultMaxPollInterval;
    }

    @DataBoundSetter
    public void setDefaultMaxPollInterval(String defaultMaxPollInterval) {
        this.defaultMaxPollInterval = Util.fixEmptyAndTrim(defaultMaxPollInterval);
        save();
    }

    /** GetMigrationSummary calls per second per AccessKey ID, shared by all waits of this controller. */
    public double getRateLimit() {
        return rateLimit;
    }

    @DataBoundSetter
    public void setRateLimit(double rateLimit) {
        new RateLimiterRegistry(rateLimit, Clock.systemUTC()); // the engine says which rates are acceptable
        this.rateLimit = rateLimit;
        save();
    }

    /**
     * Returns the override endpoint if an administrator allowed it; a job must not send signed
     * calls (and its AccessKey) to a host nobody vetted.
     */
    public Endpoint requireAllowedEndpoint(String regionId, String url) {
        Endpoint endpoint = Endpoint.override(regionId, url);
        for (String line : lines(allowedEndpoints)) {
            if (EndpointUrls.parse("allowedEndpoints", line).equals(endpoint.uri())) {
                return endpoint;
            }
        }
        throw new InvalidInputException("endpoint", Messages.Endpoint_notAllowed(endpoint.uri()));
    }

    /**
     * Where steps without an endpoint of their own go: the default endpoint when there is one and the
     * step did not ask for the VPC endpoint, else the region's public or VPC endpoint.
     */
    Endpoint defaultEndpoint(String regionId, boolean vpc) {
        if (vpc) {
            return Endpoint.vpc(regionId);
        }
        return defaultEndpoint != null ? Endpoint.override(regionId, defaultEndpoint) : Endpoint.region(regionId);
    }

    /** A global setting as messages name it: its label and the page it is on. */
    static String globalField(String label) {
        return "'" + label + "' (" + Messages.Global_page() + ")";
    }

    public Set<String> allowedDownloadHostSet() {
        Set<String> hosts = new LinkedHashSet<>();
        for (String line : lines(allowedDownloadHosts)) {
            hosts.add(line.toLowerCase(Locale.ROOT));
        }
        return hosts;
    }

    static List<String> lines(String text) {
        List<String> out = new ArrayList<>();
        if (text != null) {
            for (String line : text.split("\\R")) {
                String t = line.trim();
                if (!t.isEmpty() && !t.startsWith("#")) {
                    out.add(t);
                }
            }
        }
        return out;
    }

    @POST
    public FormValidation doCheckDefaultPollInterval(@QueryParameter String value) {
        return checkOptionalDuration("defaultPollInterval", value);
    }

    @POST
    public FormValidation doCheckDefaultMaxPollInterval(@QueryParameter String value) {
        return checkOptionalDuration("defaultMaxPollInterval", value);
    }

    @POST
    public FormValidation doCheckRateLimit(@QueryParameter String value) {
        Jenkins.get().checkPermission(Jenkins.ADMINISTER);
        try {
            new RateLimiterRegistry(Double.parseDouble(value.trim()), Clock.systemUTC());
            return FormValidation.ok();
        } catch (NumberFormatException e) {
            return FormValidation.error(Messages.RateLimit_notANumber(value));
        } catch (InvalidInputException e) {
            return FormValidation.error(e.getMessage());
        }
    }

    @POST
    public FormValidation doCheckDefaultEndpoint(@QueryParameter String value) {
        Jenkins.get().checkPermission(Jenkins.ADMINISTER);
        if (Util.fixEmptyAndTrim(value) == null) {
            return FormValidation.ok();
        }
        try {
            EndpointUrls.parse(globalField(Messages.Global_defaultEndpoint()), value);
            return FormValidation.ok();
        } catch (InvalidInputException e) {
            return FormValidation.error(e.getMessage());
        }
    }

    @POST
    public FormValidation doCheckAllowedEndpoints(@QueryParameter String value) {
        Jenkins.get().checkPermission(Jenkins.ADMINISTER);
        try {
            for (String line : lines(value)) {
                EndpointUrls.parse("allowedEndpoints", line);
            }
            return FormValidation.ok();
        } catch (InvalidInputException e) {
            return FormValidation.error(e.getMessage());
        }
    }

    private static FormValidation checkOptionalDuration(String field, String value) {
        Jenkins.get().checkPermission(Jenkins.ADMINISTER);
        if (Util.fixEmptyAndTrim(value) == null) {
            return FormValidation.ok();
        }
        try {
            DurationInput.parse(field, value);
            return FormValidation.ok();
        } catch (InvalidInputException e) {
            return FormValidation.error(e.getMessage());
        }
    }
}
