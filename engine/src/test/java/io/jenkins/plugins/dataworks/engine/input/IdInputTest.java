package io.jenkins.plugins.dataworks.engine.input;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.dataworks.engine.error.InvalidInputException;
import org.junit.jupiter.api.Test;

class IdInputTest {

    private static final String WHAT = "DataWorks workspace ID";

    @Test
    void parsesAPositiveNumber() {
        assertThat(IdInput.parse("--project-id", " 12345 ", WHAT)).isEqualTo(12345L);
    }

    @Test
    void missing() {
        assertThatThrownBy(() -> IdInput.parse("--project-id", null, WHAT))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("--project-id is missing: give the DataWorks workspace ID");
    }

    @Test
    void notANumber() {
        assertThatThrownBy(() -> IdInput.parse("--project-id", "12a", WHAT))
                .hasMessage("--project-id must be a number (the DataWorks workspace ID), got '12a'");
    }

    @Test
    void zeroAndNegative() {
        assertThatThrownBy(() -> IdInput.parse("projectId", "0", WHAT))
                .hasMessage("projectId must be a positive DataWorks workspace ID, got 0");
        assertThatThrownBy(() -> IdInput.parse("projectId", "-3", WHAT))
                .hasMessage("projectId must be a positive DataWorks workspace ID, got -3");
    }
}
