package io.jenkins.plugins.dataworks.engine.download;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.zip.Checksum;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class HashPipelineTest {

    private final List<Thread> started = new CopyOnWriteArrayList<>();
    private final ThreadFactory threads = task -> {
        Thread t = new Thread(task, "hash-pipeline-test");
        t.setDaemon(true);
        started.add(t);
        return t;
    };

    @AfterEach
    void hashersEnd() throws InterruptedException {
        for (Thread t : started) {
            t.join(5_000);
        }
        assertThat(started).hasSize(2).noneMatch(Thread::isAlive);
    }

    @Test
    void digestsEveryPublishedByteInOrderThroughAFewSmallBuffers() throws Exception {
        byte[] data = randomBytes(100_003);
        HashPipeline pipeline = new HashPipeline(threads, 3, 1000, MessageDigest.getInstance("SHA-256"), new Crc64Xz());

        feed(pipeline, data, 777); // many more pieces than buffers: the ring is reused

        HashPipeline.Digests digests = pipeline.finish();
        assertThat(digests.sha256()).isEqualTo(sha256(data));
        assertThat(digests.crc64()).isEqualTo(crc64(data));
    }

    @Test
    void resetForgetsTheBytesBeforeIt() throws Exception {
        byte[] discarded = randomBytes(50_000);
        byte[] kept = randomBytes(30_000);
        HashPipeline pipeline = new HashPipeline(threads, 4, 4096, MessageDigest.getInstance("SHA-256"), new Crc64Xz());

        feed(pipeline, discarded, 4096);
        pipeline.reset();
        feed(pipeline, kept, 1500);

        HashPipeline.Digests digests = pipeline.finish();
        assertThat(digests.sha256()).isEqualTo(sha256(kept));
        assertThat(digests.crc64()).isEqualTo(crc64(kept));
    }

    @Test
    void aClaimWithoutPublishHandsOutTheSameBuffer() throws Exception {
        try (HashPipeline pipeline = new HashPipeline(threads, 2, 16, MessageDigest.getInstance("SHA-256"), new Crc64Xz())) {
            byte[] first = pipeline.claim();
            assertThat(pipeline.claim()).isSameAs(first);
            pipeline.publish(0);
            assertThat(pipeline.claim()).isNotSameAs(first);
        }
    }

    @Test
    void aHasherThatFailsStopsTheReaderAndTheOtherHasher() throws Exception {
        Checksum broken = crc64Before(() -> {
            throw new IllegalArgumentException("disk of the hasher on fire");
        });
        HashPipeline pipeline = new HashPipeline(threads, 2, 64, MessageDigest.getInstance("SHA-256"), broken);
        pipeline.claim();
        pipeline.publish(64);

        // The failing hasher never frees its buffer: the reader's next claims wait, then fail.
        assertThatThrownBy(() -> {
            for (int i = 0; i < 3; i++) {
                pipeline.claim();
                pipeline.publish(64);
            }
        }).isInstanceOf(IllegalStateException.class).hasMessageContaining("CRC-64").hasMessageContaining("on fire");
        assertThatThrownBy(pipeline::finish).isInstanceOf(IllegalStateException.class);
        pipeline.close();
    }

    @Test
    void closeWakesAReaderWaitingForABusyHasher() throws Exception {
        CountDownLatch hashing = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Checksum slow = crc64Before(() -> {
            hashing.countDown();
            awaitQuietly(release);
        });
        HashPipeline pipeline = new HashPipeline(threads, 1, 8, MessageDigest.getInstance("SHA-256"), slow);
        pipeline.claim();
        pipeline.publish(8);
        assertThat(hashing.await(10, TimeUnit.SECONDS)).isTrue();

        AtomicReference<Throwable> readerSaw = new AtomicReference<>();
        Thread reader = new Thread(() -> {
            try {
                pipeline.claim(); // the only buffer is still being hashed
            } catch (Throwable e) {
                readerSaw.set(e);
            }
        });
        reader.start();
        awaitWaiting(reader);
        pipeline.close();
        reader.join(10_000);

        assertThat(reader.isAlive()).isFalse();
        assertThat(readerSaw.get()).isInstanceOf(IllegalStateException.class).hasMessageContaining("stopped");
        release.countDown(); // the busy hasher finishes its buffer and ends
    }

    @Test
    void anInterruptedReaderStopsWaitingForABuffer() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        Checksum stuck = crc64Before(() -> awaitQuietly(release));
        try (HashPipeline pipeline = new HashPipeline(threads, 1, 8, MessageDigest.getInstance("SHA-256"), stuck)) {
            pipeline.claim();
            pipeline.publish(8);
            AtomicReference<Throwable> readerSaw = new AtomicReference<>();
            Thread reader = new Thread(() -> {
                try {
                    pipeline.claim();
                } catch (Throwable e) {
                    readerSaw.set(e);
                }
            });
            reader.start();
            awaitWaiting(reader);
            reader.interrupt();
            reader.join(10_000);
            assertThat(readerSaw.get()).isInstanceOf(InterruptedException.class);
        } finally {
            release.countDown();
        }
    }

    private static void feed(HashPipeline pipeline, byte[] data, int piece) throws InterruptedException {
        for (int off = 0; off < data.length; ) {
            byte[] buffer = pipeline.claim();
            int n = Math.min(Math.min(piece, buffer.length), data.length - off);
            System.arraycopy(data, off, buffer, 0, n);
            pipeline.publish(n);
            off += n;
        }
    }

    /** A CRC-64 that runs the hook before each update (to fail or to stall the hasher). */
    private static Checksum crc64Before(Runnable hook) {
        Crc64Xz crc = new Crc64Xz();
        return new Checksum() {
            @Override
            public void update(int b) {
                hook.run();
                crc.update(b);
            }

            @Override
            public void update(byte[] bytes, int offset, int length) {
                hook.run();
                crc.update(bytes, offset, length);
            }

            @Override
            public long getValue() {
                return crc.getValue();
            }

            @Override
            public void reset() {
                crc.reset();
            }
        };
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Waits (without a clock) until the thread blocks in a wait. */
    private static void awaitWaiting(Thread t) {
        while (t.getState() != Thread.State.WAITING && t.getState() != Thread.State.TIMED_WAITING && t.isAlive()) {
            Thread.onSpinWait();
        }
    }

    private static byte[] randomBytes(int n) {
        byte[] bytes = new byte[n];
        new Random(n).nextBytes(bytes);
        return bytes;
    }

    private static String sha256(byte[] data) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
    }

    private static long crc64(byte[] data) {
        Crc64Xz crc = new Crc64Xz();
        crc.update(data, 0, data.length);
        return crc.getValue();
    }
}
