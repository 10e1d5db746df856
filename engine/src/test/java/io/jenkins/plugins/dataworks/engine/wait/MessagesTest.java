package io.jenkins.plugins.dataworks.engine.wait;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.dataworks.engine.client.MigrationRef;
import io.jenkins.plugins.dataworks.engine.error.ApiException;
import io.jenkins.plugins.dataworks.engine.error.ErrorClassifier;
import io.jenkins.plugins.dataworks.engine.text.Setting;
import io.jenkins.plugins.dataworks.engine.text.Vocabulary;
import io.jenkins.plugins.dataworks.engine.error.TransientApiException;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class MessagesTest {

    private static final Instant T0 = Instant.parse("2025-01-06T08:00:00Z");

    private static WaitSnapshot snapshot(String status, String requestId, int calls, int errors) {
        WaitSnapshot s = WaitSnapshot.initial(new MigrationRef(42, 7), WaitPolicy.defaults(), T0);
        return new WaitSnapshot(s.ref(), s.policy(), s.startedAt(), s.deadline(), s.nextPollAt(), s.currentInterval(),
                calls, errors, status, T0, requestId, T0, false);
    }

    @Test
    void durationsAreShortAndReadable() {
        assertThat(Messages.human(Duration.ZERO)).isEqualTo("0s");
        assertThat(Messages.human(Duration.ofMillis(250))).isEqualTo("0.25s");
        assertThat(Messages.human(Duration.ofMillis(71_250))).isEqualTo("1m11s");
        assertThat(Messages.human(Duration.ofHours(2))).isEqualTo("2h");
        assertThat(Messages.human(Duration.ofSeconds(3_723))).isEqualTo("1h2m3s");
        assertThat(Messages.human(Duration.ofSeconds(-5))).isEqualTo("0s");
    }

    @Test
    void errorTextBecomesOneLineWithoutSignedQueries() {
        TransientApiException e = new TransientApiException("GetMigrationSummary failed:\n  connection reset while"
                + " reading https://b.oss-cn-shanghai.aliyuncs.com/x.zip?OSSAccessKeyId=K&Signature=S3cr3t\r\nretry",
                "SDK.ServerUnreachable", "RID-9", null);

        String message = Messages.failedCall(snapshot("EXPORTING", "RID-8", 3, 0), e).toString();

        assertThat(message).doesNotContain("\n", "\r", "S3cr3t", "OSSAccessKeyId")
                .contains("migration 7 in workspace 42", "last status EXPORTING", "SDK.ServerUnreachable",
                        "https://b.oss-cn-shanghai.aliyuncs.com/x.zip?", "RequestId RID-9");
    }

    @Test
    void errorCodeAndRequestIdAreNotRepeatedWhenTheMessageHasThem() {
        ApiException e = new ApiException("InvalidParameter: bad id (RequestId RID-1)", "InvalidParameter", "RID-1", null);

        String message = Messages.failedCall(snapshot(null, null, 1, 0), e).toString();

        assertThat(message).isEqualTo("migration 7 in workspace 42: GetMigrationSummary failed (no status seen yet):"
                + " InvalidParameter: bad id (RequestId RID-1)");
    }

    @Test
    void timeoutAndBudgetNameTheLastStatusAndTheLimit() {
        WaitSnapshot s = snapshot("IMPORTING", "RID-5", 53, 0);
        assertThat(Messages.deadlinePassed(s)).isEqualTo(
                "migration 7 in workspace 42 last status IMPORTING when the 2h deadline passed, after 53 API calls (RequestId RID-5)");
        WaitSnapshot budget = new WaitSnapshot(s.ref(), WaitPolicy.builder().maxApiCalls(20).build(), s.startedAt(),
                s.deadline(), s.nextPollAt(), s.currentInterval(), 20, 0, "IMPORTING", T0, null, T0, false);
        assertThat(Messages.budgetSpent(budget, Duration.ofMinutes(40))).isEqualTo(
                "migration 7 in workspace 42 last status IMPORTING when the budget of 20 API calls ran out, after 40m");
    }

    @Test
    void aFailedCallNamesTheCallAndTheMigrationOnce() {
        var e = ErrorClassifier.fromResponse("GetMigrationSummary for migration 7 in workspace 42", 400,
                "InvalidParameter", "bad id", "RID-1");

        String message = Messages.failedCall(snapshot(null, null, 1, 0), e).toString();

        assertThat(message).isEqualTo("migration 7 in workspace 42: GetMigrationSummary failed (no status seen yet):"
                + " InvalidParameter (HTTP 400): bad id. RequestId: RID-1");
    }

    @Test
    void givingUpNamesTheCallAndTheMigrationOnce() {
        var e = ErrorClassifier.fromResponse("GetMigrationSummary for migration 7 in workspace 42", 503,
                "ServiceUnavailable", "busy", "RID-2");

        String message = Messages.tooManyErrors(snapshot("EXPORTING", "RID-2", 9, 8), e).toString();

        assertThat(message).isEqualTo("migration 7 in workspace 42: gave up after 8 transient errors in a row"
                + " (last status EXPORTING); last: ServiceUnavailable (HTTP 503): busy; temporary; retrying later"
                + " may succeed. RequestId: RID-2");
    }

    @Test
    void hintsNameTheSettingInTheFrontEndsWordsAndAreLeftOutWhereItIsNotOffered() {
        WaitSnapshot s = snapshot("PARTIAL_SUCCESS", null, 3, 0);
        Vocabulary upper = setting -> setting == Setting.PARTIAL_SUCCESS ? "PARTIAL" : null;

        assertThat(Messages.partialSuccessFails(s, Duration.ofMinutes(1)).toString())
                .endsWith("which fails under partialSuccess=FAIL (choose UNSTABLE or SUCCEED to accept it)");
        assertThat(Messages.partialSuccessFails(s, Duration.ofMinutes(1)).render(upper))
                .endsWith("which fails under PARTIAL=FAIL (choose UNSTABLE or SUCCEED to accept it)");
        assertThat(Messages.unknownStatus(snapshot("WEIRD", null, 3, 0), Duration.ofMinutes(1)).toString())
                .endsWith("; set keepWaitingOnUnknownStatus to wait through it");
        assertThat(Messages.unknownStatus(snapshot("WEIRD", null, 3, 0), Duration.ofMinutes(1)).render(upper))
                .endsWith("after 1m and 3 API calls");
    }
}
