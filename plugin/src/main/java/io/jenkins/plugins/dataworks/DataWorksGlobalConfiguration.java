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
import io.jenkins.plugins.dataworks.engine.text.UserText;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import jenkins.model.GlobalConfiguration;
import jenkins.model.Jenkins;
import net.sf.json.JSONObject;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.StaplerRequest2;
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
        this.defaultEndpoint = checkedEndpoint(defaultEndpoint);
        save();
    }

    /** The default endpoint as stored (normalised, null for none); refused unless a call could use it. */
    static String checkedEndpoint(String value) {
        String v = Util.fixEmptyAndTrim(value);
        return v == null
                ? null
                : EndpointUrls.parse(label("defaultEndpoint"), v).toString();
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
        this.defaultPollInterval = checkedDuration("defaultPollInterval", defaultPollInterval);
        save();
    }

    public String getDefaultMaxPollInterval() {
        return defaultMaxPollInterval;
    }

    @DataBoundSetter
    public void setDefaultMaxPollInterval(String defaultMaxPollInterval) {
        this.defaultMaxPollInterval = checkedDuration("defaultMaxPollInterval", defaultMaxPollInterval);
        save();
    }

    /** GetMigrationSummary calls per second per AccessKey ID, shared by all waits of this controller. */
    public double rateLimitPerSecond() {
        return rateLimit;
    }

    /**
     * The rate as configuration-as-code exports it: a whole rate as an integer ({@code rateLimit: 2}),
     * any other as a double. JCasC writes every double as a quoted string ({@code "2.0"}), so a
     * {@code double} getter would export the documented {@code rateLimit: 2} as {@code "2.0"}; JCasC
     * reads the value through the setter's type, so both forms read back alike.
     */
    public Number getRateLimit() {
        double rate = rateLimit;
        return rate == Math.rint(rate) && Math.abs(rate) <= Integer.MAX_VALUE ? (Number) (int) rate : (Number) rate;
    }

    /** The rate as people write it, for the form: {@code 2}, not {@code 2.0}; {@code 2.5}. */
    public String getRateLimitText() {
        return BigDecimal.valueOf(rateLimit).stripTrailingZeros().toPlainString();
    }

    @DataBoundSetter
    public void setRateLimit(double rateLimit) {
        checkedRate(rateLimit);
        this.rateLimit = rateLimit;
        save();
    }

    /**
     * How messages name a setting of this page: its label and where it is, e.g. 'Default poll
     * interval' (Manage Jenkins » System » DataWorks Migration), so that a wait failing for a global
     * value does not name a step option its Jenkinsfile does not contain.
     */
    static String label(String field) {
        String label =
                switch (field) {
                    case "defaultRegion" -> Messages.Global_defaultRegion();
                    case "defaultEndpoint" -> Messages.Global_defaultEndpoint();
                    case "defaultPollInterval" -> Messages.Global_defaultPollInterval();
                    case "defaultMaxPollInterval" -> Messages.Global_defaultMaxPollInterval();
                    case "rateLimit" -> Messages.Global_rateLimit();
                    case "allowedEndpoints" -> Messages.Global_allowedEndpoints();
                    case "allowedDownloadHosts" -> Messages.Global_allowedDownloadHosts();
                    default -> throw new IllegalArgumentException(field);
                };
        return globalField(label);
    }

    /** A global duration as stored: trimmed, null for none; refused unless the engine reads it as a duration. */
    static String checkedDuration(String field, String value) {
        String v = Util.fixEmptyAndTrim(value);
        if (v != null) {
            DurationInput.parse(label(field), v);
        }
        return v;
    }

    /** The engine says which rates are acceptable; its error names the setting by its label (FrontEndNames.GLOBAL). */
    private static void checkedRate(double rate) {
        try {
            new RateLimiterRegistry(rate, Clock.systemUTC());
        } catch (InvalidInputException e) {
            throw new InvalidInputException(label("rateLimit"), UserText.of(problem(e)));
        }
    }

    /** The engine's message without the field it names first. */
    private static String problem(InvalidInputException e) {
        String message = e.getMessage();
        return message.startsWith(e.field() + " ") ? message.substring(e.field().length() + 1) : message;
    }

    /**
     * Checks every value before any is set, so that a refused form leaves the configuration as it
     * was, and shows the problem as the page's error, naming the field.
     */
    @Override
    public boolean configure(StaplerRequest2 req, JSONObject json) throws FormException {
        for (String field : List.of("defaultEndpoint", "defaultPollInterval", "defaultMaxPollInterval")) {
            try {
                String value = json.optString(field, null);
                if (field.equals("defaultEndpoint")) {
                    checkedEndpoint(value);
                } else {
                    checkedDuration(field, value);
                }
            } catch (InvalidInputException e) {
                throw new FormException(e.getMessage(), field);
            }
        }
        String rate = json.optString("rateLimit", null);
        if (rate != null) {
            try {
                checkedRate(Double.parseDouble(rate.trim()));
            } catch (NumberFormatException e) {
                throw new FormException(label("rateLimit") + " " + Messages.RateLimit_notANumber(rate), "rateLimit");
            } catch (InvalidInputException e) {
                throw new FormException(e.getMessage(), "rateLimit");
            }
        }
        return super.configure(req, json);
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

    /** A setting of this page as messages name it: its label and the page. */
    static String globalField(String label) {
        return fieldOnPage(label, Messages.Global_page());
    }

    /** A controller-wide setting as messages name it: its label and the page it is on. */
    static String fieldOnPage(String label, String page) {
        return "'" + label + "' (" + page + ")";
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
            checkedRate(Double.parseDouble(value.trim()));
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
        try {
            checkedEndpoint(value);
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
        try {
            checkedDuration(field, value);
            return FormValidation.ok();
        } catch (InvalidInputException e) {
            return FormValidation.error(e.getMessage());
        }
    }
}
