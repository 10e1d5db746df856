package io.jenkins.plugins.dataworks.cli;

import io.jenkins.plugins.dataworks.engine.auth.AccessKeyCredentials;
import io.jenkins.plugins.dataworks.engine.auth.CredentialsSource;
import io.jenkins.plugins.dataworks.engine.client.ClientSettings;
import io.jenkins.plugins.dataworks.engine.client.DataWorksClient;
import io.jenkins.plugins.dataworks.engine.client.Endpoint;
import io.jenkins.plugins.dataworks.engine.client.EndpointUrls;
import io.jenkins.plugins.dataworks.engine.download.DownloadSettings;
import io.jenkins.plugins.dataworks.engine.error.InvalidInputException;
import io.jenkins.plugins.dataworks.engine.migrate.MigrationLauncher;
import io.jenkins.plugins.dataworks.engine.upload.UploadSettings;
import java.util.Locale;
import java.util.Set;

/**
 * The resolved connection of one command: endpoint, credentials and client, or the demo emulator
 * standing in for all three. Everything that can be wrong with the options is checked in
 * {@link #open} before the client exists, so a usage error never costs an API call.
 */
final class Connection implements AutoCloseable {

    private final Endpoint endpoint;
    private final DataWorksClient client;
    private final DemoEmulator emulator;
    private final ProxyChoice proxy;

    private Connection(Endpoint endpoint, DataWorksClient client, DemoEmulator emulator, ProxyChoice proxy) {
        this.endpoint = endpoint;
        this.client = client;
        this.emulator = emulator;
        this.proxy = proxy;
    }

    /** Checks the options and resolves the credentials; starts nothing and calls nothing. */
    static Plan plan(ConnectionOptions options, CliContext ctx) {
        if (options.emulator) {
            for (String[] conflict : new String[][] {
                    {"--endpoint", options.endpoint}, {"--region", options.region}, {"--profile", options.profile},
                    {"--role-arn", options.roleArn}, {"--sts-endpoint", options.stsEndpoint}}) {
                if (conflict[1] != null) {
                    throw new UsageException("--emulator cannot be combined with " + conflict[0]
                            + ": the emulator brings its own endpoint and demo credentials; drop one of them");
                }
            }
            if (options.vpc) {
                throw new UsageException("--emulator cannot be combined with --vpc: drop one of them");
            }
            return new Plan(null, null, true, proxy(options, ctx));
        }
        CredentialsResolver credentials = new CredentialsResolver(ctx.env(), ctx.userHome());
        Endpoint endpoint = endpoint(options, ctx, credentials);
        CredentialsSource source = credentials.resolve(options.profile, options.roleArn, options.roleSessionName,
                options.stsEndpoint);
        return new Plan(endpoint, source, false, proxy(options, ctx));
    }

    private static ProxyChoice proxy(ConnectionOptions options, CliContext ctx) {
        return ProxyChoice.resolve(options.proxy, options.nonProxyHosts, ctx.env());
    }

    private static Endpoint endpoint(ConnectionOptions options, CliContext ctx, CredentialsResolver credentials) {
        String region = options.region != null ? options.region : ctx.env().get(ConnectionOptions.ENV_REGION);
        if (region == null || region.isBlank()) {
            region = credentials.profileRegion(options.profile);
        }
        if (options.endpoint != null) {
            if (options.vpc) {
                throw new UsageException("--vpc cannot be combined with --endpoint: --endpoint already says where to go; drop one of them");
            }
            if (region == null || region.isBlank()) {
                throw new UsageException("--region is missing: --endpoint needs the region the calls are signed for, e.g. --region cn-shanghai");
            }
            return Endpoint.override(region.trim(), options.endpoint);
        }
        String fromEnv = ctx.env().get(ConnectionOptions.ENV_ENDPOINT);
        if (!options.vpc && fromEnv != null && !fromEnv.isBlank()) {
            if (region == null || region.isBlank()) {
                throw new UsageException("--region is missing: " + ConnectionOptions.ENV_ENDPOINT
                        + " needs the region the calls are signed for, e.g. --region cn-shanghai");
            }
            try {
                return Endpoint.override(region.trim(), fromEnv.trim());
            } catch (InvalidInputException e) {
                throw new UsageException(ConnectionOptions.ENV_ENDPOINT + " is not a usable endpoint (" + e.getMessage()
                        + "): correct or unset it");
            }
        }
        if (region == null || region.isBlank()) {
            throw new UsageException("--region is missing: give the DataWorks region, e.g. --region cn-shanghai (or set ALIBABA_CLOUD_REGION_ID)");
        }
        return options.vpc ? Endpoint.vpc(region.trim()) : Endpoint.region(region.trim());
    }

