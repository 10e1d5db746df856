package io.jenkins.plugins.dataworks.engine.download;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.dataworks.emulator.DataWorksEmulator;
import io.jenkins.plugins.dataworks.emulator.junit.DataWorksEmulatorExtension;
import io.jenkins.plugins.dataworks.emulator.oss.PackageSource;
import io.jenkins.plugins.dataworks.emulator.scenario.DownloadFault;
import io.jenkins.plugins.dataworks.emulator.scenario.MigrationSpec;
import io.jenkins.plugins.dataworks.emulator.scenario.Scenario;
import io.jenkins.plugins.dataworks.emulator.state.DownloadRecord;
import io.jenkins.plugins.dataworks.engine.error.DownloadException;
import io.jenkins.plugins.dataworks.engine.error.InvalidInputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The downloader against the emulator's OSS side over real HTTP, with its download faults. */
@Timeout(30)
class PackageDownloaderTest {

    private static final long PROJECT = 10001;
    private static final long WITH_CRC = 40001;
    private static final long WITHOUT_CRC = 40002;
    private static final int SIZE = 1024 * 1024 + 17; // not a multiple of any buffer size
    private static final PackageSource PACKAGE = PackageSource.generated(SIZE, 7);
    private static final PackageSource PACKAGE_WITHOUT_CRC = PackageSource.generated(SIZE, 8);
    private static final String NAME = "export.zip";

    @RegisterExtension
    final DataWorksEmulatorExtension oss = DataWorksEmulatorExtension.withScenario(Scenario.builder()
            .migration(MigrationSpec.export(WITH_CRC, PROJECT, "with-crc").pkg(PACKAGE))
            .migration(MigrationSpec.export(WITHOUT_CRC, PROJECT, "without-crc").pkg(PACKAGE_WITHOUT_CRC).crcHeader(false))
            .downloadUrlTtl(Duration.ofHours(1))
            .build());

    @TempDir
    Path dir;

    private final DownloadSettings settings = DownloadSettings.defaults()
            .withAllowedHosts(Set.of("127.0.0.1"))
            .withReadTimeout(Duration.ofSeconds(10));

    private DataWorksEmulator emulator() {
        return oss.emulator();
    }

    private String url(long migrationId) {
        return emulator().downloadUrl(migrationId);
    }

    private DownloadResult download(DownloadSettings s, long migrationId, UrlRefresher refresher) {
        return new PackageDownloader(s).download(url(migrationId), dir, NAME, refresher, DownloadProgress.NONE);
    }

    @Test
    void downloadsVerifiesAndReportsTheDigests() throws Exception {
        List<long[]> progress = new ArrayList<>();
        DownloadResult result = new PackageDownloader(settings).download(url(WITH_CRC), dir, NAME, UrlRefresher.NONE,
                (received, total) -> progress.add(new long[] {received, total}));

        assertThat(result.file()).isEqualTo(dir.resolve(NAME).toAbsolutePath());
        assertThat(result.size()).isEqualTo(SIZE);
        assertThat(Files.readAllBytes(result.file())).isEqualTo(bytesOf(PACKAGE));
        assertThat(result.sha256()).isEqualTo(sha256(bytesOf(PACKAGE)));
        assertThat(result.crc64()).isEqualTo(Long.toUnsignedString(PACKAGE.crc64()));
        assertThat(result.crc64Verified()).isTrue();
        assertThat(result.resumes()).isZero();
        assertThat(result.urlRefreshes()).isZero();
        assertThat(progress).isNotEmpty();
        assertThat(progress.get(progress.size() - 1)).containsExactly(SIZE, SIZE);
        assertThat(progress).allSatisfy(p -> assertThat(p[1]).isEqualTo(SIZE));
        assertThat(entries()).as("no part file left beside it").containsExactly(NAME);
        assertThat(emulator().downloads()).singleElement()
                .satisfies(r -> assertThat(r.range()).isNull())
                .satisfies(r -> assertThat(r.httpStatus()).isEqualTo(200));
    }

