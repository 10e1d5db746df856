package io.jenkins.plugins.dataworks.benchmarks;

import com.google.gson.JsonObject;
import io.jenkins.plugins.dataworks.engine.download.DownloadResult;
import io.jenkins.plugins.dataworks.engine.download.DownloadSettings;
import io.jenkins.plugins.dataworks.engine.download.PackageDownloader;
import io.jenkins.plugins.dataworks.engine.download.UrlRefresher;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

/**
 * Benchmark 3a, our side, in a JVM of its own (run with -Xmx64m): one download of the package
 * through the engine's PackageDownloader, CRC-64 and SHA-256 verification on. The presigned URL
 * comes on stdin, so it never appears in a process listing.
 *
 * <p>Args: directory fileName [warm | raw | urlconnection]. With {@code warm}, the timed download is
 * the JVM's second one.
 */
public final class DownloadChild {

    private DownloadChild() {}

    public static void main(String[] args) throws Exception {
        String url = new String(System.in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).trim();
        Path dir = Path.of(args[0]);
        String fileName = args[1];
        boolean warm = args.length > 2 && args[2].equals("warm");
        if (args.length > 2 && !warm) {
            raw(url, dir.resolve(fileName), args[2].equals("urlconnection"));
            return;
        }
        PackageDownloader downloader = new PackageDownloader(DownloadSettings.defaults().withAllowedHosts(Set.of("127.0.0.1")));
        if (warm) {
            // A long-running JVM (a Jenkins controller) has downloaded before: one untimed download
            // first, so the JIT has compiled the transport and the hashes before the clock starts.
            DownloadResult first = downloader.download(url, dir, "first-" + fileName, UrlRefresher.NONE, (received, total) -> {});
            Files.deleteIfExists(first.file());
        }
        ProcessMetrics.usedHeapAfterGc();
        ProcessMetrics.resetPeakHeap();
        var os = (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        long cpu0 = os.getProcessCpuTime();
        long start = System.nanoTime();
        DownloadResult result = downloader.download(url, dir, fileName, UrlRefresher.NONE, (received, total) -> {});
        double seconds = (System.nanoTime() - start) / 1e9;
        double cpuSeconds = (os.getProcessCpuTime() - cpu0) / 1e9;
        long peak = ProcessMetrics.peakHeap();
        Files.deleteIfExists(result.file());
        JsonObject r = new JsonObject();
        r.addProperty("seconds", seconds);
        r.addProperty("cpuSeconds", cpuSeconds);
        r.addProperty("bytes", result.size());
        r.addProperty("peakHeap", peak);
        r.addProperty("maxHeap", ProcessMetrics.maxHeap());
        r.addProperty("crc64Verified", result.crc64Verified());
        r.addProperty("sha256", result.sha256());
        ChildJvm.emit(r);
    }

    /**
     * A transport alone, as a yardstick: the JDK HttpClient or HttpURLConnection streaming the body
     * to a file in 64 KiB reads, with no hashing and no checks.
     */
    private static void raw(String url, Path file, boolean urlConnection) throws Exception {
        var os = (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        java.net.http.HttpClient client = java.net.http.HttpClient.newBuilder()
                .version(java.net.http.HttpClient.Version.HTTP_1_1).build();
        ProcessMetrics.usedHeapAfterGc();
        ProcessMetrics.resetPeakHeap();
        long cpu0 = os.getProcessCpuTime();
        long start = System.nanoTime();
        long bytes = 0;
        java.io.InputStream body = urlConnection ? java.net.URI.create(url).toURL().openConnection().getInputStream()
                : client.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(url)).GET().build(),
                        java.net.http.HttpResponse.BodyHandlers.ofInputStream()).body();
        try (var in = body; var out = Files.newOutputStream(file)) {
            byte[] buffer = new byte[64 * 1024];
            int n;
            while ((n = in.read(buffer)) >= 0) {
                out.write(buffer, 0, n);
                bytes += n;
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        double cpuSeconds = (os.getProcessCpuTime() - cpu0) / 1e9;
        Files.deleteIfExists(file);
        JsonObject r = new JsonObject();
        r.addProperty("seconds", seconds);
        r.addProperty("cpuSeconds", cpuSeconds);
        r.addProperty("bytes", bytes);
        r.addProperty("peakHeap", ProcessMetrics.peakHeap());
        ChildJvm.emit(r);
    }
}
