package io.jenkins.plugins.dataworks.engine.error;

import static org.assertj.core.api.Assertions.assertThat;

import com.aliyuncs.exceptions.ClientException;
import com.aliyuncs.exceptions.ServerException;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ErrorClassifierTest {

    private static final String OP = "GetMigrationSummary for migration 7 in workspace 3";

    @ParameterizedTest
    @CsvSource({
        "429, Throttling.User, TransientApiException",
        "429, Throttling.Api, TransientApiException",
        "429, Throttling.System, TransientApiException",
        "503, ServiceUnavailable, TransientApiException",
        "500, InternalError.System, TransientApiException",
        "500, InternalError.UserId.Missing, TransientApiException",
        "502, SomethingNew, TransientApiException",
        "400, SignatureNonceUsed, TransientApiException",
        "429, Throttling.Api.Risk, QuotaExceededException",
        "429, Throttling.Resource, QuotaExceededException",
        "400, SignatureDoesNotMatch, AuthenticationException",
        "400, IncompleteSignature, AuthenticationException",
        "404, InvalidAccessKeyId.NotFound, AuthenticationException",
        "400, InvalidAccessKeyId.Inactive, AuthenticationException",
        "403, Forbidden.RAM, AuthenticationException",
        "403, Forbidden.Access, AuthenticationException",
        "403, InvalidSecurityToken.Expired, AuthenticationException",
        "400, InvalidSecurityToken.MalFormed, AuthenticationException",
        "400, InvalidTimeStamp.Expired, AuthenticationException",
        "403, NoPermission, AuthenticationException",
        "404, EntityNotExist.Role, AuthenticationException",
        "400, Invalid.Migration.NotExists, MigrationNotFoundException",
        "400, Invalid.Tenant.ProjectNotExists, MigrationNotFoundException",
        "400, Invalid.Tenant.ProjectNotExist, MigrationNotFoundException",
        "400, InvalidParameter, ApiException",
        "400, MissingProjectId, ApiException",
        "404, InvalidAction.NotFound, ApiException"})
    void classifiesByCodeAndStatus(int status, String code, String type) {
        DataWorksException e = ErrorClassifier.fromResponse(OP, status, code, "Some message.", "REQ-1");
        assertThat(e.getClass().getSimpleName()).isEqualTo(type);
        assertThat(e.errorCode()).isEqualTo(code);
        assertThat(e.requestId()).isEqualTo("REQ-1");
        String afterMessage = type.equals("ApiException") ? ". RequestId" : "; ";
        assertThat(e.getMessage())
                .startsWith(OP + " failed: " + code + " (HTTP " + status + "): Some message" + afterMessage)
                .endsWith(". RequestId: REQ-1")
                .doesNotContain("\n");
    }

    @Test
    void quotaMessagesCarryGuidance() {
        assertThat(ErrorClassifier.fromResponse(OP, 429, "Throttling.Api.Risk", "The number of API calls today has exceeded the daily limit.", "R").getMessage())
                .isEqualTo(OP + " failed: Throttling.Api.Risk (HTTP 429): The number of API calls today has exceeded the daily limit; "
                        + "the daily API call limit of this account is exhausted; raise the poll interval or upgrade the DataWorks edition. RequestId: R");
        assertThat(ErrorClassifier.fromResponse(OP, 429, "Throttling.Resource", "Used up.", "R").getMessage())
                .contains("upgrade the DataWorks edition or wait until the quota resets");
    }

    @Test
    void statusDecidesWhenThereIsNoCode() {
        assertThat(ErrorClassifier.fromResponse(OP, 503, null, null, null)).isInstanceOf(TransientApiException.class)
                .hasMessage(OP + " failed: no error code (HTTP 503); temporary; retrying later may succeed.");
        assertThat(ErrorClassifier.fromResponse(OP, 403, "", null, "R")).isInstanceOf(AuthenticationException.class);
        assertThat(ErrorClassifier.fromResponse(OP, 400, null, "bad", "R")).isInstanceOf(ApiException.class)
                .hasMessage(OP + " failed: no error code (HTTP 400): bad. RequestId: R");
    }

    @Test
    void stringToSignIsCutFromSignatureMismatch() {
        String message = "Specified signature is not matched with our calculation. server string to sign is:"
                + "POST&%2F&AccessKeyId%3DSTS.abc%26SecurityToken%3DCAISsecrettoken%26Timestamp%3D2026";
        DataWorksException e = ErrorClassifier.fromResponse(OP, 400, "SignatureDoesNotMatch", message, "R");
        assertThat(e).isInstanceOf(AuthenticationException.class);
        assertThat(e.getMessage())
                .isEqualTo(OP + " failed: SignatureDoesNotMatch (HTTP 400): Specified signature is not matched with our calculation; "
                        + "the AccessKey secret does not match the AccessKey ID; check the secret. RequestId: R")
                .doesNotContain("CAISsecrettoken").doesNotContain("STS.abc");
    }

    @Test
    void errorBodiesAreRead() {
        byte[] body = "{\"RequestId\":\"B-1\",\"HostId\":\"h\",\"Code\":\"Throttling.User\",\"Message\":\"slow down\"}"
                .getBytes(StandardCharsets.UTF_8);
        DataWorksException e = ErrorClassifier.fromErrorBody(OP, 429, body, "H-1");
        assertThat(e).isInstanceOf(TransientApiException.class);
        assertThat(e.requestId()).isEqualTo("B-1");
        DataWorksException html = ErrorClassifier.fromErrorBody(OP, 502, "<html>bad gateway</html>".getBytes(StandardCharsets.UTF_8), "H-2");
        assertThat(html).isInstanceOf(TransientApiException.class)
                .hasMessage(OP + " failed: no error code (HTTP 502): error body is not JSON; temporary; retrying later may succeed. RequestId: H-2");
        assertThat(ErrorClassifier.fromErrorBody(OP, 404, new byte[0], null)).isInstanceOf(ApiException.class)
                .hasMessage(OP + " failed: no error code (HTTP 404): empty error body.");
    }

    @Test
    void sdkServerExceptionIsTransient() {
        DataWorksException e = ErrorClassifier.fromSdk(OP, new ServerException("InternalError.System", "try later", "S-1"));
        assertThat(e).isInstanceOf(TransientApiException.class);
        assertThat(e.getMessage()).isEqualTo(OP + " failed: InternalError.System (HTTP 500): try later; temporary; retrying later may succeed. RequestId: S-1");
        assertThat(e.getCause()).isInstanceOf(RedactedCause.class);
    }

    @Test
    void sdkClientExceptionWithServiceCode() {
        DataWorksException e = ErrorClassifier.fromSdk(OP, new ClientException("Forbidden.RAM", "not authorized", "C-1"));
        assertThat(e).isInstanceOf(AuthenticationException.class);
        assertThat(e.getMessage()).isEqualTo(OP + " failed: Forbidden.RAM: not authorized; the RAM user or role lacks permission; "
                + "grant it DataWorks access to the workspace. RequestId: C-1");
    }

    @Test
    void sdkTransportFailuresAreTransientAndDoNotLeakTheSignedUrl() {
        String url = "https://dataworks.cn-shanghai.aliyuncs.com/?AccessKeyId=LTAIexample&SecurityToken=CAIStoken1234&Signature=abc%3D";
        ClientException timeout = new ClientException("SDK.ReadTimeout",
                "SocketTimeoutException has occurred on a socket read or accept.The url is " + url,
                new SocketTimeoutException("Read timed out"));
        DataWorksException e = ErrorClassifier.fromSdk(OP, timeout);
        assertThat(e).isInstanceOf(TransientApiException.class);
        assertThat(e.errorCode()).isEqualTo("SDK.ReadTimeout");
        assertThat(e.getMessage()).isEqualTo(OP + " failed: SDK.ReadTimeout: no answer within the read/connect timeout "
                + "(SocketTimeoutException: Read timed out); temporary; retrying later may succeed.");
        assertThat(stackTraceOf(e)).doesNotContain("CAIStoken1234").doesNotContain("abc%3D").contains("SocketTimeoutException");

        ClientException unreachable = new ClientException("SDK.ServerUnreachable", "Server unreachable: connection " + url + " failed",
                new ConnectException("Connection refused"));
        DataWorksException u = ErrorClassifier.fromSdk(OP, unreachable);
        assertThat(u).isInstanceOf(TransientApiException.class)
                .hasMessage(OP + " failed: SDK.ServerUnreachable: connection failed (ConnectException: Connection refused); "
                        + "temporary; retrying later may succeed.");
        assertThat(stackTraceOf(u)).doesNotContain("CAIStoken1234");
    }

    @Test
    void sdkInvalidSecretAndEmptyResponse() {
        assertThat(ErrorClassifier.fromSdk(OP, new ClientException("SDK.InvalidAccessKeySecret", "Specified Access Key Secret is not valid.", "R")))
                .isInstanceOf(AuthenticationException.class);
        assertThat(ErrorClassifier.fromSdk(OP, new ClientException("SDK.InvalidServerResponse", "body is empty")))
                .isInstanceOf(TransientApiException.class).extracting(DataWorksException::errorCode).isEqualTo("MalformedResponse");
        assertThat(ErrorClassifier.fromSdk(OP, new ClientException("SDK.InvalidProxy", "proxy url is invalid")))
                .isInstanceOf(ApiException.class).hasMessage(OP + " failed: SDK.InvalidProxy.");
    }

    @Test
    void plainIoFailures() {
        assertThat(ErrorClassifier.fromThrowable(OP, new IOException("Connection reset")))
                .isInstanceOf(TransientApiException.class)
                .hasMessage(OP + " failed: SDK.ServerUnreachable: network failure (IOException: Connection reset); temporary; retrying later may succeed.");
        InvalidInputException invalid = new InvalidInputException("x", "is bad");
        assertThat(ErrorClassifier.fromThrowable(OP, invalid)).isSameAs(invalid);
        assertThat(ErrorClassifier.fromThrowable(OP, new IllegalStateException("boom"))).isInstanceOf(ApiException.class)
                .hasMessage(OP + " failed: IllegalStateException: boom.");
    }

    @Test
    void malformedResponseIsTransient() {
        TransientApiException e = ErrorClassifier.malformedResponse(OP, 200, "M-1", "empty body");
        assertThat(e).hasMessage(OP + " failed: MalformedResponse (HTTP 200): empty body; temporary; retrying later may succeed. RequestId: M-1");
        assertThat(e.errorCode()).isEqualTo(ErrorClassifier.MALFORMED_RESPONSE);
    }

    @Test
    void multiLineServiceMessagesBecomeOneLine() {
        DataWorksException e = ErrorClassifier.fromResponse(OP, 400, "InvalidParameter", "line one\nline two\r\n  three", "R");
        assertThat(e.getMessage()).isEqualTo(OP + " failed: InvalidParameter (HTTP 400): line one line two three. RequestId: R");
    }

    static String stackTraceOf(Throwable t) {
        StringWriter w = new StringWriter();
        t.printStackTrace(new PrintWriter(w));
        return w.toString();
    }
}
