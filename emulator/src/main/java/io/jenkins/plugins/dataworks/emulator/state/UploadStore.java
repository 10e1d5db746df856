package io.jenkins.plugins.dataworks.emulator.state;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * Objects uploaded with PostObject, kept as files in a temporary directory the emulator owns (an
 * upload may be a GiB: never in heap). The directory is made on first use and deleted on close.
 */
public final class UploadStore implements AutoCloseable {

    /** A stored object; {@code crc64} is CRC-64/XZ of its bytes, computed while they arrived. */
    public record StoredObject(String bucket, String key, long size, long crc64, Path file) {
        /** The OSS ETag of the object (quoted hex), derived like the export packages' ETags. */
        public String etag() {
            return String.format("\"%016X%016X\"", crc64, size);
        }
    }

    private final Map<String, StoredObject> objects = new ConcurrentHashMap<>();
    private Path directory;
    private boolean closed;

    /** A new empty file in the store's directory for an upload in progress; the caller deletes or {@link #put}s it. */
    public synchronized Path newTempFile() throws IOException {
        if (closed) {
            throw new IOException("the emulator is closed");
        }
        if (directory == null) {
            directory = Files.createTempDirectory("dataworks-emulator-uploads-");
        }
        return Files.createTempFile(directory, "upload-", ".part");
    }

    /** Makes {@code tempFile} the object {@code bucket/key}, replacing (and deleting) an earlier one. */
    public synchronized StoredObject put(String bucket, String key, Path tempFile, long size, long crc64) throws IOException {
        if (closed) {
            Files.deleteIfExists(tempFile);
            throw new IOException("the emulator is closed");
        }
        Path file = Files.move(tempFile, tempFile.resolveSibling(tempFile.getFileName().toString().replace(".part", ".obj")),
                StandardCopyOption.ATOMIC_MOVE);
        StoredObject object = new StoredObject(bucket, key, size, crc64, file);
        StoredObject previous = objects.put(bucket + "/" + key, object);
        if (previous != null) {
            Files.deleteIfExists(previous.file());
        }
        return object;
    }

    public Optional<StoredObject> get(String bucket, String key) {
        return Optional.ofNullable(objects.get(bucket + "/" + key));
    }

    /** The bytes of a stored object; the stream stays readable even if the object is replaced meanwhile. */
    public synchronized Optional<InputStream> open(String bucket, String key) {
        StoredObject object = objects.get(bucket + "/" + key);
        if (object == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(Files.newInputStream(object.file()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The directory holding the objects, if one was made yet. */
    public synchronized Optional<Path> directory() {
        return Optional.ofNullable(directory);
    }

    /** Deletes every object and the directory. Idempotent. */
    @Override
    public synchronized void close() {
        closed = true;
        objects.clear();
        if (directory == null) {
            return;
        }
        try (Stream<Path> files = Files.list(directory)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                Files.deleteIfExists(f);
            }
            Files.deleteIfExists(directory);
        } catch (IOException e) {
            // Best effort: closing the emulator must not fail because of a leftover temporary file.
            System.getLogger("io.jenkins.plugins.dataworks.emulator.oss")
                    .log(System.Logger.Level.WARNING, "cannot delete the upload directory " + directory, e);
        }
    }
}
