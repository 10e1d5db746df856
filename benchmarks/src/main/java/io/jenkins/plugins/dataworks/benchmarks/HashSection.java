package io.jenkins.plugins.dataworks.benchmarks;

import java.util.List;

/** Report section of benchmark 3b (hash cost). */
final class HashSection {

    static final String TITLE = "3b. Cost of verification: CRC-64 and SHA-256 over 1 GiB in memory";

    private HashSection() {}

    /** @param downloadGbps the loopback download throughput of curl in this run, NaN if not measured */
    static Section build(List<Summary> summary, double downloadGbps) throws Exception {
        HashThroughputBenchmark.Result r = HashThroughputBenchmark.run();
        Table table = new Table("hash", "GB/s", "vs memory scan", "vs curl's loopback download");
        row(table, "memory scan (XOR of 8-byte words; the floor)", r.memoryScan(), r, downloadGbps);
        row(table, "CRC-64/XZ, xz-java `CRC64` (used by the downloader)", r.xzCrc64(), r, downloadGbps);
        row(table, "CRC-64/XZ, slicing-by-8 (yardstick, benchmark only)", r.slicing8Crc64(), r, downloadGbps);
        row(table, "SHA-256, `MessageDigest` (" + shaProvider() + ")", r.sha256(), r, downloadGbps);
        double both = 1 / (1 / r.xzCrc64() + 1 / r.sha256());
        row(table, "CRC-64 (xz) + SHA-256 on one thread, combined", both, r, downloadGbps);
        boolean crcFast = r.xzCrc64() >= 2.0;
        summary.add(new Summary("3b. CRC-64 (xz-java) throughput", Stats.f(r.xzCrc64(), 2) + " GB/s",
                Stats.f(r.slicing8Crc64(), 2) + " GB/s (slicing-by-8)", Stats.ratio(r.xzCrc64() / r.slicing8Crc64()),
                "several GB/s", crcFast ? "met" : "missed"));
        Section s = new Section(TITLE)
                .text("A 1 MiB random buffer hashed 1,024 times (1 GiB); one warm-up pass of 512 MiB, then the best "
                        + "of three timed passes, in one JVM thread. GB/s is 10^9 bytes per second. The slicing-by-8 "
                        + "CRC-64 exists only in this benchmark, as a yardstick; it " + (r.crcAgree() ? "agrees" : "DOES NOT agree")
                        + " with xz-java on the test buffer. The last column is the hash's speed divided by curl's "
                        + "loopback download speed measured in 3a: above 1 means the hash alone could keep up.")
                .table(table)
                .verdict("CRC-64 at several GB/s (table-driven)", crcFast,
                        "xz-java " + Stats.f(r.xzCrc64(), 2) + " GB/s, slicing-by-8 " + Stats.f(r.slicing8Crc64(), 2) + " GB/s");
        if (!crcFast) {
            s.text("xz-java's CRC64 runs below the \"several GB/s\" target on this machine; the slicing-by-8 "
                    + "yardstick shows what a table-driven implementation reaches here ("
                    + Stats.ratio(r.slicing8Crc64() / r.xzCrc64()) + " of xz-java). Whether that matters depends on "
                    + "the download speed: see the last column.");
        }
        return s;
    }

    private static void row(Table t, String name, double gbps, HashThroughputBenchmark.Result r, double downloadGbps) {
        t.row(name, Stats.f(gbps, 2), Stats.ratio(gbps / r.memoryScan()),
                Double.isNaN(downloadGbps) ? "n/a" : Stats.ratio(gbps / downloadGbps));
    }

    private static String shaProvider() {
        try {
            return java.security.MessageDigest.getInstance("SHA-256").getProvider().getName();
        } catch (Exception e) {
            return "?";
        }
    }
}
