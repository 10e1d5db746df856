package io.jenkins.plugins.dataworks.runtime;

import hudson.Extension;
import hudson.ExtensionList;
import hudson.init.Terminator;
import hudson.util.DaemonThreadFactory;
import hudson.util.NamingThreadFactory;
import io.jenkins.plugins.dataworks.engine.auth.CredentialsSource;
import io.jenkins.plugins.dataworks.engine.client.AliyunDataWorksClient;
import io.jenkins.plugins.dataworks.engine.client.ClientSettings;
import io.jenkins.plugins.dataworks.engine.client.DataWorksClient;
import io.jenkins.plugins.dataworks.engine.migrate.MigrationLauncher;
import io.jenkins.plugins.dataworks.engine.migrate.RetryNotice;
import io.jenkins.plugins.dataworks.engine.ratelimit.RateLimiterRegistry;
import io.jenkins.plugins.dataworks.engine.ratelimit.Sleeper;
import io.jenkins.plugins.dataworks.engine.wait.MigrationWaiter;
import io.jenkins.plugins.dataworks.engine.wait.Scheduler;
import java.time.Clock;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.kohsuke.accmod.Restricted;
import org.kohsuke.accmod.restrictions.NoExternalUse;

/**
 * What every wait of this Jenkins shares: small bounded thread pools, the clock, the scheduler,
 * the per-AccessKey rate limiters and the factory of clients.
 *
 * <p>Polls (short API calls) run on the poll pool; a poll that the rate limiter of its AccessKey
 * asks to wait is moved to its slot on the scheduler, so the pool never waits for a slot. Downloads
 * and archiving (minutes, on an agent) run on the download pool, so a large package never delays
 * the polls of other builds. Neither pool is the CPS VM thread nor a {@code jenkins.util.Timer}
 * thread. Idle threads end after a minute, so a Jenkins without waits holds none.
 */
@Extension
public final class DataWorksRuntime {

    private static final Logger LOGGER = Logger.getLogger(DataWorksRuntime.class.getName());

    /** Enough for hundreds of waits: a poll takes well under a second and waits are mostly idle. */
    static final int POLL_THREADS = 4;
    /** Concurrent package downloads of this controller; more queue up. */
    static final int DOWNLOAD_THREADS = 4;

    private final ThreadPoolExecutor pollPool = pool(POLL_THREADS, "DataWorks migration poll");
    private final ThreadPoolExecutor downloadPool = pool(DOWNLOAD_THREADS, "DataWorks migration download");
    /**
     * Concurrent create, start and upload calls of this controller (createDataWorksExport and the
     * other launching steps); more queue up. A separate pool because these calls wait for their
     * rate-limit slot on their own thread, which a poll thread must never do, and an upload from an
     * agent can take minutes, which must not hold up the polls.
     */
    static final int CALL_THREADS = 4;

    private final ThreadPoolExecutor callPool = pool(CALL_THREADS, "DataWorks migration call");

    private volatile Clock clock = Clock.systemUTC();
    private volatile Scheduler scheduler = new TimerScheduler(pollPool);
    private volatile Sleeper sleeper = Sleeper.SYSTEM;
    /** The engine's SDK client, signing with this runtime's clock (the emulator's clock in tests). */
    private volatile ClientFactory clients =
            (credentials, settings) -> AliyunDataWorksClient.create(settings, credentials, clock);

    private RateLimiterRegistry limiters;
    private volatile boolean shuttingDown;

    public static DataWorksRuntime get() {
        return ExtensionList.lookupSingleton(DataWorksRuntime.class);
    }

    private static ThreadPoolExecutor pool(int threads, String name) {
        ThreadPoolExecutor pool = new ThreadPoolExecutor(
                threads,
                threads,
                60,
                TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(),
                new NamingThreadFactory(new DaemonThreadFactory(), name));
        pool.allowCoreThreadTimeOut(true);
        return pool;
    }

    public ExecutorService pollExecutor() {
        return pollPool;
    }

    public ExecutorService downloadExecutor() {
        return downloadPool;
    }

    /** For the blocking single calls of the launching steps: never the CPS VM thread nor a poll thread. */
    public ExecutorService callExecutor() {
        return callPool;
    }

