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
 */
final class PartFile implements AutoCloseable {

    /** Keeps {@code .<name>.part-<16 hex>} under 255 bytes whatever the final name. */
    private static final int NAME_CODE_POINTS_KEPT = 48;

    private final Path path;
    private final FileChannel channel;
    private long size;

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
    }

    /** Back to empty, for starting over when the server would not continue where we stopped. */
    void reset() throws IOException {
        channel.truncate(0);
        channel.position(0);
        size = 0;
    }

    long size() {
        return size;
    }

    Path path() {
        return path;
    }

    /** Makes the bytes durable and renames the file into place, replacing an older one atomically. */
    void moveTo(Path target) throws IOException {
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
