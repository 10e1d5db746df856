package io.jenkins.plugins.dataworks.cli;

import static io.jenkins.plugins.dataworks.cli.TestScenario.array;
import static io.jenkins.plugins.dataworks.cli.TestScenario.entries;
import static io.jenkins.plugins.dataworks.cli.TestScenario.waitArgs;
import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.dataworks.emulator.junit.DataWorksEmulatorExtension;
import io.jenkins.plugins.dataworks.emulator.proxy.ForwardingProxy;
import io.jenkins.plugins.dataworks.engine.client.ClientSettings;
import io.jenkins.plugins.dataworks.engine.client.ProxySettings;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code --proxy} and {@code --non-proxy-hosts}, and their environment defaults, against the
 * emulator through a real forwarding proxy. The emulator is on 127.0.0.1: an explicit --proxy
 * carries loopback traffic too, so what the proxy counts shows which way each call went.
 */
class ProxyOptionsTest {

    @RegisterExtension
    final DataWorksEmulatorExtension emulator = TestScenario.extension();

    @TempDir
    Path tmp;

    private ForwardingProxy proxy;
    private CliRun cli;
    private Path downloads;

    @BeforeEach
    void setUp() throws IOException {
        proxy = ForwardingProxy.start();
        cli = new CliRun(tmp.resolve("home")).credentials(TestScenario.KEY_ID, TestScenario.SECRET);
        downloads = tmp.resolve("out");
    }

    @AfterEach
    void tearDown() throws IOException {
        proxy.close();
    }

    private long rpcCalls() {
        return emulator.emulator().callCount("GetMigrationSummary");
    }

    private static int deadPort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    @Test
    void waitSendsTheCallsAndTheDownloadThroughTheProxy() throws Exception {
        CliRun.Result r = cli.run(array(waitArgs(emulator, TestScenario.EXPORT_OK,
                "--proxy", proxy.address(), "--download-dir", downloads.toString(), "--output", "json")));

        assertThat(r.exitCode()).as(r.err()).isEqualTo(ExitCodes.SUCCESS);
        assertThat(rpcCalls()).isEqualTo(4);
        assertThat(proxy.count("POST")).as("every GetMigrationSummary").isEqualTo(rpcCalls());
        URI endpoint = emulator.endpoint();
        List<ForwardingProxy.Request> gets = proxy.requests().stream().filter(q -> q.method().equals("GET")).toList();
        assertThat(gets).singleElement().satisfies(get -> {
            assertThat(get.target().getHost()).isEqualTo(endpoint.getHost());
            assertThat(get.target().getPort()).isEqualTo(endpoint.getPort());
            assertThat(get.target().getRawPath()).isNotEqualTo("/");
        });
        assertThat(emulator.emulator().downloadCount()).isEqualTo(1);
        assertThat(proxy.count("CONNECT")).isZero();
        assertThat(entries(downloads)).singleElement().satisfies(f -> assertThat(Files.size(f)).isEqualTo(300 * 1024));
        assertThat(r.err()).contains("calls go through proxy " + proxy.address() + " (--proxy)");
    }

    @Test
    void downloadCommandUsesTheProxyToo() {
        emulator.emulator().overrideStatus(TestScenario.EXPORT_OK, "EXPORT_SUCCESS");
        CliRun.Result r = cli.run("download", "--endpoint", emulator.endpoint().toString(), "--region", TestScenario.REGION,
                "--project-id", String.valueOf(TestScenario.PROJECT), "--migration-id", String.valueOf(TestScenario.EXPORT_OK),
                "--proxy", proxy.address(), "--download-dir", downloads.toString());

        assertThat(r.exitCode()).as(r.err()).isEqualTo(ExitCodes.SUCCESS);
        assertThat(proxy.count("POST")).isEqualTo(rpcCalls()).isEqualTo(1);
        assertThat(proxy.count("GET")).isEqualTo(emulator.emulator().downloadCount()).isEqualTo(1);
    }

