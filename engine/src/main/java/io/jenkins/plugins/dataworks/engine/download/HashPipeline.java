package io.jenkins.plugins.dataworks.engine.download;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.concurrent.ThreadFactory;
import java.util.zip.Checksum;

/**
 * SHA-256 and CRC-64 of the downloaded bytes, each computed on a thread of its own so that hashing
 * overlaps the reads and writes instead of following them. The reader hands over bytes through a
 * small ring of reusable buffers (constant memory): it {@link #claim()}s a buffer, fills it and
 * {@link #publish}es it; a buffer comes back once both hashers are done with it.
 *
 * <p>Not reusable after {@link #close()}. One reader thread; {@link #close()} may be called from
 * any thread and wakes a reader waiting for a buffer.
 */
final class HashPipeline implements AutoCloseable {

    /** Enough slack (2 MiB) that a hasher descheduled for a few milliseconds does not stall the reads. */
    static final int SLOTS = 8;
    static final int SLOT_BYTES = 256 * 1024;

    private final byte[][] slots;
    private final int[] lengths;
    private final MessageDigest sha256;
    private final Checksum crc64;
    private final Hasher[] hashers;
    private final Object lock = new Object();
    /** Buffers published so far; slot {@code n % SLOTS} holds the n-th. Guarded by lock. */
    private long published;
    private boolean closed;
    private Throwable failure;

    HashPipeline(ThreadFactory threads) {
        this(threads, SLOTS, SLOT_BYTES, sha256(), new Crc64Xz());
    }

    HashPipeline(ThreadFactory threads, int slotCount, int slotBytes, MessageDigest sha256, Checksum crc64) {
        this.slots = new byte[slotCount][slotBytes];
        this.lengths = new int[slotCount];
        this.sha256 = sha256;
        this.crc64 = crc64;
        this.hashers = new Hasher[] {
            new Hasher("SHA-256", sha256::update, sha256::reset),
            new Hasher("CRC-64", crc64::update, crc64::reset),
        };
        for (Hasher hasher : hashers) {
            threads.newThread(hasher::run).start();
        }
    }

    /**
     * The next buffer to fill; waits until the hashers have let go of it. Calling again without
     * {@link #publish} returns the same buffer.
     *
     * @throws IllegalStateException when a hasher failed or the pipeline was closed
     */
    byte[] claim() throws InterruptedException {
        synchronized (lock) {
            while (published - slowestConsumed() >= slots.length) {
                requireRunning();
                lock.wait();
            }
            requireRunning();
            return slots[(int) (published % slots.length)];
        }
    }

    /** Hands the claimed buffer, its first {@code length} bytes, to the hashers. */
    void publish(int length) {
        synchronized (lock) {
            requireRunning();
            lengths[(int) (published % slots.length)] = length;
            published++;
            lock.notifyAll();
        }
    }

    /** Forgets every byte so far, for a download that starts over; waits for the hashers first. */
    void reset() throws InterruptedException {
        synchronized (lock) {
            awaitDrained();
            for (Hasher hasher : hashers) {
                hasher.reset.run();
            }
        }
    }

    /** The digests of every byte published since the start (or the last reset); call once, at the end. */
    Digests finish() throws InterruptedException {
        synchronized (lock) {
            awaitDrained();
            Digests digests = new Digests(HexFormat.of().formatHex(sha256.digest()), crc64.getValue());
            close();
            return digests;
        }
    }

    /** Stops the hashers (they finish the buffer in hand) and wakes a waiting reader. Never throws. */
    @Override
    public void close() {
        synchronized (lock) {
            closed = true;
            lock.notifyAll();
        }
    }

    private void awaitDrained() throws InterruptedException {
        while (slowestConsumed() < published) {
            requireRunning();
            lock.wait();
        }
        requireRunning();
    }

    private long slowestConsumed() {
        long slowest = Long.MAX_VALUE;
        for (Hasher hasher : hashers) {
            slowest = Math.min(slowest, hasher.consumed);
        }
        return slowest;
    }

    private void requireRunning() {
        if (failure != null) {
            throw new IllegalStateException(failure.getMessage(), failure.getCause());
        }
        if (closed) {
            throw new IllegalStateException("hashing was stopped");
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    record Digests(String sha256, long crc64) {}

    /** What a hasher does with bytes. */
    private interface Update {
        void update(byte[] bytes, int offset, int length);
    }

    /** One digest and the thread that feeds it, one published buffer after another. */
    private final class Hasher {

        final String name;
        final Update update;
        final Runnable reset;
        /** Buffers this hasher is done with. Guarded by lock. */
        long consumed;

        Hasher(String name, Update update, Runnable reset) {
            this.name = name;
            this.update = update;
            this.reset = reset;
        }

        void run() {
            try {
                while (true) {
                    int slot;
                    synchronized (lock) {
                        while (consumed == published && !closed && failure == null) {
                            lock.wait();
                        }
                        if (closed || failure != null) {
                            return;
                        }
                        slot = (int) (consumed % slots.length);
                    }
                    // Outside the lock: the reader does not touch this slot until consumed moves past it.
                    update.update(slots[slot], 0, lengths[slot]);
                    synchronized (lock) {
                        consumed++;
                        lock.notifyAll();
                    }
                }
            } catch (InterruptedException | RuntimeException | Error e) {
                fail(e);
            }
        }

        private void fail(Throwable e) {
            synchronized (lock) {
                if (failure == null && !closed) {
                    failure = new IllegalStateException("hashing the package failed: " + name + ": " + e, e);
                }
                lock.notifyAll();
            }
        }

    }
}
