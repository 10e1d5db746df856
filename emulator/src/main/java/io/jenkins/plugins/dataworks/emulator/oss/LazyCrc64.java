package io.jenkins.plugins.dataworks.emulator.oss;

/**
 * The CRC-64 of a package too large to hash when the emulator starts: computed on first use (about
 * a second per GiB), exactly once, whichever download asks first.
 */
final class LazyCrc64 {

    private final PackageSource source;
    private volatile Long value;

    LazyCrc64(PackageSource source) {
        this.source = source;
    }

    long get() {
        Long crc = value;
        if (crc == null) {
            synchronized (this) {
                crc = value;
                if (crc == null) {
                    crc = Crc64.of(source);
                    value = crc;
                }
            }
        }
        return crc;
    }
}