    @Test
    void nonProxyHostsOptionSendsThoseHostsDirect() {
        CliRun.Result r = cli.run(array(waitArgs(emulator, TestScenario.EXPORT_OK, "--proxy", proxy.address(),
                "--non-proxy-hosts", "example.org, 127.0.0.1", "--download-dir", downloads.toString())));

        assertThat(r.exitCode()).as(r.err()).isEqualTo(ExitCodes.SUCCESS);
        assertThat(proxy.requests()).isEmpty();
        assertThat(emulator.emulator().downloadCount()).isEqualTo(1);
        assertThat(r.err()).contains("direct: example.org, *.example.org, 127.0.0.1");
    }

    @Test
    void proxyOptionWinsOverHttpsProxyAndNoProxyStillApplies() throws IOException {
        cli.env("HTTPS_PROXY", "http://127.0.0.1:" + deadPort()).env("NO_PROXY", "internal.example");
        CliRun.Result viaOption = cli.run(array(waitArgs(emulator, TestScenario.EXPORT_OK, "--proxy", proxy.address())));

        assertThat(viaOption.exitCode()).as(viaOption.err()).isEqualTo(ExitCodes.SUCCESS);
        assertThat(proxy.count("POST")).isEqualTo(rpcCalls()).isEqualTo(4);

        cli.env("NO_PROXY", "127.0.0.0/8");
        CliRun.Result bypassed = cli.run(array(waitArgs(emulator, TestScenario.EXPORT_ERROR, "--proxy", proxy.address())));
        assertThat(bypassed.exitCode()).as(bypassed.err()).isEqualTo(ExitCodes.MIGRATION_FAILED);
        assertThat(proxy.count("POST")).as("NO_PROXY applies to --proxy as well").isEqualTo(4);
    }

    @Test
    void httpsProxyIsTheDefaultAndLoopbackStaysDirect() throws IOException {
        int dead = deadPort();
        cli.env("HTTPS_PROXY", "http://127.0.0.1:" + dead + "/");
        CliRun.Result r = cli.run(array(waitArgs(emulator, TestScenario.EXPORT_OK, "--download-dir", downloads.toString())));

        // The proxy is dead: the wait and the download could only succeed by going direct.
        assertThat(r.exitCode()).as(r.err()).isEqualTo(ExitCodes.SUCCESS);
        assertThat(emulator.emulator().downloadCount()).isEqualTo(1);
        assertThat(r.err()).contains("calls go through proxy 127.0.0.1:" + dead + " (HTTPS_PROXY); direct: localhost, 127.0.0.0/8, ::1");
    }

