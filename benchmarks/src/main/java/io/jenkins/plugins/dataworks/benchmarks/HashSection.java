package io.jenkins.plugins.dataworks.benchmarks;

import java.util.List;

/** Report section of benchmark 3b (hash cost). */
final class HashSection {

    static final String TITLE = "3b. Cost of verification: CRC-64 and SHA-256 over 1 GiB in memory";

    private HashSection() {}

    /** @param downloadGbps the loopback download throughput of curl in this run, NaN if not measured */
    static Section build(List<Summary> summary, double downloadGbps) throws Exception {
        HashThroughputBenchmark.Result r = HashThroughputBenchmark.run();
        boolean engineHasOwn = r.engineCrc64() != null;
        // What the downloader verifies with: the engine's own CRC-64, or xz-java's in engines without one.
        HashThroughputBenchmark.Speed used = engineHasOwn ? r.engineCrc64() : r.xzCrc64();
        String usedName = engineHasOwn ? "engine `Crc64Xz`" : "xz-java `CRC64`";
        Table table = new Table("hash", "GB per CPU second", "GB per wall second", "vs scalar scan (CPU)",
                "vs curl's loopback download");
        row(table, "scalar scan: XOR of 8-byte words, one at a time (reference)", r.memoryScan(), r, downloadGbps);
        if (engineHasOwn) {
            row(table, "CRC-64/XZ, engine `Crc64Xz` (used by the downloader)", r.engineCrc64(), r, downloadGbps);
        }
        row(table, "CRC-64/XZ, xz-java `CRC64`" + (engineHasOwn ? " (what the engine used before)" : " (used by the downloader)"),
                r.xzCrc64(), r, downloadGbps);
        row(table, "CRC-64/XZ, plain slicing-by-8 (yardstick, benchmark only)", r.slicing8Crc64(), r, downloadGbps);
        row(table, "CRC-32C, `java.util.zip.CRC32C` (another polynomial; a JDK intrinsic, for scale)", r.crc32c(), r, downloadGbps);
        row(table, "SHA-256, `MessageDigest` (" + shaProvider() + ")", r.sha256(), r, downloadGbps);
        HashThroughputBenchmark.Speed both = new HashThroughputBenchmark.Speed(
                1 / (1 / used.cpuGbps() + 1 / r.sha256().cpuGbps()),
                1 / (1 / used.wallGbps() + 1 / r.sha256().wallGbps()));
        row(table, "CRC-64 (" + usedName + ") + SHA-256 in series on one thread (computed)", both, r, downloadGbps);
        double crc = used.cpuGbps();
        double xz = r.xzCrc64().cpuGbps();
        double s8 = r.slicing8Crc64().cpuGbps();
        boolean crcFast = crc >= 2.0;
        summary.add(new Summary("3b. CRC-64 throughput (" + usedName + ")", Stats.f(crc, 2) + " GB/CPU-s",
                Stats.f(xz, 2) + " GB/CPU-s (xz-java)", Stats.ratio(crc / xz), "several GB/s", crcFast ? "met" : "missed"));
        Section s = new Section(TITLE)
                .text("A 1 MiB random buffer hashed 1,024 times (1 GiB); one warm-up pass of 512 MiB, then the best "
                        + "of three timed passes, in one JVM thread. \"GB per CPU second\" divides by the hashing thread's "
                        + "CPU time (`ThreadMXBean`), so other load on the machine does not distort it; \"per wall "
                        + "second\" is what the thread achieved in this run. GB is 10^9 bytes. "
                        + (engineHasOwn ? "The engine's `Crc64Xz` is package-private; the benchmark creates it by "
                                + "reflection and drives it through `java.util.zip.Checksum`. " : "")
                        + "The plain slicing-by-8 CRC-64 exists only in this benchmark, as a yardstick. All CRC-64 "
                        + "implementations " + (r.crcAgree() ? "agree" : "DO NOT agree") + " with xz-java on the test "
                        + "buffer. The last column divides the hash's wall speed by curl's loopback download speed "
                        + "measured in 3a: below 1, the hash alone cannot keep up with curl.")
                .table(table)
                .verdict("CRC-64 at several GB/s (table-driven)", crcFast,
                        usedName + " " + Stats.f(crc, 2) + " GB per CPU second, " + Stats.ratio(crc / xz) + " of xz-java");
        if (!crcFast) {
            s.text("Missed: " + usedName + " runs at " + Stats.f(crc, 2) + " GB per CPU second here, "
                    + Stats.f(100 * (1 - crc / 2.0), 0) + " % below the 2 GB/s that \"several GB/s\" starts at. The "
                    + "plain slicing-by-8 yardstick reaches " + Stats.f(s8, 2) + " GB per CPU second on the same machine. "
                    + "Several GB/s takes either parallel lookup chains (braiding) or carry-less multiplication "
                    + "(PCLMULQDQ): the JDK's CRC-32C intrinsic reaches " + Stats.f(r.crc32c().cpuGbps(), 1)
                    + " GB per CPU second here, but no JDK API offers it for CRC-64's polynomial.");
        }
        s.text("With SHA-256 in series on the reading thread, verification alone caps a download at about "
                + Stats.f(both.cpuGbps(), 2) + " GB per CPU second; SHA-256 (" + Stats.f(r.sha256().cpuGbps(), 2)
                + ") is " + (r.sha256().cpuGbps() < crc ? "now the slower of the two" : "the faster of the two")
                + ". Running CRC-64 and SHA-256 on separate threads would let them overlap each other and the reads.");
        return s;
    }

    private static void row(Table t, String name, HashThroughputBenchmark.Speed speed, HashThroughputBenchmark.Result r,
            double downloadGbps) {
        t.row(name, Stats.f(speed.cpuGbps(), 2), Stats.f(speed.wallGbps(), 2),
                Stats.ratio(speed.cpuGbps() / r.memoryScan().cpuGbps()),
                Double.isNaN(downloadGbps) ? "n/a" : Stats.ratio(speed.wallGbps() / downloadGbps));
    }

    private static String shaProvider() {
        try {
            return java.security.MessageDigest.getInstance("SHA-256").getProvider().getName();
        } catch (Exception e) {
            return "?";
        }
    }
}