    public Clock clock() {
        return clock;
    }

    /**
     * A waiter on the shared pools whose polls go through {@code client}, paced by the rate limiter
     * of its AccessKey on the scheduler (no thread waits for a slot).
     */
    public MigrationWaiter waiter(RateLimitedClient client) {
        return new MigrationWaiter(
                client.unpaced(), scheduler, pollPool, clock, new SplittableRandom(), client.limiter());
    }

    /**
     * Opens a client whose calls share the rate limit of every other client that signs with the
     * same AccessKey ID on this controller, at the rate the global configuration sets now.
     */
    public RateLimitedClient openRateLimitedClient(
            CredentialsSource credentials, ClientSettings settings, double callsPerSecond) {
        DataWorksClient client = clients.open(credentials, settings);
        return new RateLimitedClient(client, limiters(callsPerSecond).forAccessKey(credentials.accessKeyId()), sleeper);
    }

    /**
     * A client for single calls outside a wait ("Test connection"): each call waits for its slot of
     * the AccessKey's rate limit on the calling thread, which therefore must not be a poll thread.
     */
    public DataWorksClient openClient(CredentialsSource credentials, ClientSettings settings, double callsPerSecond) {
        return openRateLimitedClient(credentials, settings, callsPerSecond).singleCalls();
    }

    /**
     * The engine's launcher for the create and start calls of the launching steps, through the
     * client's single calls (each waits for its rate-limit slot on the calling thread, so call it
     * on {@link #callExecutor()}), retrying with this runtime's sleeper; each retry goes to {@code retries}.
     */
    public MigrationLauncher launcher(RateLimitedClient client, RetryNotice.Listener retries) {
        return new MigrationLauncher(client.singleCalls(), sleeper, MigrationLauncher.DEFAULT_RETRIES, retries);
    }

    /** Waits between attempts of single calls and uploads: the system's, or the tests' recording one. */
    public Sleeper sleeper() {
        return sleeper;
    }

    /** Changing the rate in the global configuration starts new limiters; running clients keep theirs. */
    private synchronized RateLimiterRegistry limiters(double callsPerSecond) {
        if (limiters == null || limiters.permitsPerSecond() != callsPerSecond) {
            limiters = new RateLimiterRegistry(callsPerSecond, clock);
        }
        return limiters;
    }

    /**
     * Lets JenkinsRule tests drive time by hand (the emulator's MutableClock and a manual scheduler)
     * and count or fault calls. Production never calls this.
     */
    @Restricted(NoExternalUse.class)
    public synchronized void useForTesting(
            Clock testClock, Scheduler testScheduler, Sleeper testSleeper, ClientFactory testClients) {
        this.clock = Objects.requireNonNull(testClock, "clock");
        this.scheduler = Objects.requireNonNull(testScheduler, "scheduler");
        this.sleeper = Objects.requireNonNull(testSleeper, "sleeper");
        this.clients = Objects.requireNonNull(testClients, "clients");
        this.limiters = null;
    }

    /**
     * True once Jenkins is shutting down. Whatever a wait learns from then on (mostly errors of polls
     * and downloads that the shutdown interrupted or rejected) must not complete its Pipeline step:
     * the step resumes from its persisted state after the restart instead.
     */
    public boolean isShuttingDown() {
        return shuttingDown;
    }

    void shutdownNow() {
        shuttingDown = true;
        pollPool.shutdownNow();
        downloadPool.shutdownNow();
        callPool.shutdownNow();
    }

    /**
     * Stops the pools when Jenkins shuts down. Waits in progress are not lost: their snapshots are
     * persisted with the Pipeline and resume after the restart; {@link #isShuttingDown()} keeps the
     * failures the shutdown itself causes from ending them first.
     */
    @Terminator
    public static void shutdown() {
        for (DataWorksRuntime runtime : ExtensionList.lookup(DataWorksRuntime.class)) {
            try {
                runtime.shutdownNow();
            } catch (RuntimeException e) {
                LOGGER.log(Level.WARNING, "could not stop the DataWorks migration threads", e);
            }
        }
    }
}
