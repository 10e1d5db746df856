package io.jenkins.plugins.dataworks.engine.gate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.dataworks.engine.error.DownloadException;
import org.junit.jupiter.api.Test;

/**
 * A wait resumed while fetching its failure detail ends without a summary (it does not poll again);
 * an accepted PARTIAL_SUCCESS then reaches the download decision with none.
 */
class DownloadModeTest {

    @Test
    void withoutSummaryNothingIsDownloaded() {
        assertThat(DownloadMode.AUTO.shouldDownload(null)).isFalse();
        assertThat(DownloadMode.NEVER.shouldDownload(null)).isFalse();
        assertThatThrownBy(() -> DownloadMode.ALWAYS.shouldDownload(null)).isInstanceOf(DownloadException.class)
                .hasMessageStartingWith("download=ALWAYS but the wait ended without a summary")
                .hasMessageContaining("set download to AUTO or NEVER");
    }
}
