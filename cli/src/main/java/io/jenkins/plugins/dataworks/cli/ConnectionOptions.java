package io.jenkins.plugins.dataworks.cli;

import picocli.CommandLine.Option;

/** Where the service is and who calls it. Deliberately no option takes a secret. */
final class ConnectionOptions {

    static final String ENV_REGION = "ALIBABA_CLOUD_REGION_ID";
    /** The endpoint when --endpoint and --vpc are not given, e.g. set on a Jenkins agent for every build. */
    static final String ENV_ENDPOINT = "DATAWORKS_ENDPOINT";

    @Option(names = "--region", paramLabel = "REGION",
            description = "DataWorks region, e.g. cn-shanghai. Default: ALIBABA_CLOUD_REGION_ID, then the --profile's region.")
    String region;

    @Option(names = "--endpoint", paramLabel = "URL",
            description = "Explicit endpoint https://host[:port] (plain http only for loopback hosts); calls are still signed for --region."
                    + " Default: DATAWORKS_ENDPOINT (unless --vpc), then the region's endpoint.")
    String endpoint;

    @Option(names = "--vpc", description = "Use the region's VPC endpoint (dataworks-vpc.<region>.aliyuncs.com).")
    boolean vpc;

    @Option(names = "--profile", paramLabel = "NAME",
            description = "Use this profile of the Alibaba Cloud CLI file ~/.aliyun/config.json (modes AK, StsToken, RamRoleArn).")
    String profile;

    @Option(names = "--role-arn", paramLabel = "ARN",
            description = "Assume this RAM role with STS, e.g. acs:ram::123456789012:role/dataworks-release. Default: ALIBABA_CLOUD_ROLE_ARN.")
    String roleArn;

    @Option(names = "--role-session-name", paramLabel = "NAME",
            description = "RoleSessionName shown in the audit trail. Default: ALIBABA_CLOUD_ROLE_SESSION_NAME, then dataworks-migration-cli.")
    String roleSessionName;

    @Option(names = "--sts-endpoint", paramLabel = "URL",
            description = "Where AssumeRole goes, https://host[:port]. Default: the public STS endpoint.")
    String stsEndpoint;

    @Option(names = "--proxy", paramLabel = "HOST:PORT",
            description = "HTTP proxy for every call and the download (https through CONNECT), e.g. proxy.example.com:3128."
                    + " Default: HTTPS_PROXY, then https_proxy (http://HOST:PORT); loopback is then reached directly.")
    String proxy;

    @Option(names = "--non-proxy-hosts", paramLabel = "LIST",
            description = "Hosts reached without the proxy, comma-separated as in NO_PROXY: example.com (and its subdomains),"
                    + " .example.com, *.example.com, 10.0.0.0/8, * (all). Default: NO_PROXY, then no_proxy.")
    String nonProxyHosts;

    @Option(names = "--emulator",
            description = "Demo mode: start the built-in DataWorks emulator with its demo migration and use it; needs no credentials.")
    boolean emulator;
}