    /**
     * What {@link #plan} decided: a real endpoint and credentials, or the emulator; and the proxy,
     * which the DataWorks and STS calls and the download all use.
     */
    record Plan(Endpoint endpoint, CredentialsSource credentials, boolean emulator, ProxyChoice proxy) {

        Connection open(ClientFactory clients, DemoEmulator.Launcher launcher) {
            if (!emulator) {
                return new Connection(endpoint, clients.open(credentials, settings(endpoint)), null, proxy);
            }
            DemoEmulator demo = launcher.start();
            try {
                Endpoint local = Endpoint.override(demo.regionId(), demo.endpoint());
                CredentialsSource fake = AccessKeyCredentials.of(demo.accessKeyId(), demo.accessKeySecret());
                return new Connection(local, clients.open(fake, settings(local)), demo, proxy);
            } catch (RuntimeException e) {
                demo.close();
                throw e;
            }
        }

        private ClientSettings settings(Endpoint target) {
            return ClientSettings.of(target).withProxy(proxy.proxy());
        }
    }

    DataWorksClient client() {
        return client;
    }

    /**
     * The engine's launcher on this connection, pausing between retries on the runtime's time; each
     * retry is one progress line.
     */
    MigrationLauncher launcher(WaitRuntime runtime, StatusReporter reporter) {
        return new MigrationLauncher(client, runtime.sleeper(), MigrationLauncher.DEFAULT_RETRIES,
                notice -> reporter.note(notice.line()));
    }

    Endpoint endpoint() {
        return endpoint;
    }

    /** The proxy in use, for the status line. */
    ProxyChoice proxy() {
        return proxy;
    }

    boolean isEmulator() {
        return emulator != null;
    }

    /** The status lines every command starts with: the emulator it runs against, the proxy it goes through. */
    void describeTo(StatusReporter reporter, String demoSubject) {
        if (isEmulator()) {
            reporter.note("using the built-in DataWorks emulator at " + endpoint.uri() + " with its demo " + demoSubject
                    + " (fake credentials; nothing leaves this machine)");
        }
        if (proxy.proxy() != null) {
            reporter.note(proxy.describe());
        }
    }

    /**
     * OSS hosts only, except that a loopback endpoint (the emulator, a local test double) may also
     * serve the package over plain http: it is this machine, so nothing crosses a network.
     */
    DownloadSettings downloadSettings() {
        String host = loopbackHost();
        DownloadSettings settings = DownloadSettings.defaults().withProxy(proxy.proxy());
        return host != null ? settings.withAllowedHosts(Set.of(host)) : settings;
    }

    /** The same trust as {@link #downloadSettings()} for the package upload of an import. */
    UploadSettings uploadSettings(long maxUploadBytes) {
        String host = loopbackHost();
        UploadSettings settings = UploadSettings.defaults().withProxy(proxy.proxy());
        if (maxUploadBytes > 0) {
            settings = settings.withMaxUploadBytes(maxUploadBytes);
        }
        return host != null ? settings.withAllowedHosts(Set.of(host)) : settings;
    }

    /** The endpoint's host when it is this machine; null otherwise. */
    private String loopbackHost() {
        String host = endpoint.uri().getHost().toLowerCase(Locale.ROOT);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        return EndpointUrls.isLoopback(host) ? host : null;
    }

    @Override
    public void close() {
        try {
            client.close();
        } finally {
            if (emulator != null) {
                emulator.close();
            }
        }
    }
}