    @Test
    void withoutACrcHeaderVerifiesLengthAndReportsSha256Only() throws Exception {
        DownloadResult result = download(settings, WITHOUT_CRC, UrlRefresher.NONE);

        assertThat(result.crc64Verified()).isFalse();
        assertThat(result.crc64()).isNull();
        assertThat(result.size()).isEqualTo(SIZE);
        assertThat(result.sha256()).isEqualTo(sha256(bytesOf(PACKAGE_WITHOUT_CRC)));
        assertThat(Files.readAllBytes(result.file())).isEqualTo(bytesOf(PACKAGE_WITHOUT_CRC));
    }

    @Test
    void resumesATruncatedTransferWithARangeRequest() throws Exception {
        emulator().inject(DownloadFault.truncateAfter(300_000));

        DownloadResult result = download(settings, WITH_CRC, UrlRefresher.NONE);

        assertThat(result.resumes()).isEqualTo(1);
        assertThat(result.crc64Verified()).isTrue();
        assertThat(Files.readAllBytes(result.file())).isEqualTo(bytesOf(PACKAGE));
        assertThat(result.sha256()).as("digests continue across the resume").isEqualTo(sha256(bytesOf(PACKAGE)));
        List<DownloadRecord> requests = emulator().downloads();
        assertThat(requests).hasSize(2);
        assertThat(requests.get(0).fault()).isEqualTo("TRUNCATE");
        assertThat(resumeOffset(requests.get(1))).isBetween(1L, 300_000L);
        assertThat(requests.get(1).httpStatus()).isEqualTo(206);
    }

    @Test
    void startsOverWhenTheServerIgnoresTheRange() throws Exception {
        emulator().inject(DownloadFault.truncateAfter(300_000)).inject(DownloadFault.ignoreRange());
        List<Long> received = new ArrayList<>();

        DownloadResult result = new PackageDownloader(settings).download(url(WITH_CRC), dir, NAME, UrlRefresher.NONE,
                (got, total) -> received.add(got));

        assertThat(Files.readAllBytes(result.file())).isEqualTo(bytesOf(PACKAGE));
        assertThat(result.sha256()).isEqualTo(sha256(bytesOf(PACKAGE)));
        assertThat(result.crc64Verified()).isTrue();
        List<DownloadRecord> requests = emulator().downloads();
        assertThat(requests).hasSize(2);
        assertThat(resumeOffset(requests.get(1))).isBetween(1L, 300_000L);
        assertThat(requests.get(1).httpStatus()).isEqualTo(200);
        assertThat(received).as("progress starts again from 0 on the full answer").containsSubsequence(0L, 0L);
    }

    @Test
    void resumesAfterTheServerFallsSilentForTheReadTimeout() throws Exception {
        emulator().inject(DownloadFault.stallAfter(200_000));

        DownloadResult result = download(settings.withReadTimeout(Duration.ofMillis(300)), WITH_CRC, UrlRefresher.NONE);

        assertThat(result.resumes()).isEqualTo(1);
        assertThat(result.crc64Verified()).isTrue();
        assertThat(result.sha256()).isEqualTo(sha256(bytesOf(PACKAGE)));
        assertThat(Files.readAllBytes(result.file())).isEqualTo(bytesOf(PACKAGE));
        // The stalled answer is logged when the emulator notices the client has gone: maybe not yet.
        List<DownloadRecord> requests = emulator().downloads();
        assertThat(requests).filteredOn(r -> r.range() == null).allSatisfy(r -> assertThat(r.fault()).isEqualTo("STALL"));
        assertThat(requests).filteredOn(r -> r.range() != null).singleElement().satisfies(resumed -> {
            assertThat(resumeOffset(resumed)).isBetween(1L, 200_000L);
            assertThat(resumed.httpStatus()).isEqualTo(206);
        });
    }

