package io.jenkins.plugins.dataworks.engine.download;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ContentRangeTest {

    @Test
    void parsesACompleteRange() {
        assertThat(ContentRange.parse("bytes 100-999/1000")).contains(new ContentRange(100, 999, 1000));
        assertThat(ContentRange.parse("bytes 100-999/1000").orElseThrow().isRestFrom(100, 1000)).isTrue();
    }

    @Test
    void isRestFromOnlyForTheExactOffsetTotalAndEnd() {
        ContentRange range = new ContentRange(100, 999, 1000);
        assertThat(range.isRestFrom(99, 1000)).isFalse();
        assertThat(range.isRestFrom(100, 1001)).isFalse();
        assertThat(new ContentRange(100, 500, 1000).isRestFrom(100, 1000)).isFalse();
    }

    @Test
    void rejectsOtherShapes() {
        assertThat(ContentRange.parse(null)).isEmpty();
        assertThat(ContentRange.parse("bytes 100-999/*")).isEmpty();
        assertThat(ContentRange.parse("bytes */1000")).isEmpty();
        assertThat(ContentRange.parse("bytes 500-100/1000")).isEmpty();
        assertThat(ContentRange.parse("bytes 0-1000/1000")).isEmpty();
        assertThat(ContentRange.parse("items 0-9/10")).isEmpty();
        assertThat(ContentRange.parse("bytes 0-1/99999999999999999999")).isEmpty();
    }
}
