package io.jenkins.plugins.dataworks.engine.download;

import io.jenkins.plugins.dataworks.engine.text.UserText;
import io.jenkins.plugins.dataworks.engine.error.DataWorksException;
import io.jenkins.plugins.dataworks.engine.error.InvalidInputException;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.apache.http.client.config.RequestConfig;
import org.apache.http.config.RegistryBuilder;
import org.apache.http.conn.socket.ConnectionSocketFactory;
import org.apache.http.conn.socket.PlainConnectionSocketFactory;
import org.apache.http.conn.util.PublicSuffixMatcher;
import org.apache.http.impl.client.CloseableHttpClient;
import org.apache.http.impl.client.HttpClients;
import org.apache.http.impl.conn.BasicHttpClientConnectionManager;
import org.apache.http.impl.conn.SystemDefaultRoutePlanner;

/**
 * Downloads an export package from its presigned URL into a directory, streaming in constant
 * memory to a temporary file that is renamed into place only after length, CRC-64 (when the
 * server reports one) and SHA-256 are known and right. On failure or cancel nothing is left.
 *
 * <p>Only https URLs on OSS endpoints, or on hosts in {@link DownloadSettings#allowedHosts()}, are
 * fetched; redirects are never followed. A broken transfer resumes with a Range request; an expired
 * URL is replaced through the {@link UrlRefresher}. With {@link DownloadSettings#proxy()} set,
 * requests go through that proxy (https with CONNECT). One instance may serve several downloads,
 * one per calling thread.
 *
 * <p>The transport is Apache HttpClient 4, which the Alibaba Cloud SDK already brings along (and
 * Jenkins provides): its blocking reads go straight from the socket into our buffers, about what
 * curl costs, where the JDK's java.net.http client spends several times the CPU per byte; unlike
 * HttpURLConnection it can abort a read blocked on a silent server from another thread. SHA-256
 * and CRC-64 run on threads of their own ({@link HashPipeline}), overlapping the reads and writes.
 */
public final class PackageDownloader {

    /** How long a cancel waits for the worker to let go of the part file. */
    private static final long WORKER_STOP_SECONDS = 10;

    private final DownloadSettings settings;
    private final UrlPolicy policy;
    private final LongSupplier nanoTime;
    private final SecureRandom random = new SecureRandom();

    public PackageDownloader(DownloadSettings settings) {
        this(settings, System::nanoTime);
    }

