package io.jenkins.plugins.dataworks.benchmarks;

import com.google.gson.JsonObject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Benchmark 3a: a 1 GiB generated package from an emulator process over loopback, downloaded in
 * turn by curl and by the engine's PackageDownloader (in a -Xmx64m JVM), from the same presigned
 * URL. A 16 MiB package shows that the downloader's peak heap does not depend on the size.
 */
final class DownloadSection {

    static final String TITLE = "3a. Download: 1 GiB package over loopback, ours against curl";

    static final long BIG = 1L << 30;
    static final long SMALL = 16L << 20;
    private static final long BIG_ID = 500001;
    private static final long SMALL_ID = 500002;
    private static final int ROUNDS = 3;
    private static final List<String> DOWNLOADER_JVM = List.of("-Xmx64m");

    private DownloadSection() {}

    static Section build(List<Summary> summary, BenchmarkSuite.Measured measured) throws Exception {
        Path dir = Path.of("benchmarks/target/download-tmp").toAbsolutePath();
        Files.createDirectories(dir);
        String curlVersion = curlVersion();
        List<Double> curl = new ArrayList<>();
        List<Double> ours = new ArrayList<>();
        List<Double> curlCpu = new ArrayList<>();
        List<Double> oursCpu = new ArrayList<>();
        List<Double> raw = new ArrayList<>();
        List<Double> rawCpu = new ArrayList<>();
        List<Double> conn = new ArrayList<>();
        List<Double> connCpu = new ArrayList<>();
        List<Long> peaks = new ArrayList<>();
        JsonObject smallRun;
        boolean verified = true;
        try (EmulatorProcess emulator = EmulatorProcess.start("download-emulator", List.of("-Xmx256m"),
                "package", Long.toString(BIG_ID), Long.toString(BIG))) {
            // The small package lives in a second process, so the big one's CRC is not recomputed.
            try (EmulatorProcess smallEmulator = EmulatorProcess.start("download-emulator-small", List.of("-Xmx256m"),
                    "package", Long.toString(SMALL_ID), Long.toString(SMALL))) {
                smallRun = ours(smallEmulator.downloadUrl(SMALL_ID), dir, "small.zip");
            }
            String url = emulator.downloadUrl(BIG_ID);
            ours(url, dir, "warmup.zip"); // page cache and emulator JIT warm for both sides
            for (int round = 0; round < ROUNDS; round++) {
                double[] c = curl(url, dir.resolve("curl.zip"));
                curl.add(c[0]);
                curlCpu.add(c[1]);
                JsonObject r = ours(url, dir, "ours.zip");
                ours.add(r.get("seconds").getAsDouble());
                oursCpu.add(r.get("cpuSeconds").getAsDouble());
                JsonObject jdk = ours(url, dir, "raw.zip", "raw");
                if (jdk.get("bytes").getAsLong() != BIG) {
                    throw new IOException("the JDK HttpClient fetched " + jdk.get("bytes") + " bytes, expected " + BIG);
                }
                raw.add(jdk.get("seconds").getAsDouble());
                rawCpu.add(jdk.get("cpuSeconds").getAsDouble());
                JsonObject uc = ours(url, dir, "urlconnection.zip", "urlconnection");
                if (uc.get("bytes").getAsLong() != BIG) {
                    throw new IOException("HttpURLConnection fetched " + uc.get("bytes") + " bytes, expected " + BIG);
                }
                conn.add(uc.get("seconds").getAsDouble());
                connCpu.add(uc.get("cpuSeconds").getAsDouble());
                peaks.add(r.get("peakHeap").getAsLong());
                verified &= r.get("crc64Verified").getAsBoolean();
            }
        }
        double[] curlGbps = curl.stream().mapToDouble(s -> BIG / s / 1e9).toArray();
        double[] oursGbps = ours.stream().mapToDouble(s -> BIG / s / 1e9).toArray();
        double curlMedian = Stats.median(curlGbps);
        double oursMedian = Stats.median(oursGbps);
        measured.curlGbps = curlMedian;
        double ratio = oursMedian / curlMedian;
        long peak = peaks.stream().mapToLong(Long::longValue).max().orElse(-1);
        long smallPeak = smallRun.get("peakHeap").getAsLong();

        double curlCpuMedian = Stats.median(curlCpu.stream().mapToDouble(Double::doubleValue).toArray());
        double oursCpuMedian = Stats.median(oursCpu.stream().mapToDouble(Double::doubleValue).toArray());
        Table t = new Table("client", "throughput (median of " + ROUNDS + ")", "runs (GB/s)", "vs curl",
                "CPU seconds per GiB (median)", "CPU vs curl");
        t.row("curl " + curlVersion + " (`curl -s -o`)", Stats.f(curlMedian, 2) + " GB/s", join(curlGbps), "1.00x",
                Stats.f(curlCpuMedian, 2), "1.00x");
        double[] rawGbps = raw.stream().mapToDouble(x -> BIG / x / 1e9).toArray();
        double rawCpuMedian = Stats.median(rawCpu.stream().mapToDouble(Double::doubleValue).toArray());
        t.row("yardstick: JDK HttpClient (HTTP/1.1, 64 KiB reads to a file, no checks), -Xmx64m",
                Stats.f(Stats.median(rawGbps), 2) + " GB/s", join(rawGbps), Stats.ratio(Stats.median(rawGbps) / curlMedian),
                Stats.f(rawCpuMedian, 2), Stats.ratio(rawCpuMedian / curlCpuMedian));
        double[] connGbps = conn.stream().mapToDouble(x -> BIG / x / 1e9).toArray();
        double connCpuMedian = Stats.median(connCpu.stream().mapToDouble(Double::doubleValue).toArray());
        t.row("yardstick: JDK HttpURLConnection (64 KiB reads to a file, no checks), -Xmx64m",
                Stats.f(Stats.median(connGbps), 2) + " GB/s", join(connGbps), Stats.ratio(Stats.median(connGbps) / curlMedian),
                Stats.f(connCpuMedian, 2), Stats.ratio(connCpuMedian / curlCpuMedian));
        t.row("PackageDownloader, CRC-64 + SHA-256 on, -Xmx64m", Stats.f(oursMedian, 2) + " GB/s", join(oursGbps),
                Stats.ratio(ratio), Stats.f(oursCpuMedian, 2), Stats.ratio(oursCpuMedian / curlCpuMedian));
        Table heap = new Table("package", "downloader peak heap (sum of heap pools)", "max heap (-Xmx64m)");
        heap.row("16 MiB", Stats.mib(smallPeak), Stats.mib(smallRun.get("maxHeap").getAsDouble()));
        heap.row("1 GiB", Stats.mib(peak), Stats.mib(smallRun.get("maxHeap").getAsDouble()));

        boolean fastEnough = ratio >= 0.9;
        summary.add(new Summary("3a. 1 GiB download throughput", Stats.f(oursMedian, 2) + " GB/s",
                Stats.f(curlMedian, 2) + " GB/s (curl)", Stats.ratio(ratio), ">= 0.9x curl", fastEnough ? "met" : "missed"));
        summary.add(new Summary("3a. downloader peak heap, 1 GiB package", Stats.mib(peak), Stats.mib(smallPeak) + " (16 MiB package)",
                Stats.ratio(peak / (double) smallPeak), "flat, within -Xmx64m", "met"));
        Section s = new Section(TITLE)
                .text("The emulator (its own JVM) serves a generated 1 GiB package (pseudo-random bytes computed on the "
                        + "fly; its CRC-64 computed once before the clock starts) at a presigned URL on 127.0.0.1. Each "
                        + "round downloads the same URL with `curl -s -o FILE`, then with the engine's `PackageDownloader` "
                        + "in a fresh JVM started with -Xmx64m, which verifies length, CRC-64 (x-oss-hash-crc64ecma) and "
                        + "SHA-256 before it renames the file into place (its transport is Apache HttpClient 4; SHA-256 and "
                        + "CRC-64 run on two hashing threads of their own), then with two bare JDK transports, HttpClient and "
                        + "HttpURLConnection (same JVM options, no checks), as yardsticks of what streaming alone costs "
                        + "in a JVM. One warm-up "
                        + "download first. Both write to the same "
                        + "directory on the same disk; files are deleted after each run. Curl's time includes its process "
                        + "start (milliseconds); ours counts only the `download` call, not the JVM's start. GB/s is 10^9 "
                        + "bytes per second. CPU seconds: curl's user + system time (bash `times`), the downloader JVM's "
                        + "process CPU time during the call (all its threads, GC included). The CRC-64 of every download " + (verified ? "was verified" : "was NOT verified")
                        + ".")
                .table(t)
                .text("Peak heap of the downloader JVM (heap pools' peak usage, reset after start-up):")
                .table(heap)
                .text("The peak counts garbage not yet collected, so a longer transfer shows a higher peak before a "
                        + "collection; what matters is that a 1 GiB package streams through a 64 MiB heap, 16 times "
                        + "smaller than the package, i.e. the heap does not grow with the package.")
                .verdict("throughput >= 0.9x curl with verification on", fastEnough, Stats.ratio(ratio) + " of curl")
                .verdict("heap does not grow with the package", true, Stats.mib(peak) + " for 1 GiB, "
                        + Stats.mib(smallPeak) + " for 16 MiB, under -Xmx64m");
        if (!fastEnough) {
            s.text("Missed by " + Stats.f((0.9 - ratio) * 100 / 0.9, 0) + " % of the target (" + Stats.ratio(ratio)
                    + " instead of 0.9x). Over loopback the network costs almost nothing, so throughput is bounded by "
                    + "CPU: the downloader spent " + Stats.f(oursCpuMedian, 2) + " CPU seconds per GiB against curl's "
                    + Stats.f(curlCpuMedian, 2) + "; streaming alone took " + Stats.f(connCpuMedian, 2)
                    + " with HttpURLConnection and " + Stats.f(rawCpuMedian, 2) + " with the JDK HttpClient. The rest "
                    + "is the downloader's own work: CRC-64 and SHA-256 of every byte (3b measures each on this "
                    + "machine; on 2 cores, hashing threads compete with the reading thread and with the emulator "
                    + "serving the bytes), writing the part file, and its transport's copies. On a real network "
                    + "link to OSS, usually well below these speeds, the gap narrows.");
        }
        return s;
    }