    @Test
    void failsOnACorruptByteAndLeavesNothing() throws Exception {
        emulator().inject(DownloadFault.corruptAt(500_000));

        assertThatThrownBy(() -> download(settings, WITH_CRC, UrlRefresher.NONE))
                .isInstanceOfSatisfying(DownloadException.class, e -> {
                    assertThat(e.errorCode()).isEqualTo("Crc64Mismatch");
                    assertThat(e.getMessage()).contains("expected " + Long.toUnsignedString(PACKAGE.crc64()))
                            .contains("actual ").doesNotContain("\n").doesNotContain("Signature");
                });
        assertThat(entries()).isEmpty();
    }

    @Test
    void aFailedDownloadKeepsTheOldFileAndASuccessfulOneReplacesIt() throws Exception {
        Files.writeString(dir.resolve(NAME), "yesterday's package");
        emulator().inject(DownloadFault.corruptAt(10));

        assertThatThrownBy(() -> download(settings, WITH_CRC, UrlRefresher.NONE)).isInstanceOf(DownloadException.class);
        assertThat(dir.resolve(NAME)).hasContent("yesterday's package");
        assertThat(entries()).containsExactly(NAME);

        download(settings, WITH_CRC, UrlRefresher.NONE);
        assertThat(Files.readAllBytes(dir.resolve(NAME))).isEqualTo(bytesOf(PACKAGE));
        assertThat(entries()).containsExactly(NAME);
    }

    @Test
    void asksForAFreshUrlWhenTheUrlHasExpired() throws Exception {
        String stale = url(WITH_CRC);
        oss.clock().advance(Duration.ofHours(2));
        AtomicInteger refreshes = new AtomicInteger();

        DownloadResult result = new PackageDownloader(settings).download(stale, dir, NAME, () -> {
            refreshes.incrementAndGet();
            return url(WITH_CRC);
        }, DownloadProgress.NONE);

        assertThat(refreshes).hasValue(1);
        assertThat(result.urlRefreshes()).isEqualTo(1);
        assertThat(Files.readAllBytes(result.file())).isEqualTo(bytesOf(PACKAGE));
        assertThat(emulator().downloads()).extracting(DownloadRecord::httpStatus).containsExactly(403, 200);
    }

    @Test
    void resumesWithTheFreshUrlWhenTheUrlExpiresMidTransfer() throws Exception {
        emulator().inject(DownloadFault.truncateAfter(300_000));
        AtomicInteger refreshes = new AtomicInteger();
        // The first progress report comes with the headers: the URL expires while the body flows.
        DownloadProgress expireOnce = (received, total) -> {
            if (received == 0 && refreshes.get() == 0) {
                oss.clock().advance(Duration.ofHours(2));
            }
        };

        DownloadResult result = new PackageDownloader(settings).download(url(WITH_CRC), dir, NAME, () -> {
            refreshes.incrementAndGet();
            return url(WITH_CRC);
        }, expireOnce);

        assertThat(result.urlRefreshes()).isEqualTo(1);
        assertThat(result.resumes()).isEqualTo(1);
        assertThat(result.crc64Verified()).isTrue();
        assertThat(result.sha256()).isEqualTo(sha256(bytesOf(PACKAGE)));
        assertThat(Files.readAllBytes(result.file())).isEqualTo(bytesOf(PACKAGE));
        List<DownloadRecord> requests = emulator().downloads();
        assertThat(requests).extracting(DownloadRecord::httpStatus).containsExactly(200, 403, 206);
        assertThat(resumeOffset(requests.get(1))).isBetween(1L, 300_000L);
        assertThat(requests.get(2).range()).isEqualTo(requests.get(1).range());
    }

