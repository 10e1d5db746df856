package io.jenkins.plugins.dataworks.emulator;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import io.jenkins.plugins.dataworks.emulator.oss.DownloadLinks;
import io.jenkins.plugins.dataworks.emulator.oss.OssHandler;
import io.jenkins.plugins.dataworks.emulator.oss.OssUrlSigner;
import io.jenkins.plugins.dataworks.emulator.oss.UploadGrant;
import io.jenkins.plugins.dataworks.emulator.rpc.RpcHandler;
import io.jenkins.plugins.dataworks.emulator.scenario.AccessKey;
import io.jenkins.plugins.dataworks.emulator.scenario.DownloadFault;
import io.jenkins.plugins.dataworks.emulator.scenario.Fault;
import io.jenkins.plugins.dataworks.emulator.scenario.MigrationSpec;
import io.jenkins.plugins.dataworks.emulator.scenario.Scenario;
import io.jenkins.plugins.dataworks.emulator.scenario.UploadFault;
import io.jenkins.plugins.dataworks.emulator.state.CallRecord;
import io.jenkins.plugins.dataworks.emulator.state.DownloadRecord;
import io.jenkins.plugins.dataworks.emulator.state.EmulatorState;
import io.jenkins.plugins.dataworks.emulator.state.MigrationInfo;
import io.jenkins.plugins.dataworks.emulator.state.MigrationState;
import io.jenkins.plugins.dataworks.emulator.state.UploadRecord;
import io.jenkins.plugins.dataworks.emulator.state.ShutdownSignal;
import io.jenkins.plugins.dataworks.emulator.tls.SelfSignedCertificate;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.security.cert.X509Certificate;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLContext;

/**
 * A local Alibaba Cloud DataWorks OpenAPI (dataworks-public 2020-05-18), STS (2015-04-01),
 * OpenPlatform AuthorizeFileUpload (2019-12-19) and OSS (presigned downloads, PostObject uploads)
 * emulator on one loopback HTTP port. RPC calls go to {@code /}, package downloads to
 * {@code /<bucket>/<key>}, uploads to {@code POST /<bucket>}. Create with {@link #builder()}, then {@link #start()};
 * {@link #close()} stops it promptly, even with stalled connections.
 *
 * <pre>{@code
 * try (DataWorksEmulator emulator = DataWorksEmulator.builder()
 *         .accessKey("test-key", "test-secret")
 *         .migration(MigrationSpec.export(20001, 10001, "nightly").timeline(Timeline.export(2, 5)))
 *         .build().start()) {
 *     request.setSysDomain(emulator.hostAndPort());
 *     ...
 *     assertThat(emulator.callCount("GetMigrationSummary")).isEqualTo(6);
 * }
 * }</pre>
 */
public final class DataWorksEmulator implements AutoCloseable {

    static {
        // Before any emulator creates a server: the JDK reads this once per JVM (see TcpNoDelay for why).
        TcpNoDelay.request(System.getProperties());
    }

    /** The emulator's own OSS AccessKey id shown in DownloadUrls (its secret is random per instance). */
    public static final String OSS_ACCESS_KEY_ID = "emulator-oss-key";

    private final Builder config;
    private final EmulatorState state;
    private final ShutdownSignal shutdown = new ShutdownSignal();
    private final DownloadLinks links;
    private final RpcHandler rpc;
    private final OssHandler oss;
    private volatile HttpServer server;
    private volatile ExecutorService executor;
    private volatile URI endpoint;
    private final SelfSignedCertificate tls;

