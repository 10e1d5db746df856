package io.jenkins.plugins.dataworks.engine.migrate;

import static org.assertj.core.api.Assertions.assertThat;

import com.aliyuncs.exceptions.ClientException;
import com.aliyuncs.exceptions.ServerException;
import io.jenkins.plugins.dataworks.engine.error.ApiException;
import io.jenkins.plugins.dataworks.engine.error.DataWorksException;
import io.jenkins.plugins.dataworks.engine.error.ErrorClassifier;
import io.jenkins.plugins.dataworks.engine.error.InvalidInputException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Which failures of a write call may have been carried out (look before repeating it) and which the
 * service refused before acting (repeat or report). Each row goes through the real classifier.
 */
class MayHaveTakenEffectTest {

    private static final String OP = "CreateExportMigration of 'n' in workspace 1";

    static Stream<Arguments> failures() {
        return Stream.of(
                row("read timeout after sending", ErrorClassifier.fromIo(OP, new SocketTimeoutException("Read timed out")), true),
                row("connection reset after sending", ErrorClassifier.fromIo(OP, new SocketException("Connection reset")), true),
                row("unexpected end of stream", ErrorClassifier.fromIo(OP, new IOException("Unexpected end of file from server")), true),
                row("SDK read timeout", ErrorClassifier.fromSdk(OP, new ClientException("SDK.ReadTimeout", "timeout",
                        new SocketTimeoutException("Read timed out"))), true),
                row("SDK unreachable after a reset", ErrorClassifier.fromSdk(OP, new ClientException("SDK.ServerUnreachable",
                        "x", new SocketException("Connection reset"))), true),
                row("HTTP 500 InternalError", ErrorClassifier.fromResponse(OP, 500, "InternalError.System", "boom", "r"), true),
                row("SDK ServerException 5xx", ErrorClassifier.fromSdk(OP, new ServerException("InternalError", "boom", "r")), true),
                row("HTTP 503 without code", ErrorClassifier.fromResponse(OP, 503, null, null, null), true),
                row("ServiceUnavailable", ErrorClassifier.fromResponse(OP, 503, "ServiceUnavailable", "busy", "r"), true),
                row("malformed 2xx answer", ErrorClassifier.malformedResponse(OP, 200, "r", "Data is missing"), true),
                row("SignatureNonceUsed: a resend of a request that arrived",
                        ErrorClassifier.fromResponse(OP, 400, "SignatureNonceUsed", "nonce used", "r"), true),
                row("connection refused: never sent", ErrorClassifier.fromIo(OP, new ConnectException("Connection refused")), false),
                row("unknown host: never sent", ErrorClassifier.fromIo(OP, new UnknownHostException("dataworks.invalid")), false),
                row("SDK unreachable, refused", ErrorClassifier.fromSdk(OP, new ClientException("SDK.ServerUnreachable", "x",
                        new ConnectException("Connection refused"))), false),
                row("Throttling.User", ErrorClassifier.fromResponse(OP, 429, "Throttling.User", "slow down", "r"), false),
                row("Throttling.System", ErrorClassifier.fromResponse(OP, 503, "Throttling.System", "busy", "r"), false),
                row("daily quota", ErrorClassifier.fromResponse(OP, 429, "Throttling.Api.Risk", "limit", "r"), false),
                row("name taken", ErrorClassifier.fromResponse(OP, 400, "Invalid.Migration.NameDuplicated", "exists", "r"), false),
                row("bad parameter", ErrorClassifier.fromResponse(OP, 400, "InvalidParameter", "bad", "r"), false),
                row("no permission", ErrorClassifier.fromResponse(OP, 403, "Forbidden.RAM", "denied", "r"), false),
                row("workspace not found", ErrorClassifier.fromResponse(OP, 400, "Invalid.Tenant.ProjectNotExists", "no", "r"), false),
                row("bad input", new InvalidInputException("name", "is missing"), false));
    }

    private static Arguments row(String what, DataWorksException e, boolean ambiguous) {
        return Arguments.of(what, e, ambiguous);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("failures")
    void classifies(String what, DataWorksException e, boolean ambiguous) {
        assertThat(ErrorClassifier.mayHaveTakenEffect(e)).as(what + ": " + e.getMessage()).isEqualTo(ambiguous);
    }

    static Stream<Arguments> names() {
        return Stream.of(
                Arguments.of("Invalid.Migration.NameDuplicated", true),
                Arguments.of("Invalid.Migration.NameExists", true),
                Arguments.of("Invalid.Migration.NotExists", false),
                Arguments.of("InvalidParameter", false));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("names")
    void recognisesATakenName(String code, boolean taken) {
        DataWorksException e = ErrorClassifier.fromResponse(OP, 400, code, "A migration named 'n' already exists.", "req-1");
        assertThat(ErrorClassifier.isNameTaken(e)).isEqualTo(taken);
        if (taken) {
            assertThat(e).isInstanceOf(ApiException.class);
            assertThat(e.getMessage()).contains("choose another name").doesNotContain("\n");
            ApiException clear = ErrorClassifier.nameTaken("n", 7, e);
            assertThat(clear.getMessage()).isEqualTo("a migration named 'n' already exists in workspace 7; choose another name."
                    + " RequestId: req-1");
        }
    }
}
