package io.jenkins.plugins.dataworks.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ReportPartsTest {

    @Test
    void tableRendersMarkdownAndAlignedText() {
        Table t = new Table("a", "bee").row("x", 1).row("long cell", 22);

        assertThat(t.markdown()).isEqualTo("| a | bee |\n|---|---|\n| x | 1 |\n| long cell | 22 |\n");
        assertThat(t.plain().lines()).containsExactly("a          bee", "---------  ---", "x          1", "long cell  22");
    }

    @Test
    void tableRejectsRowsOfTheWrongWidth() {
        assertThatThrownBy(() -> new Table("a", "b").row("only one"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1 cells");
    }

    @Test
    void sectionReportsMissedTargetsAndUnmeasuredBenchmarks() {
        String md = new Section("X").text("why").verdict("fast", false, "0.5x").markdown();
        assertThat(md).contains("## X", "why", "- **missed**: fast (0.5x)");
        assertThat(Section.notMeasured("Y", "engine not ready").markdown()).contains("Not measured (engine not ready).");
    }

    @Test
    void bashTimesChildLineIsUserPlusSystem() {
        String times = "0m0.010s 0m0.020s\n0m1.500s 1m0.250s\n";
        assertThat(DownloadSection.childCpuSeconds(times)).isEqualTo(61.75);
    }

    @Test
    void medianOfEvenAndOddSamples() {
        assertThat(Stats.median(3, 1, 2)).isEqualTo(2);
        assertThat(Stats.median(4, 1, 3, 2)).isEqualTo(2.5);
    }
}