    PackageDownloader(DownloadSettings settings, LongSupplier nanoTime) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.policy = new UrlPolicy(settings.allowedHosts());
        this.nanoTime = nanoTime;
    }

    /** A client for one download: one connection at a time, closed with it; HTTP/1.1. */
    private CloseableHttpClient newClient() {
        RequestConfig config = RequestConfig.custom()
                .setConnectTimeout(millis(settings.connectTimeout()))
                .setSocketTimeout(millis(settings.readTimeout())) // the silence before headers and between bytes
                .setRedirectsEnabled(false) // presigned objects never redirect; do not leak elsewhere
                .setContentCompressionEnabled(false) // length and CRC-64 are of the bytes as stored
                .setNormalizeUri(false) // the signature covers the path exactly as OSS gave it
                .build();
        return HttpClients.custom()
                .setConnectionManager(new BasicHttpClientConnectionManager(RegistryBuilder.<ConnectionSocketFactory>create()
                        .register("http", PlainConnectionSocketFactory.getSocketFactory())
                        .register("https", new TlsOnFirstUse())
                        .build()))
                // The builder loads the public suffix list (about 0.1 CPU s in a fresh JVM) for cookies,
                // which are disabled, and for the default TLS factory, which is not used: TlsOnFirstUse
                // verifies hostnames against the full list. So the builder gets an empty one.
                .setPublicSuffixMatcher(new PublicSuffixMatcher(List.of(), List.of()))
                .setDefaultRequestConfig(config)
                // Without a proxy of ours, null makes the planner ask the JVM's default ProxySelector.
                .setRoutePlanner(new SystemDefaultRoutePlanner(settings.proxy() == null ? null : settings.proxy().selector()))
                .disableRedirectHandling()
                .disableContentCompression()
                .disableAutomaticRetries() // resumes are ours, counted against maxResumes
                .disableCookieManagement()
                .disableAuthCaching()
                .build();
    }

    private static void closeQuietly(CloseableHttpClient client) {
        try {
            client.close();
        } catch (IOException ignored) {
            // its one connection is gone either way
        }
    }

    private static int millis(Duration duration) {
        return (int) Math.max(1, Math.min(Integer.MAX_VALUE, duration.toMillis()));
    }

    /**
     * Checks the inputs (no network call until they are right), then downloads and verifies.
     *
     * <p>Cancel by interrupting the calling thread: the transfer (which runs on a worker thread)
     * stops at once, the temporary file is deleted, a {@link io.jenkins.plugins.dataworks.engine.error.DownloadException}
     * with code {@code Cancelled} is thrown and the caller's interrupt status stays set.
     *
     * @param url the presigned DownloadUrl (a secret: never logged with its query)
     * @param directory where the package goes; created if missing
     * @param fileName the final file name; validated, never taken raw from the URL (see {@link PackageNames})
     * @param refresher asked for a fresh URL when OSS says this one expired; {@link UrlRefresher#NONE} for none
     * @param progress told about received bytes, at most every 100 ms and once at the end, on the
     *     worker thread; the count starts again at 0 when the server makes the download start over
     * @throws InvalidInputException for a bad fileName, downloadDir or URL (host, scheme)
     * @throws io.jenkins.plugins.dataworks.engine.error.DownloadException when the transfer fails or does not verify
     */
    public DownloadResult download(String url, Path directory, String fileName, UrlRefresher refresher,
            DownloadProgress progress) throws DataWorksException {
        PackageNames.requireSafe(fileName);
        URI uri = policy.check(url);
        Path dir = writableDirectory(directory);
        Path target = dir.resolve(fileName);
        if (Files.isDirectory(target)) {
            throw new InvalidInputException("fileName", UserText.of(target + " is a directory: choose another name"));
        }
        ExecutorService worker = Executors.newSingleThreadExecutor(daemon("dataworks-download"));
        CloseableHttpClient client = newClient();
        try (PartFile part = createPart(dir, fileName); HashPipeline hashes = new HashPipeline(daemon("dataworks-download-hash"))) {
            Transfer transfer = new Transfer(settings, policy, client, nanoTime, uri,
                    refresher == null ? UrlRefresher.NONE : refresher,
                    progress == null ? DownloadProgress.NONE : progress, part, hashes);
            return runCancellably(transfer, target, worker);
        } finally {
            worker.shutdownNow();
            closeQuietly(client);
        }
    }

    /**
     * The transfer runs on a worker thread: a read blocked on the socket ignores interrupts. The
     * caller waits interruptibly, and on an interrupt aborts the request, stops the worker, waits
     * until it has let go of the part file (which the caller then deletes) and keeps its own
     * interrupt status.
     */
    private static DownloadResult runCancellably(Transfer transfer, Path target, ExecutorService worker) {
        Future<DownloadResult> result = worker.submit(() -> transfer.run(target));
        try {
            return result.get();
        } catch (InterruptedException e) {
            transfer.cancel();
            boolean stopped = result.cancel(true);
            awaitUninterruptibly(worker);
            if (stopped) {
                Thread.currentThread().interrupt();
                throw transfer.cancelled();
            }
            // The worker had already finished (the interrupt raced the final rename): report what it did.
            try {
                return outcome(result);
            } finally {
                Thread.currentThread().interrupt();
            }
        } catch (ExecutionException e) {
            throw rethrow(e);
        }
    }

    /** The result of a finished worker; waits for nothing. */
    private static DownloadResult outcome(Future<DownloadResult> finished) {
        try {
            return finished.get();
        } catch (ExecutionException e) {
            throw rethrow(e);
        } catch (InterruptedException impossible) {
            throw new IllegalStateException("a finished future does not wait", impossible);
        }
    }

    /** The worker's own exception, to be thrown by the caller (an Error is thrown right here). */
    private static RuntimeException rethrow(ExecutionException e) {
        Throwable cause = e.getCause();
        if (cause instanceof RuntimeException runtime) {
            return runtime;
        }
        if (cause instanceof Error error) {
            throw error;
        }
        return new IllegalStateException("download failed unexpectedly", cause);
    }

    /** The worker stops within a read or a write once cancelled; bounded anyway. */
    private static void awaitUninterruptibly(ExecutorService worker) {
        worker.shutdownNow();
        boolean interrupted = false;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WORKER_STOP_SECONDS);
        while (true) {
            try {
                worker.awaitTermination(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                break;
            } catch (InterruptedException again) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /** The pre-flight check shared with callers ({@link DownloadDirectory}), then the directory itself. */
    private static Path writableDirectory(Path directory) {
        Path dir = DownloadDirectory.check(directory);
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new InvalidInputException("downloadDir", dir + " cannot be created: " + reason(e)
                    + ": choose a directory the build can write to");
        }
        return dir;
    }

    /** Creating the part file is the real test of writability (permissions, read-only mounts). */
    private PartFile createPart(Path dir, String fileName) {
        try {
            return PartFile.createIn(dir, fileName, random);
        } catch (IOException e) {
            throw notWritable(dir, reason(e));
        }
    }

    private static InvalidInputException notWritable(Path dir, String why) {
        return new InvalidInputException("downloadDir", dir + " is not writable: " + why
                + ": choose a directory the build can write to");
    }

    private static String reason(IOException e) {
        return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : " " + e.getMessage());
    }

    private static ThreadFactory daemon(String name) {
        return task -> {
            Thread thread = new Thread(task, name);
            thread.setDaemon(true);
            return thread;
        };
    }
}