    @Test
    void failsWhenFreshUrlsKeepExpiring() throws Exception {
        emulator().inject(DownloadFault.expired().always());
        AtomicInteger refreshes = new AtomicInteger();

        assertThatThrownBy(() -> download(settings.withMaxUrlRefreshes(2), WITH_CRC, () -> {
            refreshes.incrementAndGet();
            return url(WITH_CRC);
        })).isInstanceOfSatisfying(DownloadException.class, e -> {
            assertThat(e.errorCode()).isEqualTo("AccessDenied");
            assertThat(e.requestId()).isNotBlank();
            assertThat(e.getMessage()).contains("HTTP 403 AccessDenied (Request has expired.)")
                    .contains("after 2 fresh URLs").contains("maxUrlRefreshes")
                    .doesNotContain("Signature").doesNotContain("Expires=").doesNotContain("OSSAccessKeyId");
        });
        assertThat(refreshes).hasValue(2);
        assertThat(emulator().downloadCount()).isEqualTo(3);
        assertThat(entries()).isEmpty();
    }

    @Test
    void failsOnAnExpiredUrlWithoutARefresher() throws Exception {
        String stale = url(WITH_CRC);
        oss.clock().advance(Duration.ofHours(2));

        assertThatThrownBy(() -> new PackageDownloader(settings).download(stale, dir, NAME, UrlRefresher.NONE, null))
                .isInstanceOf(DownloadException.class).hasMessageContaining("no fresh URL is available");
        assertThat(entries()).isEmpty();
    }

    @Test
    void namesStatusAndOssCodeOfOtherErrorsWithoutTheQuery() throws Exception {
        emulator().inject(DownloadFault.error(404, "NoSuchKey"));

        assertThatThrownBy(() -> download(settings, WITH_CRC, UrlRefresher.NONE))
                .isInstanceOfSatisfying(DownloadException.class, e -> {
                    assertThat(e.errorCode()).isEqualTo("NoSuchKey");
                    assertThat(e.getMessage()).contains("HTTP 404 NoSuchKey").contains("?<redacted>")
                            .contains("http://127.0.0.1:" + emulator().port() + "/").doesNotContain("Signature");
                });
        assertThat(entries()).isEmpty();
    }

    @Test
    void aTamperedSignatureIsNotRetriedAndNotEchoed() throws Exception {
        String tampered = url(WITH_CRC).replaceAll("Signature=[^&]+", "Signature=AAAA");

        assertThatThrownBy(() -> new PackageDownloader(settings).download(tampered, dir, NAME, UrlRefresher.NONE, null))
                .isInstanceOfSatisfying(DownloadException.class, e -> {
                    assertThat(e.errorCode()).isEqualTo("SignatureDoesNotMatch");
                    assertThat(e.getMessage()).contains("HTTP 403").doesNotContain("StringToSign").doesNotContain("AAAA");
                });
        assertThat(emulator().downloadCount()).isEqualTo(1);
    }

    @Test
    void retriesAServerErrorWithinTheResumeBudget() throws Exception {
        emulator().inject(DownloadFault.error(503, "ServiceUnavailable"));

        DownloadResult result = download(settings, WITH_CRC, UrlRefresher.NONE);

        assertThat(result.resumes()).isEqualTo(1);
        assertThat(Files.readAllBytes(result.file())).isEqualTo(bytesOf(PACKAGE));
    }

    @Test
    void givesUpAfterMaxResumesAndLeavesNothing() throws Exception {
        emulator().inject(DownloadFault.truncateAfter(100_000).always());

        assertThatThrownBy(() -> download(settings.withMaxResumes(2), WITH_CRC, UrlRefresher.NONE))
                .isInstanceOfSatisfying(DownloadException.class, e -> {
                    assertThat(e.errorCode()).isEqualTo("TransferBroken");
                    assertThat(e.getMessage()).contains("after 2 resumes").contains("of " + SIZE)
                            .contains("maxResumes").doesNotContain("Signature");
                });
        assertThat(emulator().downloadCount()).isEqualTo(3);
        assertThat(entries()).isEmpty();
    }