    private DataWorksEmulator(Builder config) {
        this.config = config;
        this.tls = config.https ? SelfSignedCertificate.generate() : null;
        Scenario scenario = config.scenario.build();
        this.state = new EmulatorState(scenario, config.scenarioClock, config.signatureClock);
        this.links = new DownloadLinks(new OssUrlSigner(OSS_ACCESS_KEY_ID, randomSecret()), this::endpoint,
                scenario.bucket(), scenario.downloadUrlTtl());
        this.rpc = new RpcHandler(state, links, shutdown);
        this.oss = new OssHandler(state, links, shutdown);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Binds and starts serving. Returns this, for try-with-resources one-liners. */
    public synchronized DataWorksEmulator start() {
        if (server != null) {
            throw new IllegalStateException("already started");
        }
        if (shutdown.isReleased()) {
            throw new IllegalStateException("closed emulators cannot be restarted");
        }
        try {
            InetSocketAddress address = new InetSocketAddress(config.bindAddress, config.port);
            HttpServer http;
            if (tls != null) {
                HttpsServer https = HttpsServer.create(address, 1024);
                https.setHttpsConfigurator(new HttpsConfigurator(tls.serverContext()));
                http = https;
            } else {
                http = HttpServer.create(address, 1024);
            }
            ExecutorService pool = new ThreadPoolExecutor(config.threads, config.threads, 30, TimeUnit.SECONDS,
                    new LinkedBlockingQueue<>(), new NamedThreads("dataworks-emulator-" + http.getAddress().getPort()));
            http.setExecutor(pool);
            http.createContext("/", this::route);
            http.start();
            this.executor = pool;
            this.server = http;
            this.endpoint = endpointFor(tls != null ? "https" : "http", http.getAddress());
            precomputeChecksums();
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot bind the emulator to " + config.bindAddress + ":" + config.port, e);
        }
    }

    /**
     * A generated 1 GiB package takes seconds to checksum; doing it in the background at start means
     * the first download rarely waits (one that comes earlier blocks until the CRC is known).
     */
    private void precomputeChecksums() {
        Thread crc = new Thread(() -> state.scenario().migrations().stream()
                .map(MigrationSpec::pkg)
                .filter(Objects::nonNull)
                .forEach(pkg -> {
                    if (!shutdown.isReleased()) {
                        pkg.crc64();
                    }
                }), "dataworks-emulator-crc-" + port());
        crc.setDaemon(true);
        crc.start();
    }

    private void route(HttpExchange exchange) throws IOException {
        try {
            if ("/".equals(exchange.getRequestURI().getRawPath())) {
                rpc.handle(exchange);
            } else {
                oss.handle(exchange);
            }
        } finally {
            exchange.close();
        }
    }

    private static URI endpointFor(String scheme, InetSocketAddress address) {
        InetAddress host = address.getAddress();
        String literal;
        if (host.isAnyLocalAddress()) {
            literal = host instanceof Inet6Address ? "[::1]" : "127.0.0.1";
        } else {
            literal = host instanceof Inet6Address ? "[" + host.getHostAddress() + "]" : host.getHostAddress();
        }
        return URI.create(scheme + "://" + literal + ":" + address.getPort());
    }

    /** {@code http://127.0.0.1:PORT} ({@code https://} with {@link Builder#https(boolean)}). */
    public URI endpoint() {
        URI uri = endpoint;
        if (uri == null) {
            throw new IllegalStateException("not started");
        }
        return uri;
    }

    /** {@code 127.0.0.1:PORT}, what CommonRequest.setSysDomain wants. */
    public String hostAndPort() {
        return endpoint().getAuthority();
    }

    public int port() {
        return endpoint().getPort();
    }

    /** The self-signed certificate of an HTTPS emulator (made at build time, valid for 127.0.0.1, ::1, localhost). */
    public X509Certificate certificate() {
        return requireTls().certificate();
    }

    /** A client SSLContext that trusts this HTTPS emulator's certificate (and nothing else). */
    public SSLContext clientSslContext() {
        return requireTls().clientContext();
    }

    private SelfSignedCertificate requireTls() {
        if (tls == null) {
            throw new IllegalStateException("this emulator serves plain HTTP; build it with https(true)");
        }
        return tls;
    }

    /** The clock that drives timelines, STS expiry and URL expiry. */
    public Clock scenarioClock() {
        return state.scenarioClock();
    }

    /** The clock Timestamps are checked against. */
    public Clock signatureClock() {
        return state.signatureClock();
    }

    public Scenario scenario() {
        return state.scenario();
    }

    /** RPC calls with this Action parameter so far, whatever their outcome (auth errors and faults included). */
    public long callCount(String action) {
        return state.log().count(action);
    }

    /** RPC calls with this Action and MigrationId so far, whatever their outcome. */
    public long callCount(String action, long migrationId) {
        return state.log().count(action, migrationId);
    }

    /** The most recent RPC calls (up to 100,000), oldest first. */
    public List<CallRecord> calls() {
        return state.log().calls();
    }

    /** Requests to the OSS side so far (GET and HEAD, any outcome). */
    public long downloadCount() {
        return state.log().downloadCount();
    }

    public List<DownloadRecord> downloads() {
        return state.log().downloads();
    }

    /** PostObject uploads so far (any outcome), oldest first: key, size, CRC-64 of what was stored, outcome. */
    public List<UploadRecord> uploads() {
        return state.log().uploads();
    }

    /**
     * The bytes of an uploaded object of the emulator's bucket, if one is stored under {@code key}.
     * The caller closes the stream.
     */
    public Optional<InputStream> openUpload(String key) {
        return state.uploads().open(links.bucket(), key);
    }

    /** What AuthorizeFileUpload would answer now: a signed PostObject form for a new object key. */
    public UploadGrant authorizeUpload() {
        return UploadGrant.issue(links, state.scenarioClock().instant(), state.scenario().maxUploadBytes());
    }

    /** Every migration (scenario-made, added and created), newest first. Looking does not count as a poll. */
    public List<MigrationInfo> migrations() {
        Instant now = state.scenarioClock().instant();
        return state.migrations().stream().map(m -> m.info(now)).toList();
    }

    /** One migration's type, name, status and details; IllegalArgumentException if there is none. */
    public MigrationInfo migration(long id) {
        return state(id).info(state.scenarioClock().instant());
    }

    /** Adds an RPC fault at the end of the queue. */
    public DataWorksEmulator inject(Fault fault) {
        state.rpcFaults().add(Objects.requireNonNull(fault, "fault"));
        return this;
    }

    /** Adds a download fault at the end of the queue. */
    public DataWorksEmulator inject(DownloadFault fault) {
        state.downloadFaults().add(Objects.requireNonNull(fault, "fault"));
        return this;
    }

    /** Adds an upload (PostObject) fault at the end of the queue. */
    public DataWorksEmulator inject(UploadFault fault) {
        state.uploadFaults().add(Objects.requireNonNull(fault, "fault"));
        return this;
    }

    /** Drops all pending RPC, download and upload faults. */
    public void clearFaults() {
        state.rpcFaults().clear();
        state.downloadFaults().clear();
        state.uploadFaults().clear();
    }

    public DataWorksEmulator addAccessKey(AccessKey key) {
        state.addAccessKey(key);
        return this;
    }

    /** Adds a migration while running; its timeline origin is now. */
    public DataWorksEmulator addMigration(MigrationSpec migration) {
        state.addMigration(migration);
        return this;
    }

    /** Forces a migration's status from now on (REVOKED, EXPORT_ERROR, any unknown string); null resumes its timeline. */
    public void overrideStatus(long migrationId, String status) {
        state(migrationId).overrideStatus(status);
    }

    /** The status the next GetMigrationSummary would see, without counting a poll. */
    public String status(long migrationId) {
        return state(migrationId).peek(state.scenarioClock().instant()).status();
    }

    /** A fresh GET URL for the migration's package, valid for the scenario's TTL from now. */
    public String downloadUrl(long migrationId) {
        return links.mint(packaged(migrationId), state.scenarioClock().instant());
    }

    /** A URL signed for any verb, expiry and x-oss-* headers (e.g. a HEAD URL, or one signing x-oss-range-behavior). */
    public String presign(long migrationId, String verb, Instant expires, Map<String, String> ossHeaders) {
        return links.mint(packaged(migrationId), verb, expires.getEpochSecond(), ossHeaders);
    }

    private MigrationState state(long id) {
        return state.migration(id).orElseThrow(() -> new IllegalArgumentException("no migration " + id));
    }

    private MigrationState packaged(long id) {
        MigrationState m = state(id);
        if (m.pkg() == null) {
            throw new IllegalArgumentException("migration " + id + " has no package");
        }
        return m;
    }

    /** Stops serving; stalled and delayed answers are abandoned; uploaded objects are deleted. Idempotent. */
    @Override
    public synchronized void close() {
        shutdown.release();
        HttpServer http = server;
        if (http != null) {
            http.stop(0);
            executor.shutdownNow();
            try {
                executor.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        state.uploads().close();
    }

    /** The directory holding uploaded objects, once the first upload made it (tests check it goes on close). */
    Optional<java.nio.file.Path> uploadDirectory() {
        return state.uploads().directory();
    }

    private static String randomSecret() {
        SecureRandom random = new SecureRandom();
        byte[] bytes = new byte[24];
        random.nextBytes(bytes);
        return java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static final class NamedThreads implements ThreadFactory {
        private final String prefix;
        private final AtomicInteger count = new AtomicInteger();

        NamedThreads(String prefix) {
            this.prefix = prefix;
        }

        @Override
        public Thread newThread(Runnable r) {
            Thread t = new Thread(r, prefix + "-" + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        }
    }

    /** Mutable, not thread-safe builder. */
    public static final class Builder {
        private InetAddress bindAddress;
        private int port;
        private int threads = 48;
        private boolean https;
        private Clock scenarioClock = Clock.systemUTC();
        private Clock signatureClock = Clock.systemUTC();
        private Scenario.Builder scenario = Scenario.builder();

        private Builder() {
            try {
                bindAddress = InetAddress.getByName("127.0.0.1");
            } catch (UnknownHostException e) {
                throw new IllegalStateException(e);
            }
        }

        public Builder bindAddress(InetAddress address) {
            bindAddress = Objects.requireNonNull(address, "address");
            return this;
        }

        /** 0 (the default) picks a free port. */
        public Builder port(int newPort) {
            if (newPort < 0 || newPort > 65535) {
                throw new IllegalArgumentException("port " + newPort);
            }
            port = newPort;
            return this;
        }

        /** Handler threads (default 48); stalled calls each hold one until close. */
        public Builder threads(int count) {
            if (count < 1) {
                throw new IllegalArgumentException("threads must be >= 1");
            }
            threads = count;
            return this;
        }

        /** Serve HTTPS with a self-signed certificate generated at build time (default: plain HTTP). */
        public Builder https(boolean enabled) {
            https = enabled;
            return this;
        }

        /** Drives timelines by time, STS expiry and DownloadUrl expiry (default: real UTC time). */
        public Builder scenarioClock(Clock clock) {
            scenarioClock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** Timestamps are checked against this clock (default: real UTC time, which the SDK stamps). */
        public Builder signatureClock(Clock clock) {
            signatureClock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** Replaces everything scenario-related added so far with this scenario (later additions add to it). */
        public Builder scenario(Scenario newScenario) {
            scenario = newScenario.toBuilder();
            return this;
        }

        public Builder accessKey(String id, String secret) {
            scenario.accessKey(id, secret);
            return this;
        }

        public Builder accessKey(AccessKey key) {
            scenario.accessKey(key);
            return this;
        }

        public Builder project(long projectId) {
            scenario.project(projectId);
            return this;
        }

        public Builder migration(MigrationSpec migration) {
            scenario.migration(migration);
            return this;
        }

        public Builder fault(Fault fault) {
            scenario.fault(fault);
            return this;
        }

        public Builder downloadFault(DownloadFault fault) {
            scenario.downloadFault(fault);
            return this;
        }

        public Builder role(String roleArn) {
            scenario.role(roleArn);
            return this;
        }

        public Builder uploadFault(UploadFault fault) {
            scenario.uploadFault(fault);
            return this;
        }

        /** The content-length-range cap of the upload policies AuthorizeFileUpload issues (default 1 GiB). */
        public Builder maxUploadBytes(long bytes) {
            scenario.maxUploadBytes(bytes);
            return this;
        }

        /** Other scenario settings (TTL, bucket, CreateExportMigration template, ...). */
        public Builder configureScenario(java.util.function.Consumer<Scenario.Builder> change) {
            change.accept(scenario);
            return this;
        }

        public DataWorksEmulator build() {
            return new DataWorksEmulator(this);
        }
    }
}