    @Test
    void environmentDefaultReachesTheEngineClientAsSettings() {
        List<ClientSettings> opened = new ArrayList<>();
        Map<String, String> env = Map.of(CredentialsResolver.ENV_ID, TestScenario.KEY_ID,
                CredentialsResolver.ENV_SECRET, TestScenario.SECRET,
                "https_proxy", "proxy.corp.example:3128", "no_proxy", ".corp.example,10.0.0.0/8");
        StringWriter out = new StringWriter();
        CliContext ctx = new CliContext(env, tmp.resolve("home"), new PrintWriter(out, true), new PrintWriter(new StringWriter(), true),
                false, VirtualTimeRuntime::new, new Cancellation());
        ClientFactory recording = (credentials, settings) -> {
            opened.add(settings);
            // The recorded proxy is not reachable: talk to the emulator directly to finish the command.
            return EngineClients.open(credentials, settings.withProxy(null));
        };
        int code = new Cli(ctx, recording, EmbeddedEmulator::startDemo).run("summary", "--endpoint", emulator.endpoint().toString(),
                "--region", TestScenario.REGION, "--project-id", String.valueOf(TestScenario.PROJECT),
                "--migration-id", String.valueOf(TestScenario.EXPORT_OK));

        assertThat(code).isEqualTo(ExitCodes.SUCCESS);
        assertThat(opened).singleElement().satisfies(s -> assertThat(s.proxy()).isEqualTo(new ProxySettings(
                "proxy.corp.example", 3128, "localhost|127.0.0.0/8|::1|corp.example|*.corp.example|10.0.0.0/8")));
        assertThat(out.toString()).contains("INIT");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "--proxy=nohost                   | --proxy must be HOST:PORT or http://HOST:PORT, e.g. proxy.example.com:8080, got 'nohost': add the port",
        "--proxy=host:0                   | --proxy port must be between 1 and 65535, got 0",
        "--proxy=https://host:443         | --proxy must be an http:// proxy, got scheme 'https': https:// and socks proxies are not supported; give HOST:PORT or http://HOST:PORT, e.g. proxy.example.com:8080",
        "--non-proxy-hosts=example.org    | --non-proxy-hosts needs a proxy: add --proxy HOST:PORT (or set HTTPS_PROXY); without one every host is reached directly",
    })
    void badProxyOptionsAreUsageErrors(String option, String message) throws Exception {
        assertUsageError(cli, option, "dataworks-migration wait: " + message);
    }

    @Test
    void badNonProxyHostsNameTheOption() throws Exception {
        assertUsageError(cli, "--proxy=" + proxy.address() + " --non-proxy-hosts=10.0.0.0/40",
                "dataworks-migration wait: --non-proxy-hosts entry '10.0.0.0/40' is not a CIDR range:"
                        + " write an IP address and a prefix length, e.g. 10.0.0.0/8 or fd00::/8");
    }

    @Test
    void aProxyWithAPasswordIsRefusedWithoutShowingIt() throws Exception {
        String line = "dataworks-migration wait: --proxy must not carry a user name or password (value not shown):"
                + " proxy authentication is not supported; give HOST:PORT or http://HOST:PORT, e.g. proxy.example.com:8080"
                + " of a proxy that needs none";
        CliRun.Result r = assertUsageError(cli, "--proxy=http://user:pw@h:1", line);
        assertThat(r.all()).doesNotContain("user:pw").doesNotContain(":pw@");
        CliRun.Result r2 = assertUsageError(cli, "--proxy=http://ci-bot:Pr0xy-Pa55@proxy.corp:8080", line);
        assertThat(r2.all()).doesNotContain("Pr0xy-Pa55").doesNotContain("ci-bot");
    }

    @Test
    void aBadEnvironmentVariableIsNamedAndItsPasswordNotShown() throws Exception {
        cli.env("HTTPS_PROXY", "http://ci-bot:Pr0xy-Pa55@proxy.corp:8080");
        CliRun.Result r = assertUsageError(cli, "", "dataworks-migration wait: HTTPS_PROXY must not carry a user name or password"
                + " (value not shown): proxy authentication is not supported; give HOST:PORT or http://HOST:PORT,"
                + " e.g. proxy.example.com:8080 of a proxy that needs none");
        assertThat(r.all()).doesNotContain("Pr0xy-Pa55");

        // An explicit --proxy replaces the variable, so its error no longer matters.
        CliRun.Result fine = cli.run(array(waitArgs(emulator, TestScenario.EXPORT_OK, "--proxy", proxy.address())));
        assertThat(fine.exitCode()).as(fine.err()).isEqualTo(ExitCodes.SUCCESS);
    }

    /** wait with the options (space-separated, each --name=value) on a valid command line: exit 2, one line, nothing called or written. */
    private CliRun.Result assertUsageError(CliRun run, String options, String expectedLine) throws Exception {
        long callsBefore = emulator.emulator().calls().size();
        List<String> more = new ArrayList<>(List.of("--download-dir", downloads.toString(), "--output", "json"));
        if (!options.isBlank()) {
            more.addAll(List.of(options.split(" ")));
        }
        CliRun.Result r = run.run(array(waitArgs(emulator, TestScenario.EXPORT_OK, more.toArray(String[]::new))));

        assertThat(r.exitCode()).as(r.err()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.out()).isEmpty();
        assertThat(r.err().lines().toList()).containsExactly(expectedLine);
        assertThat(emulator.emulator().calls()).hasSize((int) callsBefore);
        assertThat(entries(downloads)).isEmpty();
        assertThat(proxy.requests()).isEmpty();
        return r;
    }
}
