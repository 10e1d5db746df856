package io.jenkins.plugins.dataworks.engine.input;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.dataworks.engine.error.InvalidInputException;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DurationInputTest {

    @ParameterizedTest
    @CsvSource({
        "500ms, PT0.5S",
        "90s, PT1M30S",
        "15m, PT15M",
        "2h, PT2H",
        "1h30m, PT1H30M",
        "1d, PT24H",
        "' 2H ', PT2H",
        "PT45M, PT45M",
        "pt10s, PT10S",
    })
    void parsesWhatPeopleType(String text, String iso) {
        assertThat(DurationInput.parse("timeout", text)).isEqualTo(Duration.parse(iso));
    }

    @ParameterizedTest
    @ValueSource(strings = {"2", "h", "2 hours", "-5m", "1.5h", "P", "99999999999999999999s"})
    void rejectsAnythingElseNamingTheField(String text) {
        assertThatThrownBy(() -> DurationInput.parse("timeout", text))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("timeout '")
                .hasMessageEndingWith("' is not a duration: use e.g. 90s, 15m, 2h or 1h30m");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "  "})
    void rejectsEmpty(String text) {
        assertThatThrownBy(() -> DurationInput.parse("pollInterval", text))
                .hasMessage("pollInterval is empty: give a duration such as 90s, 15m or 2h");
    }

    @ParameterizedTest
    @ValueSource(strings = {"PT2H", "PT1M30S", "PT0.25S", "PT49H1M", "PT0S", "PT-1S", "PT0.0000005S", "PT1.0000005S"})
    void formatReadsBack(String iso) {
        Duration d = Duration.parse(iso);
        assertThat(DurationInput.parse("x", DurationInput.format(d))).isEqualTo(d);
    }

    @Test
    void formatIsShortWhereTheShortFormCanSayIt() {
        assertThat(DurationInput.format(Duration.ofMillis(10))).isEqualTo("10ms");
        assertThat(DurationInput.format(Duration.ofMinutes(90))).isEqualTo("1h30m");
        assertThat(DurationInput.format(Duration.ofSeconds(-1))).isEqualTo("PT-1S");
    }
}
