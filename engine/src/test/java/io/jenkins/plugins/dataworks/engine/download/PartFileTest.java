package io.jenkins.plugins.dataworks.engine.download;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The part file's flush-behind: several background flushes, then the rename, reset or delete. */
class PartFileTest {

    private static final int CHUNK = 1 << 20;
    /** Enough bytes for three background flushes and a tail. */
    private static final long BYTES = 3 * PartFile.FLUSH_EVERY + CHUNK / 2;

    @TempDir
    Path tmp;

    @Test
    void bytesWrittenAcrossBackgroundFlushesArriveWholeAndTheFlusherEnds() throws Exception {
        MessageDigest written = MessageDigest.getInstance("SHA-256");
        PartFile part = PartFile.createIn(tmp, "p.zip", new SecureRandom());
        try (part) {
            append(part, BYTES, written);
            awaitBackgroundFlush(part);
            part.moveTo(tmp.resolve("p.zip"));
        }

        assertThat(entries()).containsExactly("p.zip");
        assertThat(Files.size(tmp.resolve("p.zip"))).isEqualTo(BYTES);
        assertThat(sha256(tmp.resolve("p.zip"))).isEqualTo(HexFormat.of().formatHex(written.digest()));
        assertFlusherEnds();
    }

    @Test
    void aResetAfterBackgroundFlushesStartsTheFileOver() throws Exception {
        MessageDigest written = MessageDigest.getInstance("SHA-256");
        try (PartFile part = PartFile.createIn(tmp, "p.zip", new SecureRandom())) {
            append(part, 2 * PartFile.FLUSH_EVERY, MessageDigest.getInstance("SHA-256"));
            part.reset();
            append(part, BYTES, written);
            part.moveTo(tmp.resolve("p.zip"));
        }

        assertThat(Files.size(tmp.resolve("p.zip"))).isEqualTo(BYTES);
        assertThat(sha256(tmp.resolve("p.zip"))).isEqualTo(HexFormat.of().formatHex(written.digest()));
        assertFlusherEnds();
    }

    @Test
    void closingWhileFlushingLeavesNothingAndTheFlusherEnds() throws Exception {
        try (PartFile part = PartFile.createIn(tmp, "p.zip", new SecureRandom())) {
            append(part, BYTES, MessageDigest.getInstance("SHA-256"));
        }

        assertThat(entries()).isEmpty();
        assertFlusherEnds();
    }

    private static void append(PartFile part, long bytes, MessageDigest digest) throws IOException {
        byte[] chunk = new byte[CHUNK];
        Random random = new Random(bytes);
        for (long done = 0; done < bytes; ) {
            int n = (int) Math.min(chunk.length, bytes - done);
            random.nextBytes(chunk);
            part.append(chunk, n);
            digest.update(chunk, 0, n);
            done += n;
        }
    }

    private static void awaitBackgroundFlush(PartFile part) throws InterruptedException {
        for (int i = 0; i < 500 && part.backgroundFlushes() == 0; i++) {
            Thread.sleep(10);
        }
        assertThat(part.backgroundFlushes()).isPositive();
    }

    private static void assertFlusherEnds() throws InterruptedException {
        List<Thread> flushers = Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().equals("dataworks-download-flush")).toList();
        for (Thread t : flushers) {
            t.join(5_000);
        }
        assertThat(flushers).noneMatch(Thread::isAlive);
    }

    private static String sha256(Path file) throws Exception {
        MessageDigest md = MessageDigest.getInstance("SHA-256");
        md.update(Files.readAllBytes(file));
        return HexFormat.of().formatHex(md.digest());
    }

    private List<String> entries() throws IOException {
        try (Stream<Path> files = Files.list(tmp)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
