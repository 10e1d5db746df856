package io.jenkins.plugins.dataworks.emulator.oss;

import java.util.Objects;

/** An in-memory package. The array is copied so callers cannot change it afterwards. */
final class BytesPackage implements PackageSource {

    private final byte[] bytes;
    private final long crc;

    BytesPackage(byte[] bytes) {
        this.bytes = Objects.requireNonNull(bytes, "bytes").clone();
        this.crc = Crc64.of(this.bytes);
    }

    @Override
    public long size() {
        return bytes.length;
    }

    @Override
    public void read(long offset, byte[] buffer, int bufferOffset, int length) {
        System.arraycopy(bytes, Math.toIntExact(offset), buffer, bufferOffset, length);
    }

    @Override
    public long crc64() {
        return crc;
    }

    @Override
    public String describe() {
        return "bytes(" + bytes.length + ")";
    }
}
