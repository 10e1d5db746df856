package io.jenkins.plugins.dataworks.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.dataworks.engine.error.ApiException;
import io.jenkins.plugins.dataworks.engine.error.AuthenticationException;
import io.jenkins.plugins.dataworks.engine.error.DataWorksException;
import io.jenkins.plugins.dataworks.engine.error.DownloadException;
import io.jenkins.plugins.dataworks.engine.error.InvalidInputException;
import io.jenkins.plugins.dataworks.engine.error.MigrationNotFoundException;
import io.jenkins.plugins.dataworks.engine.error.QuotaExceededException;
import io.jenkins.plugins.dataworks.engine.error.TransientApiException;
import io.jenkins.plugins.dataworks.engine.wait.WaitOutcome;
import io.jenkins.plugins.dataworks.engine.wait.WaitOutcome.Result;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ExitCodesTest {

    /** ExitCodes looks at the verdict and the error only. */
    private static WaitOutcome outcome(Result result, DataWorksException error) {
        return new WaitOutcome(result, null, "m", error, null);
    }

    @ParameterizedTest
    @CsvSource({"SUCCESS, 0", "FAILED, 1", "UNSTABLE, 3", "TIMED_OUT, 4", "CANCELLED, 130"})
    void verdicts(Result result, int code) {
        assertThat(ExitCodes.of(outcome(result, null))).isEqualTo(code);
    }

    @Test
    void anErrorOutcomeIsDecidedByItsError() {
        assertThat(ExitCodes.of(outcome(Result.ERROR, new AuthenticationException("x", "Forbidden.RAM", "r", null))))
                .isEqualTo(ExitCodes.AUTHENTICATION);
        assertThat(ExitCodes.of(outcome(Result.ERROR, new QuotaExceededException("x", "Throttling.Api.Risk", "r", null))))
                .isEqualTo(ExitCodes.API_ERROR);
        assertThat(ExitCodes.of(outcome(Result.ERROR, new TransientApiException("x", "InternalError", "r", null))))
                .isEqualTo(ExitCodes.API_ERROR);
    }

    @Test
    void errors() {
        assertThat(ExitCodes.of(new InvalidInputException("timeout", "bad"))).isEqualTo(2);
        assertThat(ExitCodes.of(new UsageException("bad"))).isEqualTo(2);
        assertThat(ExitCodes.of(new AuthenticationException("x", "SignatureDoesNotMatch", null, null))).isEqualTo(5);
        assertThat(ExitCodes.of(new MigrationNotFoundException("x", "Invalid.Migration", null, null))).isEqualTo(6);
        assertThat(ExitCodes.of(new QuotaExceededException("x", "Throttling.Resource", null, null))).isEqualTo(6);
        assertThat(ExitCodes.of(new TransientApiException("x", "Throttling.User", null, null))).isEqualTo(6);
        assertThat(ExitCodes.of(new ApiException("x", "Other", null, null))).isEqualTo(6);
        assertThat(ExitCodes.of(new DownloadException("x", "Crc64Mismatch", null, null))).isEqualTo(7);
        assertThat(ExitCodes.of(new CancelledException("x"))).isEqualTo(130);
        assertThat(ExitCodes.of(new IllegalStateException("bug"))).isEqualTo(6);
    }

    @Test
    void codesAreDistinctAndAllDocumented() {
        List<Integer> codes = List.of(ExitCodes.SUCCESS, ExitCodes.MIGRATION_FAILED, ExitCodes.USAGE, ExitCodes.UNSTABLE,
                ExitCodes.TIMEOUT, ExitCodes.AUTHENTICATION, ExitCodes.API_ERROR, ExitCodes.DOWNLOAD, ExitCodes.CANCELLED);
        assertThat(new HashSet<>(codes)).hasSameSizeAs(codes);
        Set<String> documented = ExitCodes.helpTable().keySet();
        assertThat(documented).containsExactlyElementsOf(codes.stream().map(String::valueOf).toList());
    }
}
