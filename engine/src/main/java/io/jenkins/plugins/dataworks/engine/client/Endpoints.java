package io.jenkins.plugins.dataworks.engine.client;

import io.jenkins.plugins.dataworks.engine.text.Setting;
import io.jenkins.plugins.dataworks.engine.text.UserText;
import io.jenkins.plugins.dataworks.engine.error.InvalidInputException;
import java.net.URI;
import java.util.Collections;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Pattern;

/** Region table and endpoint validation; see {@link Endpoint}. */
final class Endpoints {

    /** Where the SDK's own table sends a region's public calls to the central endpoint. */
    private static final String CENTRAL = "dataworks.aliyuncs.com";

    private static final Pattern REGION_ID = Pattern.compile("[a-z][a-z0-9]*(-[a-z0-9]+)+");

    /**
     * Public endpoint host per region, after the endpoint table of the DataWorks OpenAPI SDK
     * (dataworks-public); cn-wulanchabu follows the regional pattern.
     */
    private static final Map<String, String> PUBLIC_HOSTS = publicHosts();

    private Endpoints() {}

    static Endpoint publicEndpoint(String regionId) {
        String region = knownRegion(regionId);
        return new Endpoint(region, URI.create("https://" + PUBLIC_HOSTS.get(region)));
    }

    static Endpoint vpcEndpoint(String regionId) {
        String region = knownRegion(regionId);
        return new Endpoint(region, URI.create("https://dataworks-vpc." + region + ".aliyuncs.com"));
    }

    static Endpoint explicit(String regionId, String url) {
        return new Endpoint(checkedRegionId(regionId), EndpointUrls.parse("endpoint", url));
    }

    /** Validation behind the Endpoint record, so a hand-built Endpoint obeys the same rules. */
    static void check(String regionId, URI uri) {
        checkedRegionId(regionId);
        if (uri == null) {
            throw new InvalidInputException("endpoint", "is missing: give a URL such as https://host[:port]");
        }
        URI normal = EndpointUrls.parse("endpoint", uri.toString());
        if (!normal.equals(uri)) {
            throw new InvalidInputException("endpoint", "must be written as " + normal);
        }
    }

    private static String knownRegion(String regionId) {
        if (regionId == null || regionId.isBlank()) {
            throw new InvalidInputException("region", UserText.of("is missing: use one of " + knownRegions(),
                    UserText.hint(Setting.ENDPOINT, " or set ", Setting.ENDPOINT)));
        }
        String region = regionId.trim();
        if (!PUBLIC_HOSTS.containsKey(region)) {
            throw new InvalidInputException("region", UserText.of(
                    quoted(region) + " is not a DataWorks region: use one of " + knownRegions(),
                    UserText.hint(Setting.ENDPOINT, " or set ", Setting.ENDPOINT)));
        }
        return region;
    }

    private static String checkedRegionId(String regionId) {
        if (regionId == null || regionId.isBlank()) {
            throw new InvalidInputException("region", "is missing: give the region the calls are signed for, e.g. cn-shanghai");
        }
        if (!REGION_ID.matcher(regionId).matches()) {
            throw new InvalidInputException("region",
                    quoted(regionId) + " is not a region ID: use lower-case letters, digits and '-', e.g. cn-shanghai");
        }
        return regionId;
    }

    static String knownRegions() {
        return String.join(", ", PUBLIC_HOSTS.keySet());
    }

    /** Keeps a hostile value on one line and short. */
    private static String quoted(String value) {
        String oneLine = value.replaceAll("\\s+", " ");
        return "'" + (oneLine.length() > 64 ? oneLine.substring(0, 64) + "..." : oneLine) + "'";
    }

    private static Map<String, String> publicHosts() {
        SortedMap<String, String> hosts = new TreeMap<>(Endpoints::mainlandFirst);
        for (String region : new String[] {
                "cn-hangzhou", "cn-shanghai", "cn-beijing", "cn-shenzhen", "cn-chengdu", "cn-wulanchabu",
                "cn-hongkong", "ap-southeast-1", "ap-southeast-2", "ap-southeast-3", "ap-southeast-5",
                "ap-northeast-1", "ap-south-1", "eu-central-1", "eu-west-1", "us-east-1", "us-west-1", "me-east-1"}) {
            hosts.put(region, "dataworks." + region + ".aliyuncs.com");
        }
        for (String region : new String[] {
                "cn-qingdao", "cn-zhangjiakou", "cn-huhehaote", "cn-hangzhou-finance", "cn-shanghai-finance-1",
                "cn-shenzhen-finance-1", "cn-north-2-gov-1"}) {
            hosts.put(region, CENTRAL);
        }
        return Collections.unmodifiableSortedMap(hosts);
    }

    /** The error message lists mainland China regions first, as most users look for them. */
    private static int mainlandFirst(String a, String b) {
        boolean ca = a.startsWith("cn-");
        boolean cb = b.startsWith("cn-");
        return ca == cb ? a.compareTo(b) : (ca ? -1 : 1);
    }
}
