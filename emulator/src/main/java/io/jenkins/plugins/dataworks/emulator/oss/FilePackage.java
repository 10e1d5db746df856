package io.jenkins.plugins.dataworks.emulator.oss;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Objects;

/** A package read from a file on demand (positional reads, so concurrent downloads do not interfere). */
final class FilePackage implements PackageSource {

    private final Path file;
    private final long size;
    private final LazyCrc64 crc;

    FilePackage(Path file) {
        this.file = Objects.requireNonNull(file, "file");
        try {
            this.size = Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read package file " + file, e);
        }
        this.crc = new LazyCrc64(this);
    }

    @Override
    public long size() {
        return size;
    }

    @Override
    public void read(long offset, byte[] buffer, int bufferOffset, int length) {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            ByteBuffer target = ByteBuffer.wrap(buffer, bufferOffset, length);
            long pos = offset;
            while (target.hasRemaining()) {
                int n = channel.read(target, pos);
                if (n < 0) {
                    throw new IOException("package file shrank: " + file);
                }
                pos += n;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public long crc64() {
        return crc.get();
    }

    @Override
    public String describe() {
        return "file(" + file.getFileName() + "," + size + ")";
    }
}
