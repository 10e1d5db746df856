package io.jenkins.plugins.dataworks.engine.download;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.dataworks.engine.error.InvalidInputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DownloadDirectoryTest {

    @TempDir
    Path tmp;

    @Test
    void anExistingWritableDirectoryPassesAndIsLeftAsItWas() throws IOException {
        assertThat(DownloadDirectory.check(tmp)).isEqualTo(tmp.toAbsolutePath().normalize());
        try (Stream<Path> files = Files.list(tmp)) {
            assertThat(files).isEmpty();
        }
    }

    @Test
    void aMissingDirectoryUnderAWritableOneIsNotCreated() {
        Path missing = tmp.resolve("a/b/c");

        assertThat(DownloadDirectory.check(missing)).isEqualTo(missing);
        assertThat(tmp.resolve("a")).doesNotExist();
    }

    @Test
    void aFileIsNotADirectory() throws IOException {
        Path file = Files.writeString(tmp.resolve("file"), "x");

        assertThatThrownBy(() -> DownloadDirectory.check(file))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("downloadDir " + file + " is not a directory: give a directory, which is created when missing");
    }

    @Test
    void aDirectoryUnderAFileNamesTheParent() throws IOException {
        Path file = Files.writeString(tmp.resolve("file"), "x");
        Path below = file.resolve("sub");

        assertThatThrownBy(() -> DownloadDirectory.check(below))
                .hasMessage("downloadDir " + below + " is not a directory (its parent " + file
                        + "): give a directory, which is created when missing");
    }

    @Test
    void anUnwritableDirectoryIsRefusedWithoutLeavingAProbe() throws IOException {
        Path locked = UnwritableDirectory.find(tmp);

        assertThatThrownBy(() -> DownloadDirectory.check(locked))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("downloadDir " + locked + " is not writable: choose a directory you can write to");
    }

    @Test
    void nothingGiven() {
        assertThatThrownBy(() -> DownloadDirectory.check(null))
                .hasMessage("downloadDir must be given: choose the directory for the package");
    }
}
