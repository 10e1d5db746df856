package io.jenkins.plugins.dataworks.cli;

import static io.jenkins.plugins.dataworks.cli.TestScenario.array;
import static io.jenkins.plugins.dataworks.cli.TestScenario.waitArgs;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.Gson;
import com.google.gson.JsonObject;
import io.jenkins.plugins.dataworks.emulator.junit.DataWorksEmulatorExtension;
import io.jenkins.plugins.dataworks.emulator.scenario.DownloadFault;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Ctrl-C, as the shutdown hook delivers it: the wait or the download stops, nothing is left, exit 130. */
class CancellationTest {

    @RegisterExtension
    final DataWorksEmulatorExtension emulator = TestScenario.extension();

    @TempDir
    Path tmp;

    @Test
    void cancelDuringTheWaitStopsPollingAndExits130() {
        CliRun cli = new CliRun(tmp.resolve("home")).credentials(TestScenario.KEY_ID, TestScenario.SECRET);
        // Cancel right after the third poll, from the wait's own thread: deterministic, no timing.
        cli.runtime(() -> new VirtualTimeRuntime(tasks -> {
            if (tasks == 3) {
                cli.cancellation().cancel();
            }
        }));

        CliRun.Result r = cli.run(array(waitArgs(emulator, TestScenario.NEVER_ENDS, "--output", "json")));

        assertThat(r.exitCode()).as(r.err()).isEqualTo(ExitCodes.CANCELLED);
        JsonObject j = new Gson().fromJson(r.out(), JsonObject.class);
        assertThat(j.get("result").getAsString()).isEqualTo("CANCELLED");
        assertThat(emulator.emulator().callCount("GetMigrationSummary")).isEqualTo(3);
    }

    @Test
    void cancelDuringTheDownloadRemovesThePartialFile() throws Exception {
        emulator.emulator().inject(DownloadFault.stallAfter(100 * 1024));
        Path downloads = tmp.resolve("out");
        CountDownLatch downloading = new CountDownLatch(1);
        Writer watcher = new StringWriter() {
            @Override
            public void write(char[] chars, int off, int len) {
                if (new String(chars, off, len).contains("downloading the export package")) {
                    downloading.countDown();
                }
            }
        };
        CliRun cli = new CliRun(tmp.resolve("home")).credentials(TestScenario.KEY_ID, TestScenario.SECRET).terminal(watcher);

        CompletableFuture<CliRun.Result> run = CompletableFuture.supplyAsync(() -> cli.run(array(waitArgs(emulator,
                TestScenario.EXPORT_OK, "--download-dir", downloads.toString(), "--output", "json"))));
        assertThat(downloading.await(30, TimeUnit.SECONDS)).isTrue();
        awaitPartialFile(downloads); // the transfer has written bytes and now stalls
        cli.cancellation().cancel();
        CliRun.Result r = run.get(30, TimeUnit.SECONDS);

        assertThat(r.exitCode()).as(r.err()).isEqualTo(ExitCodes.CANCELLED);
        assertThat(new Gson().fromJson(r.out(), JsonObject.class).get("result").getAsString()).isEqualTo("CANCELLED");
        assertThat(TestScenario.entries(downloads)).isEmpty();
        assertThat(Files.exists(downloads)).as("the directory the download created").isFalse();
    }

    /** Waits for a state (a partial file on disk), not for time; gives up after 30 s. */
    private static void awaitPartialFile(Path dir) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (TestScenario.entries(dir).stream().noneMatch(p -> p.getFileName().toString().startsWith("."))) {
            assertThat(System.nanoTime()).as("a partial file appears").isLessThan(deadline);
            Thread.onSpinWait();
        }
        while (TestScenario.entries(dir).stream().allMatch(p -> sizeOf(p) == 0)) {
            assertThat(System.nanoTime()).as("the partial file gets bytes").isLessThan(deadline);
            Thread.onSpinWait();
        }
    }

    private static long sizeOf(Path p) {
        try {
            return Files.size(p);
        } catch (java.io.IOException e) {
            return 0;
        }
    }
}
