package io.jenkins.plugins.dataworks.engine.download;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * A directory this process cannot create files in. A read-only permission set stops ordinary users;
 * root ignores it, so as root fall back to /sys (sysfs refuses new files to everyone).
 */
final class UnwritableDirectory {

    private UnwritableDirectory() {}

    static Path find(Path scratch) throws IOException {
        Path readOnly = Files.createDirectory(scratch.resolve("read-only"));
        try {
            Files.setPosixFilePermissions(readOnly, PosixFilePermissions.fromString("r-xr-xr-x"));
            if (!canCreateFileIn(readOnly)) {
                return readOnly;
            }
        } catch (UnsupportedOperationException notPosix) {
            // Windows: fall through
        }
        Path sys = Path.of("/sys");
        assumeTrue(Files.isDirectory(sys) && !canCreateFileIn(sys), "no unwritable directory available here");
        return sys;
    }

    private static boolean canCreateFileIn(Path dir) {
        try {
            Files.delete(Files.createTempFile(dir, "probe", ".tmp"));
            return true;
        } catch (IOException | UnsupportedOperationException e) {
            return false;
        }
    }
}
