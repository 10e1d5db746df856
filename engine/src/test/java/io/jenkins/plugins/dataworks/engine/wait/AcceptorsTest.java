package io.jenkins.plugins.dataworks.engine.wait;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.dataworks.engine.client.MigrationStatus;
import io.jenkins.plugins.dataworks.engine.wait.Acceptors.Verdict;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class AcceptorsTest {

    @ParameterizedTest(name = "{0} under partialSuccess={1}, keepWaitingOnUnknown={2} -> {3}")
    @CsvSource({
        "EXPORT_SUCCESS,  FAIL,     false, SUCCEED",
        "IMPORT_SUCCESS,  FAIL,     false, SUCCEED",
        "EXPORT_ERROR,    SUCCEED,  true,  FAIL",
        "IMPORT_ERROR,    SUCCEED,  true,  FAIL",
        "REVOKED,         SUCCEED,  true,  FAIL",
        "PARTIAL_SUCCESS, FAIL,     false, FAIL",
        "PARTIAL_SUCCESS, UNSTABLE, false, UNSTABLE",
        "PARTIAL_SUCCESS, SUCCEED,  false, SUCCEED",
        "INIT,            FAIL,     false, KEEP_WAITING",
        "EDITING,         FAIL,     false, KEEP_WAITING",
        "IMPORTING,       FAIL,     false, KEEP_WAITING",
        "EXPORTING,       FAIL,     false, KEEP_WAITING",
        "UNKNOWN,         FAIL,     false, FAIL",
        "UNKNOWN,         FAIL,     true,  KEEP_WAITING",
    })
    void verdictOfEveryStatus(MigrationStatus status, PartialSuccessPolicy partial, boolean keepWaiting,
            Verdict expected) {
        assertThat(Acceptors.verdict(status, partial, keepWaiting)).isEqualTo(expected);
    }

    @ParameterizedTest
    @EnumSource(MigrationStatus.class)
    void everyStatusHasAVerdictUnderEveryPolicy(MigrationStatus status) {
        for (PartialSuccessPolicy partial : PartialSuccessPolicy.values()) {
            assertThat(Acceptors.verdict(status, partial, false)).isNotNull();
            assertThat(Acceptors.verdict(status, partial, true)).isNotNull();
        }
    }

    @Test
    void documentedStatusesDoNotDependOnTheUnknownStatusSwitch() {
        for (MigrationStatus status : EnumSet.complementOf(EnumSet.of(MigrationStatus.UNKNOWN))) {
            assertThat(Acceptors.verdict(status, PartialSuccessPolicy.FAIL, true))
                    .as(status.name())
                    .isEqualTo(Acceptors.verdict(status, PartialSuccessPolicy.FAIL, false));
        }
    }

    @Test
    void verdictFromPolicyUsesItsSettings() {
        WaitPolicy unstable = WaitPolicy.builder().partialSuccess(PartialSuccessPolicy.UNSTABLE)
                .keepWaitingOnUnknownStatus(true).build();
        assertThat(Acceptors.verdict(MigrationStatus.PARTIAL_SUCCESS, unstable)).isEqualTo(Verdict.UNSTABLE);
        assertThat(Acceptors.verdict(MigrationStatus.UNKNOWN, unstable)).isEqualTo(Verdict.KEEP_WAITING);
        assertThat(Acceptors.verdict(MigrationStatus.PARTIAL_SUCCESS, WaitPolicy.defaults())).isEqualTo(Verdict.FAIL);
    }

    @Test
    void onlyUnstartedStatusesAreIdle() {
        Set<MigrationStatus> idle = EnumSet.noneOf(MigrationStatus.class);
        for (MigrationStatus s : MigrationStatus.values()) {
            if (Acceptors.isIdle(s)) {
                idle.add(s);
            }
        }
        assertThat(idle).containsExactlyInAnyOrder(MigrationStatus.INIT, MigrationStatus.EDITING);
    }

    @Test
    void onlyKeepWaitingIsNotTerminal() {
        assertThat(EnumSet.allOf(Verdict.class).stream().filter(v -> !v.terminal()))
                .containsExactly(Verdict.KEEP_WAITING);
    }
}
