package io.jenkins.plugins.dataworks.engine.download;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * The hidden temporary file a download streams into, beside the final file (same file system, so
 * the final rename is atomic). Its digests are computed beside it, by a {@link HashPipeline}.
 *
 * <p>The bytes must be durable before the rename. Left to the end, that one {@code fsync} writes the
 * whole package to disk while nothing else happens (on the benchmark machine about a second per GiB,
 * a third of the download). So every {@link #FLUSH_EVERY} bytes a flusher thread of its own asks the
 * disk for what has been written so far ({@code fdatasync}), while the reads go on; the final
 * {@link #moveTo} then forces only the tail and the metadata.
 */
final class PartFile implements AutoCloseable {

    /** Keeps {@code .<name>.part-<16 hex>} under 255 bytes whatever the final name. */
    private static final int NAME_CODE_POINTS_KEPT = 48;

    /** Bytes appended between two background flushes. */
    static final long FLUSH_EVERY = 32L << 20;

    private final Path path;
    private final FileChannel channel;
    private long size;
    /** {@link #size} when the last background flush was asked for. Only the writing thread uses it. */
    private long flushAskedAt;
    private final Object flushLock = new Object();
    /** Guarded by flushLock. */
    private Thread flusher;
    private boolean flushWanted;
    private boolean stopped;
    private int backgroundFlushes;

    private PartFile(Path path, FileChannel channel) {
        this.path = path;
        this.channel = channel;
    }

    /** Creates a new, empty part file; fails when the directory is not writable. */
    static PartFile createIn(Path directory, String fileName, SecureRandom random) throws IOException {
        String stem = fileName.codePoints().limit(NAME_CODE_POINTS_KEPT)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
        byte[] suffix = new byte[8];
        for (int attempt = 0; ; attempt++) {
            random.nextBytes(suffix);
            Path path = directory.resolve("." + stem + ".part-" + HexFormat.of().formatHex(suffix));
            try {
                return new PartFile(path, FileChannel.open(path, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE));
            } catch (FileAlreadyExistsException e) {
                if (attempt > 3) {
                    throw e;
                }
            }
        }
    }

    void append(byte[] buffer, int length) throws IOException {
        ByteBuffer bytes = ByteBuffer.wrap(buffer, 0, length);
        while (bytes.hasRemaining()) {
            channel.write(bytes);
        }
        size += length;
        if (size - flushAskedAt >= FLUSH_EVERY) {
            flushAskedAt = size;
            askFlush();
        }
    }

    /** Wakes the flusher (started on first use); a request while one flush runs makes one more. */
    private void askFlush() {
        synchronized (flushLock) {
            if (stopped) {
                return;
            }
            flushWanted = true;
            if (flusher == null) {
                flusher = new Thread(this::flushBehind, "dataworks-download-flush");
                flusher.setDaemon(true);
                flusher.start();
            }
            flushLock.notifyAll();
        }
    }

    private void flushBehind() {
        while (true) {
            synchronized (flushLock) {
                while (!flushWanted && !stopped) {
                    try {
                        flushLock.wait();
                    } catch (InterruptedException e) {
                        return;
                    }
                }
                if (stopped) {
                    return;
                }
                flushWanted = false;
                backgroundFlushes++;
            }
            try {
                channel.force(false);
            } catch (IOException e) {
                // Closed under it, or a disk error: the final force in moveTo reports what matters.
                return;
            }
        }
    }

    /** Background flushes started so far (for tests). */
    int backgroundFlushes() {
        synchronized (flushLock) {
            return backgroundFlushes;
        }
    }

    /** The flusher starts no flush after this; one in hand finishes first (closing the channel waits for it). */
    private void stopFlusher() {
        synchronized (flushLock) {
            stopped = true;
            flushLock.notifyAll();
        }
    }

    /** Back to empty, for starting over when the server would not continue where we stopped. */
    void reset() throws IOException {
        channel.truncate(0);
        channel.position(0);
        size = 0;
        flushAskedAt = 0;
    }

    long size() {
        return size;
    }

    Path path() {
        return path;
    }

    /** Makes the bytes durable and renames the file into place, replacing an older one atomically. */
    void moveTo(Path target) throws IOException {
        stopFlusher();
        channel.force(true);
        channel.close();
        try {
            Files.move(path, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(path, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** Closes and deletes the part file if it is still there; never throws. */
    @Override
    public void close() {
        stopFlusher();
        try {
            channel.close();
        } catch (IOException ignored) {
            // deleting matters more than a clean close
        }
        try {
            Files.deleteIfExists(path);
        } catch (IOException ignored) {
            // nothing more we can do; the name is hidden and says .part
        }
    }
}
