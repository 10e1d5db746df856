package io.jenkins.plugins.dataworks.benchmarks;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.SplittableRandom;
import org.tukaani.xz.check.CRC64;

/**
 * Benchmark 3b: what verification costs. Hashes 1 GiB (a 1 MiB buffer, over and over) with the
 * engine's CRC-64 (what the downloader uses), SHA-256 (MessageDigest) and, as yardsticks, xz-java's
 * CRC64, a plain slicing-by-8 CRC-64, the JDK's CRC-32C and a scan. Best of three timed passes after a warm-up pass, in this JVM.
 */
final class HashThroughputBenchmark {

    static final long BYTES = 1L << 30;
    private static final int BUFFER = 1 << 20;

    /** One hash: GB per CPU second of the hashing thread (robust to other load) and GB per wall second. */
    record Speed(double cpuGbps, double wallGbps) {}

    /** Speeds of each hash. */
    /**
     * @param engineCrc64 the engine's own CRC-64 (what the downloader uses); null if the engine has none
     * @param crcAgree whether every CRC-64 implementation gave xz-java's value on the test buffer
     */
    record Result(Speed engineCrc64, Speed xzCrc64, Speed slicing8Crc64, Speed sha256, Speed memoryScan, Speed crc32c,
            boolean crcAgree) {}

    interface Hash {
        void update(byte[] b, int off, int len);
    }

    static Result run() throws NoSuchAlgorithmException {
        byte[] buffer = new byte[BUFFER];
        new SplittableRandom(42).nextBytes(buffer);
        boolean agree = crcAgree(buffer);
        Speed engine = EngineCrc64.create().isPresent()
                ? best(() -> EngineCrc64.create().orElseThrow()::update, buffer) : null;
        Speed xz = best(() -> new CRC64()::update, buffer);
        Speed s8 = best(() -> new Crc64Slicing8()::update, buffer);
        Speed sha = best(() -> sha256()::update, buffer);
        Speed scan = best(MemoryScan::new, buffer);
        Speed c32 = best(() -> new java.util.zip.CRC32C()::update, buffer);
        return new Result(engine, xz, s8, sha, scan, c32, agree);
    }

    private static boolean crcAgree(byte[] buffer) {
        CRC64 xz = new CRC64();
        Crc64Slicing8 s8 = new Crc64Slicing8();
        xz.update(buffer, 3, buffer.length - 3);
        s8.update(buffer, 3, buffer.length - 3);
        byte[] le = xz.finish();
        long value = 0;
        for (int i = le.length - 1; i >= 0; i--) {
            value = (value << 8) | (le[i] & 0xFF);
        }
        long xzValue = value;
        boolean engineAgrees = EngineCrc64.create().map(c -> {
            c.update(buffer, 3, buffer.length - 3);
            return c.getValue() == xzValue;
        }).orElse(true);
        return xzValue == s8.value() && engineAgrees;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Speed best(java.util.function.Supplier<Hash> factory, byte[] buffer) {
        var threads = java.lang.management.ManagementFactory.getThreadMXBean();
        pass(factory.get(), buffer, BYTES / 2);
        double bestCpu = 0;
        double bestWall = 0;
        for (int i = 0; i < 3; i++) {
            long cpu0 = threads.getCurrentThreadCpuTime();
            long start = System.nanoTime();
            pass(factory.get(), buffer, BYTES);
            double wall = (System.nanoTime() - start) / 1e9;
            double cpu = (threads.getCurrentThreadCpuTime() - cpu0) / 1e9;
            bestWall = Math.max(bestWall, BYTES / wall / 1e9);
            bestCpu = Math.max(bestCpu, BYTES / cpu / 1e9);
        }
        return new Speed(bestCpu, bestWall);
    }

    private static void pass(Hash hash, byte[] buffer, long bytes) {
        for (long done = 0; done < bytes; done += buffer.length) {
            hash.update(buffer, 0, buffer.length);
        }
    }

    /** A reference: reading the buffer a word at a time and folding it into one long, so the JIT cannot drop the loop. */
    private static final class MemoryScan implements Hash {
        private static final java.lang.invoke.VarHandle LONG_LE = java.lang.invoke.MethodHandles
                .byteArrayViewVarHandle(long[].class, java.nio.ByteOrder.LITTLE_ENDIAN);
        static volatile long sink;
        private long acc;

        @Override
        public void update(byte[] b, int off, int len) {
            long a = acc;
            for (int i = off; i + 8 <= off + len; i += 8) {
                a ^= (long) LONG_LE.get(b, i);
            }
            acc = a;
            sink = a;
        }
    }
}