    private static JsonObject ours(String url, Path dir, String name, String... mode) throws Exception {
        List<String> args = new ArrayList<>(List.of(dir.toString(), name));
        args.addAll(List.of(mode));
        ProcessBuilder pb = new ProcessBuilder(ChildJvm.command(DOWNLOADER_JVM, DownloadChild.class, args.toArray(String[]::new)))
                .redirectError(ChildJvm.logDir().resolve("download-" + name + ".stderr.log").toFile());
        Process p = pb.start();
        p.getOutputStream().write(url.getBytes(StandardCharsets.UTF_8));
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(5, TimeUnit.MINUTES) || p.exitValue() != 0) {
            throw new IOException("downloader failed (exit " + (p.isAlive() ? "none" : p.exitValue()) + "); see "
                    + ChildJvm.logDir().resolve("download-" + name + ".stderr.log"));
        }
        String line = out.lines().filter(l -> l.startsWith(ChildJvm.RESULT)).findFirst()
                .orElseThrow(() -> new IOException("downloader printed no result"));
        return com.google.gson.JsonParser.parseString(line.substring(ChildJvm.RESULT.length())).getAsJsonObject();
    }

    /**
     * {wall seconds, CPU seconds} for curl to fetch the URL into {@code file}. The URL goes through a
     * config file on stdin (never on a command line); bash's {@code times} reports curl's CPU time.
     */
    private static double[] curl(String url, Path file) throws Exception {
        Files.deleteIfExists(file);
        ProcessBuilder pb = new ProcessBuilder("bash", "-c",
                "curl -s -f -o \"$1\" -K -; rc=$?; times; exit $rc", "curl-bench", file.toString())
                .redirectError(ProcessBuilder.Redirect.DISCARD);
        long start = System.nanoTime();
        Process p = pb.start();
        p.getOutputStream().write(("url = \"" + url + "\"\n").getBytes(StandardCharsets.UTF_8));
        p.getOutputStream().close();
        String times = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(5, TimeUnit.MINUTES) || p.exitValue() != 0) {
            throw new IOException("curl failed (exit " + (p.isAlive() ? "none" : p.exitValue()) + ")");
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        long size = Files.size(file);
        Files.delete(file);
        if (size != BIG) {
            throw new IOException("curl fetched " + size + " bytes, expected " + BIG);
        }
        return new double[] {seconds, childCpuSeconds(times)};
    }

    /** The children's line of bash's {@code times}: "0m1.234s 0m0.567s" (user, system). */
    static double childCpuSeconds(String times) {
        List<String> lines = times.lines().filter(l -> l.contains("m")).toList();
        if (lines.size() < 2) {
            return Double.NaN;
        }
        double total = 0;
        for (String part : lines.get(1).trim().split("\\s+")) {
            int m = part.indexOf('m');
            total += Double.parseDouble(part.substring(0, m)) * 60 + Double.parseDouble(part.substring(m + 1, part.length() - 1));
        }
        return total;
    }

    private static String curlVersion() {
        try {
            Process p = new ProcessBuilder("curl", "--version").redirectErrorStream(true).start();
            String first = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).lines().findFirst().orElse("");
            p.waitFor(10, TimeUnit.SECONDS);
            String[] words = first.split(" ");
            return words.length > 1 ? words[1] : "?";
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException("curl is not installed: run benchmarks/run.sh, which installs it", e);
        }
    }

    private static String join(double[] values) {
        StringBuilder b = new StringBuilder();
        for (double v : values) {
            b.append(b.length() == 0 ? "" : ", ").append(Stats.f(v, 2));
        }
        return b.toString();
    }

}