    @Test
    void refusesAPackageOverTheSizeCapBeforeReadingIt() throws Exception {
        assertThatThrownBy(() -> download(settings.withMaxBytes(1000), WITH_CRC, UrlRefresher.NONE))
                .isInstanceOfSatisfying(DownloadException.class, e -> {
                    assertThat(e.errorCode()).isEqualTo("TooLarge");
                    assertThat(e.getMessage()).contains("is " + SIZE + " bytes (1.0 MiB), over the limit of 1000 bytes")
                            .contains("raise maxBytes");
                });
        assertThat(emulator().downloadCount()).isEqualTo(1);
        assertThat(entries()).isEmpty();
    }

    @Test
    void refusesHostsThatAreNotAllowedWithoutAnyRequest() throws Exception {
        String viaLocalhost = url(WITH_CRC).replace("127.0.0.1", "localhost");

        assertThatThrownBy(() -> new PackageDownloader(settings).download(viaLocalhost, dir, NAME, UrlRefresher.NONE, null))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.field()).isEqualTo("download URL");
                    assertThat(e.getMessage()).contains("host localhost").doesNotContain("Signature");
                });
        assertThatThrownBy(() -> new PackageDownloader(DownloadSettings.defaults()).download(url(WITH_CRC), dir, NAME,
                UrlRefresher.NONE, null)).isInstanceOf(InvalidInputException.class).hasMessageContaining("host 127.0.0.1");
        assertThatThrownBy(() -> new PackageDownloader(settings.withAllowedHosts(Set.of("mirror.example.com")))
                .download("http://mirror.example.com/k.zip?Signature=x", dir, NAME, UrlRefresher.NONE, null))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("must use https");
        assertThat(emulator().downloadCount()).isZero();
        assertThat(entries()).isEmpty();
    }

    @Test
    void refusesAFreshUrlOnAnotherHost() throws Exception {
        String stale = url(WITH_CRC);
        oss.clock().advance(Duration.ofHours(2));

        assertThatThrownBy(() -> new PackageDownloader(settings).download(stale, dir, NAME,
                () -> "https://evil.example.com/x.zip?Signature=secret", null))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("host evil.example.com")
                .hasMessageNotContaining("secret");
        assertThat(emulator().downloadCount()).isEqualTo(1);
        assertThat(entries()).isEmpty();
    }

    @Test
    void refusesUnsafeFileNamesWithoutAnyRequest() throws Exception {
        for (String bad : new String[] {"../escape.zip", "sub/x.zip", "", ".x.zip", "a\u0007.zip"}) {
            assertThatThrownBy(() -> new PackageDownloader(settings).download(url(WITH_CRC), dir, bad, UrlRefresher.NONE, null))
                    .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("fileName"));
        }
        assertThat(emulator().downloadCount()).isZero();
        assertThat(entries()).isEmpty();
        assertThat(dir.getParent().resolve("escape.zip")).doesNotExist();
    }

    @Test
    void createsAMissingDirectory() throws Exception {
        Path nested = dir.resolve("a/b");

        DownloadResult result = new PackageDownloader(settings).download(url(WITH_CRC), nested, NAME, UrlRefresher.NONE, null);

        assertThat(result.file()).isEqualTo(nested.resolve(NAME));
        assertThat(Files.size(result.file())).isEqualTo(SIZE);
    }

    @Test
    void refusesADirectoryThatIsAFile() throws Exception {
        Path file = Files.writeString(dir.resolve("plain-file"), "x");

        assertThatThrownBy(() -> new PackageDownloader(settings).download(url(WITH_CRC), file, NAME, UrlRefresher.NONE, null))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.field()).isEqualTo("downloadDir");
                    assertThat(e.getMessage()).contains(file + " is not a directory");
                });
        assertThat(emulator().downloadCount()).isZero();
    }

    @Test
    void refusesAnUnwritableDirectoryBeforeAnyRequest() throws Exception {
        Path readOnly = UnwritableDirectory.find(dir);

        assertThatThrownBy(() -> new PackageDownloader(settings).download(url(WITH_CRC), readOnly, NAME, UrlRefresher.NONE, null))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.field()).isEqualTo("downloadDir");
                    assertThat(e.getMessage()).contains("is not writable");
                });
        assertThat(emulator().downloadCount()).isZero();
    }

    @Test
    void anInterruptMidTransferCancelsAndLeavesNothing() throws Exception {
        Thread caller = Thread.currentThread();
        AtomicInteger reports = new AtomicInteger();
        // Progress is reported on the worker thread: interrupt the caller once bytes flow.
        DownloadProgress interruptMidway = (received, total) -> {
            if (reports.incrementAndGet() == 1) {
                caller.interrupt();
            }
        };
        try {
            assertThatThrownBy(() -> new PackageDownloader(settings).download(url(WITH_CRC), dir, NAME,
                    UrlRefresher.NONE, interruptMidway))
                    .isInstanceOfSatisfying(DownloadException.class, e -> assertThat(e.errorCode()).isEqualTo("Cancelled"));
            assertThat(Thread.currentThread().isInterrupted()).as("interrupt status kept").isTrue();
        } finally {
            Thread.interrupted();
        }
        assertThat(entries()).isEmpty();
        assertDownloadThreadsEnd();
    }

    @Test
    @Timeout(10)
    void anInterruptWakesAReadBlockedOnASilentServer() throws Exception {
        emulator().inject(DownloadFault.stallAfter(200_000));
        Thread caller = Thread.currentThread();
        // The body stalls for good (readTimeout 60 s): only the interrupt can end this within the timeout.
        DownloadProgress interruptWhenStalled = (received, total) -> {
            if (received == 0) {
                caller.interrupt();
            }
        };
        try {
            assertThatThrownBy(() -> new PackageDownloader(settings.withReadTimeout(Duration.ofSeconds(60)))
                    .download(url(WITH_CRC), dir, NAME, UrlRefresher.NONE, interruptWhenStalled))
                    .isInstanceOfSatisfying(DownloadException.class, e -> assertThat(e.errorCode()).isEqualTo("Cancelled"));
        } finally {
            Thread.interrupted();
        }
        assertThat(entries()).isEmpty();
        // Without the cancel the worker would sit in the stalled read for the 60 s readTimeout.
        assertDownloadThreadsEnd();
    }

    @Test
    void anAlreadyInterruptedCallerGetsCancelledAndNothingLeft() throws Exception {
        Thread.currentThread().interrupt();
        try {
            assertThatThrownBy(() -> download(settings, WITH_CRC, UrlRefresher.NONE))
                    .isInstanceOfSatisfying(DownloadException.class, e -> assertThat(e.errorCode()).isEqualTo("Cancelled"));
        } finally {
            Thread.interrupted();
        }
        assertThat(entries()).isEmpty();
    }

    /** The worker and hashing threads end promptly once download() has returned (a thread exits just after its pool terminates). */
    private static void assertDownloadThreadsEnd() throws InterruptedException {
        List<Thread> threads = Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().startsWith("dataworks-download")).toList();
        for (Thread t : threads) {
            t.join(5_000);
        }
        assertThat(threads).noneMatch(Thread::isAlive);
    }

    private static long resumeOffset(DownloadRecord request) {
        assertThat(request.range()).startsWith("bytes=").endsWith("-");
        return Long.parseLong(request.range().substring("bytes=".length(), request.range().length() - 1));
    }

    private List<String> entries() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    static byte[] bytesOf(PackageSource pkg) {
        byte[] bytes = new byte[(int) pkg.size()];
        pkg.read(0, bytes, 0, bytes.length);
        return bytes;
    }

    static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

}
