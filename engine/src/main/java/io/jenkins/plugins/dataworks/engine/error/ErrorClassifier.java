package io.jenkins.plugins.dataworks.engine.error;

import io.jenkins.plugins.dataworks.engine.text.Setting;
import io.jenkins.plugins.dataworks.engine.text.UserText;
import com.aliyuncs.exceptions.ClientException;
import com.aliyuncs.exceptions.ServerException;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import io.jenkins.plugins.dataworks.engine.redact.Redaction;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import javax.net.ssl.SSLException;

/**
 * The one place that turns a failed call (an error response, an SDK exception, an IO failure, a
 * body that cannot be read) into the engine's exception types. Nothing else in the project looks
 * at error codes: the waiter retries {@link TransientApiException}, backs off on nothing else.
 *
 * <p>Every message is one line: {@code <operation> failed: <Code> (HTTP <status>): <service
 * message>; <what to do>. RequestId: <id>}. Service messages are cut at the string to sign
 * (which echoes the AccessKey ID and SecurityToken), URL queries are removed, and SDK exceptions
 * are attached only as {@link RedactedCause}.
 */
public final class ErrorClassifier {

    /** Code for a 2xx answer whose body is empty or not the JSON document the API describes. */
    public static final String MALFORMED_RESPONSE = "MalformedResponse";

    /**
     * Code of an OSS upload refused because the AuthorizeFileUpload policy expired: asking for a
     * fresh grant and uploading again helps; asking with the same grant never does.
     */
    public static final String UPLOAD_GRANT_EXPIRED = "UploadGrantExpired";

    /**
     * The code DataWorks answers when CreateExportMigration or CreateImportMigration names a migration
     * that already exists in the workspace (the emulator's choice of code; the public reference lists
     * none). {@link #NAME_TAKEN_PATTERN} also catches spelling variants.
     */
    public static final String NAME_DUPLICATED = "Invalid.Migration.NameDuplicated";
    private static final Pattern NAME_TAKEN_PATTERN =
            Pattern.compile("(?i)Invalid\\.Migration\\.?Name\\.?(Duplicated?|Exists?|Conflict)");

    /**
     * Root causes of a transport failure that prove the request never reached the service: the
     * connection was not even made.
     */
    private static final Set<String> NOT_SENT = Set.of(
            "java.net.ConnectException", "java.net.UnknownHostException", "java.net.NoRouteToHostException",
            "java.net.PortUnreachableException", "org.apache.http.conn.ConnectTimeoutException",
            "org.apache.http.conn.HttpHostConnectException");

    private static final Set<String> TRANSIENT_THROTTLING = Set.of(
            "Throttling", "Throttling.User", "Throttling.Api", "Throttling.System", "ServiceUnavailable",
            "SignatureNonceUsed");
    private static final String DAILY_LIMIT = "Throttling.Api.Risk";
    private static final String EDITION_QUOTA = "Throttling.Resource";

    /**
     * Codes for a migration or workspace that does not exist. The DataWorks API reference lists
     * none for GetMigrationSummary: the service reports business lookups as HTTP 400 Invalid.*
     * (Invalid.Tenant.ProjectNotExists), and the emulator answers Invalid.Migration.NotExists.
     * The prefix rule below also catches spelling variants such as Invalid.Migration.NotExist.
     */
    private static final Set<String> NOT_FOUND = Set.of(
            "Invalid.Tenant.ProjectNotExists", "Invalid.Tenant.ProjectNotExist", "Invalid.Migration.NotExists",
            "Invalid.Migration.NotExist", "Invalid.Migration.NotFound");
    private static final Pattern NOT_FOUND_PATTERN =
            Pattern.compile("(?i)Invalid\\.(Tenant\\.Project|Project|Migration)\\.?Not(Exists?|Found)");

    private static final Pattern STRING_TO_SIGN =
            Pattern.compile("(?is)(server )?string ?to ?sign( is)?\\s*:.*$");
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");
    private static final int MAX_SERVICE_MESSAGE = 300;

    private ErrorClassifier() {}

    /**
     * An error answer of the service.
     *
     * @param operation what was attempted, e.g. "GetMigrationSummary for migration 7 in workspace 3"
     * @param httpStatus the HTTP status, or 0 when unknown
     * @param code the service's Code; null or blank when the body had none
     * @param message the service's Message; may be null
     * @param requestId the RequestId; may be null
     */
    public static DataWorksException fromResponse(
            String operation, int httpStatus, String code, String message, String requestId) {
        return classify(operation, httpStatus, code, message, requestId, null);
    }

    private static DataWorksException classify(
            String operation, int httpStatus, String code, String message, String requestId, Throwable sdkCause) {
        RedactedCause cause = RedactedCause.of(sdkCause);
        String c = blankToNull(code);
        String id = blankToNull(requestId);
        String text = describe(operation, c, httpStatus, serviceMessage(message));
        if (c != null) {
            if (c.equals(DAILY_LIMIT)) {
                return new QuotaExceededException(line(text,
                        "the daily API call limit of this account is exhausted; raise the poll interval or upgrade the DataWorks edition", id),
                        c, id, cause);
            }
            if (c.equals(EDITION_QUOTA)) {
                return new QuotaExceededException(line(text,
                        "the API quota of this DataWorks edition is used up; upgrade the DataWorks edition or wait until the quota resets", id),
                        c, id, cause);
            }
            if (TRANSIENT_THROTTLING.contains(c) || c.startsWith("InternalError") || c.startsWith("ServiceUnavailable")) {
                return new TransientApiException(line(text, "temporary; retrying later may succeed", id), c, id, cause);
            }
            UserText authFix = authenticationFix(c);
            if (authFix != null) {
                return new AuthenticationException(line(text, authFix, id), c, id, cause);
            }
            if (c.equals(NAME_DUPLICATED) || NAME_TAKEN_PATTERN.matcher(c).matches()) {
                return new ApiException(line(text, UserText.of("choose another ", Setting.NAME,
                        ": migration names are unique in a workspace"), id), c, id, cause);
            }
            if (NOT_FOUND.contains(c) || NOT_FOUND_PATTERN.matcher(c).matches()) {
                return new MigrationNotFoundException(line(text, UserText.of("check ", Setting.PROJECT_ID,
                        " (the workspace ID) and ", Setting.MIGRATION_ID, ", and the region"), id), c, id, cause);
            }
        }
        if (httpStatus >= 500 || httpStatus == 429) {
            return new TransientApiException(line(text, "temporary; retrying later may succeed", id), c, id, cause);
        }
        if (c == null && (httpStatus == 401 || httpStatus == 403)) {
            return new AuthenticationException(line(text, "check the credentials and their RAM permissions", id), null, id, cause);
        }
        if (c == null && httpStatus == 407) {
            // The HTTP proxy, not the service, refused: asking again would only be refused again.
            return new AuthenticationException(line(text, UserText.of(
                    "the HTTP proxy demands authentication, which is not supported; use a proxy that does not",
                    UserText.hint(Setting.NON_PROXY_HOSTS, ", or list the endpoint in ", Setting.NON_PROXY_HOSTS)),
                    id), null, id, cause);
        }
        return new ApiException(line(text, (String) null, id), c, id, cause);
    }

    /**
     * A non-2xx answer, from its raw body: the JSON error document (RequestId, Code, Message) when
     * there is one, otherwise just the HTTP status.
     *
     * @param headerRequestId the x-acs-request-id response header, used when the body has no RequestId
     */
    public static DataWorksException fromErrorBody(String operation, int httpStatus, byte[] body, String headerRequestId) {
        JsonObject error = jsonObject(body);
        if (error == null) {
            String problem = body == null || body.length == 0 ? "empty error body" : "error body is not JSON";
            return classify(operation, httpStatus, null, problem, headerRequestId, null);
        }
        String requestId = firstString(error, "RequestId", "requestId");
        return classify(operation, httpStatus,
                firstString(error, "Code", "ErrorCode", "code"),
                firstString(error, "Message", "ErrorMessage", "message"),
                requestId != null ? requestId : headerRequestId, null);
    }

    /**
     * The x-acs-request-id response header, whatever case the transport delivered it in (the JDK's
     * HTTP stack rewrites header names), or null.
     */
    public static String requestIdHeader(Map<String, String> headers) {
        if (headers == null) {
            return null;
        }
        for (Map.Entry<String, String> h : headers.entrySet()) {
            if (h.getKey() != null && h.getKey().equalsIgnoreCase("x-acs-request-id")) {
                return blankToNull(h.getValue());
            }
        }
        return null;
    }

    /** The body as a JSON object, or null when it is empty or not a JSON object. */
    public static JsonObject jsonObject(byte[] body) {
        if (body == null || body.length == 0) {
            return null;
        }
        try {
            JsonElement e = JsonParser.parseString(new String(body, StandardCharsets.UTF_8));
            return e.isJsonObject() ? e.getAsJsonObject() : null;
        } catch (JsonParseException e) {
            return null;
        }
    }

    /** The first of the named members that is a non-blank string (or number), else null. */
    public static String firstString(JsonObject o, String... names) {
        for (String name : names) {
            JsonElement e = o.get(name);
            if (e != null && e.isJsonPrimitive()) {
                String s = e.getAsString();
                if (!s.isBlank()) {
                    return s;
                }
            }
        }
        return null;
    }

    /**
     * A 2xx answer the client cannot use: empty, not JSON, or without the documented fields.
     * Classified transient: such answers come from overloaded gateways and cut connections.
     */
    public static TransientApiException malformedResponse(String operation, int httpStatus, String requestId, String problem) {
        return malformed(operation, httpStatus, requestId, problem, null);
    }

    private static TransientApiException malformed(
            String operation, int httpStatus, String requestId, String problem, Throwable sdkCause) {
        String id = blankToNull(requestId);
        String text = operation + " failed: " + MALFORMED_RESPONSE + (httpStatus > 0 ? " (HTTP " + httpStatus + ")" : "")
                + ": " + oneLine(problem);
        return new TransientApiException(line(text, "temporary; retrying later may succeed", id), MALFORMED_RESPONSE, id,
                RedactedCause.of(sdkCause));
    }

    /**
     * An exception thrown by aliyun-java-sdk-core. The SDK reports the service's errors as
     * ServerException (HTTP 5xx) and ClientException (other statuses and client-side failures such
     * as SDK.ServerUnreachable and SDK.ReadTimeout).
     */
    public static DataWorksException fromSdk(String operation, ClientException e) {
        String code = blankToNull(nullMarker(e.getErrCode()));
        String requestId = blankToNull(nullMarker(e.getRequestId()));
        if (code != null && code.startsWith("SDK.")) {
            return fromSdkClientSide(operation, code, e);
        }
        int status = e instanceof ServerException ? 500 : 0;
        return classify(operation, status, code, nullMarker(e.getErrMsg()), requestId, e);
    }

    /** Any failure of a call: SDK exceptions, IO failures, engine exceptions (returned as they are). */
    public static DataWorksException fromThrowable(String operation, Throwable t) {
        if (t instanceof DataWorksException dw) {
            return dw;
        }
        if (t instanceof ClientException ce) {
            return fromSdk(operation, ce);
        }
        if (t instanceof IOException io) {
            return fromIo(operation, io);
        }
        String text = operation + " failed: " + t.getClass().getSimpleName() + ": " + oneLine(Redaction.text(t.getMessage()));
        return new ApiException(line(text, (String) null, null), t.getClass().getSimpleName(), null, RedactedCause.of(t));
    }

    /** A failure to send the request or read the answer. */
    public static DataWorksException fromIo(String operation, IOException e) {
        String code = e instanceof SocketTimeoutException ? "SDK.ReadTimeout" : "SDK.ServerUnreachable";
        return transportFailure(operation, code, e);
    }

    private static DataWorksException fromSdkClientSide(String operation, String code, ClientException e) {
        Throwable root = rootCause(e);
        switch (code) {
            case "SDK.ServerUnreachable", "SDK.ReadTimeout", "SDK.RequestTryOrRetryFailed":
                return transportFailure(operation, code, root);
            case "SDK.InvalidServerResponse", "SDK.InvalidResponseFormat":
                return malformed(operation, 0, nullMarker(e.getRequestId()), "the service answered with an unreadable body", e);
            case "SDK.InvalidAccessKeySecret", "SDK.InvalidAccessSecret":
                return new AuthenticationException(line(operation + " failed: " + code,
                        "the AccessKey secret does not match the AccessKey ID; check the secret",
                        blankToNull(nullMarker(e.getRequestId()))), code, blankToNull(nullMarker(e.getRequestId())),
                        RedactedCause.of(e));
            default:
                String detail = root == e ? "" : ": " + summary(root);
                return new ApiException(line(operation + " failed: " + code + detail, (String) null, null), code, null, RedactedCause.of(e));
        }
    }

    private static DataWorksException transportFailure(String operation, String code, Throwable root) {
        String what;
        if (root instanceof SocketTimeoutException) {
            what = "no answer within the read/connect timeout";
        } else if (root instanceof UnknownHostException) {
            what = "unknown host " + oneLine(root.getMessage());
        } else if (root instanceof ConnectException) {
            what = "connection failed";
        } else if (root instanceof SSLException) {
            // Certificate problems do not heal by waiting, but a TLS reset does: the waiter bounds retries.
            what = "TLS failure";
        } else if (root instanceof InterruptedIOException) {
            what = "interrupted";
        } else {
            what = "network failure";
        }
        String text = operation + " failed: " + code + ": " + what + " (" + summary(root) + ")";
        return new TransientApiException(line(text, "temporary; retrying later may succeed", null), code, null,
                RedactedCause.of(root));
    }

    /**
     * Whether a failed write call (CreateExportMigration, CreateImportMigration, StartMigration) may
     * have been carried out although no answer said so: a timeout or a connection lost after the
     * request was sent, a 5xx (the service may fail after acting), a 2xx answer that could not be
     * read. Such a call must not simply be repeated: the caller looks first (a migration by its
     * unique name, a migration's status). False for failures the service reports before it acts
     * (throttling, any 4xx refusal, a quota) and for a connection that was never made: repeating
     * those cannot do anything twice.
     *
     * <p>SignatureNonceUsed counts as ambiguous: each call signs a fresh nonce, so the service saw
     * this very request before. That happens when something below the caller resends a POST whose
     * answer was lost (the JDK's HttpURLConnection does so once by default; the engine's transport
     * never lets it for a write, but a proxy on the way may): the refused copy proves that the first
     * copy arrived, and it may have been carried out.
     */
    public static boolean mayHaveTakenEffect(DataWorksException e) {
        if (!(e instanceof TransientApiException)) {
            return false; // a refusal: 4xx, authentication, quota, not found, bad input
        }
        String code = e.errorCode();
        if (code != null && code.startsWith("Throttling")) {
            return false;
        }
        if ("SDK.ServerUnreachable".equals(code) && e.getCause() instanceof RedactedCause root
                && NOT_SENT.contains(root.originalClass())) {
            return false;
        }
        // Read timeouts, resets, InternalError, ServiceUnavailable, a 5xx without a code, malformed answers.
        return true;
    }

    /** Whether the service refused a Create call because a migration of that name exists in the workspace. */
    public static boolean isNameTaken(DataWorksException e) {
        String c = e.errorCode();
        return e instanceof ApiException && c != null && (c.equals(NAME_DUPLICATED) || NAME_TAKEN_PATTERN.matcher(c).matches());
    }

    /**
     * The error for a Create call the service refused because the name is taken, when no earlier
     * attempt of this run can have taken it: the user's choice of name, not something to recover from.
     */
    public static ApiException nameTaken(String name, long projectId, DataWorksException refusal) {
        String id = refusal.requestId();
        return new ApiException(line("a migration named '" + oneLine(name) + "' already exists in workspace " + projectId,
                UserText.of("choose another ", Setting.NAME), id), refusal.errorCode(), id, refusal.getCause());
    }

    /**
     * An OSS PostObject upload answered with an error: 5xx (and 429) transient; 403 AccessDenied
     * because the policy expired transient with code {@link #UPLOAD_GRANT_EXPIRED} (a fresh grant
     * helps, see {@link #needsFreshUploadGrant}); every other 4xx permanent.
     *
     * @param operation what was attempted, naming the object key; never the policy, signature or a query
     * @param code OSS's Code from the XML error body; null when there was none
     * @param message OSS's Message; the caller has removed the grant's policy and signature from it
     * @param requestId the x-oss-request-id header; may be null
     */
    public static DataWorksException fromOssUpload(
            String operation, int httpStatus, String code, String message, String requestId) {
        String c = blankToNull(code);
        String id = blankToNull(requestId);
        String text = describe(operation, c, httpStatus, serviceMessage(message));
        if (httpStatus >= 500 || httpStatus == 429) {
            return new TransientApiException(line(text, "temporary; retrying later may succeed", id),
                    c == null ? "HTTP" + httpStatus : c, id, null);
        }
        if (httpStatus == 403 && "AccessDenied".equals(c) && message != null
                && message.toLowerCase(Locale.ROOT).contains("expired")) {
            return new TransientApiException(line(text,
                    "the upload grant expired before the upload finished; a fresh AuthorizeFileUpload grant is needed"
                            + " (check the system clock if this repeats)", id), UPLOAD_GRANT_EXPIRED, id, null);
        }
        String fix = httpStatus == 403 ? "OSS refused the upload grant; check the credentials' OpenPlatform permissions"
                : httpStatus == 400 && c != null && c.contains("TooLarge")
                        ? "the package is larger than the upload grant allows" : null;
        return new ApiException(line(text, fix, id), c == null ? "HTTP" + httpStatus : c, id, null);
    }

    /** Whether an upload failed because its grant expired: upload again under a fresh AuthorizeFileUpload grant. */
    public static boolean needsFreshUploadGrant(DataWorksException e) {
        return e instanceof TransientApiException && UPLOAD_GRANT_EXPIRED.equals(e.errorCode());
    }

    /**
     * The host name a call could not resolve (SDK.ServerUnreachable from an UnknownHostException), or
     * empty for any other failure. Classified transient, as a DNS hiccup is; whether it is one or a
     * wrong region, endpoint or proxy depends on whether that host answered before, which only the
     * caller knows (the waiter decides).
     */
    public static Optional<String> unresolvedHost(DataWorksException e) {
        if (e instanceof TransientApiException && "SDK.ServerUnreachable".equals(e.errorCode())
                && e.getCause() instanceof RedactedCause root
                && UnknownHostException.class.getName().equals(root.originalClass())) {
            // "host", or "host: Name or service not known" on some platforms
            String m = oneLine(root.getMessage());
            int colon = m.indexOf(": ");
            return Optional.of(colon > 0 ? m.substring(0, colon) : m);
        }
        return Optional.empty();
    }

    /**
     * What to check when a host never resolved before any call got through: the settings that say
     * where calls go. One text for the wait and the launcher, in each front end's words.
     */
    public static UserText unresolvedHostFix() {
        return UserText.of("check ", Setting.REGION, ", ", Setting.ENDPOINT, " and ", Setting.VPC,
                " (the VPC endpoint resolves only inside an Alibaba Cloud VPC), and the proxy",
                UserText.hint(Setting.PROXY, " (", Setting.PROXY, ")"));
    }

    private static UserText authenticationFix(String code) {
        String c = code.toLowerCase(Locale.ROOT);
        if (c.startsWith("invalidaccesskeyid")) {
            return UserText.of("the AccessKey ID is unknown or disabled; check the AccessKey ID");
        }
        if (c.equals("signaturedoesnotmatch") || c.startsWith("invalidaccesskeysecret")) {
            return UserText.of("the AccessKey secret does not match the AccessKey ID; check the secret");
        }
        if (c.equals("incompletesignature")) {
            return UserText.of("the request signature is incomplete; check the secret and any proxy that rewrites requests");
        }
        if (c.startsWith("invalidsecuritytoken") || c.startsWith("securitytokenexpired")) {
            return UserText.of("the STS security token is invalid or expired; get fresh session credentials");
        }
        if (c.startsWith("invalidtimestamp")) {
            return UserText.of("the request time is outside the accepted window; check the system clock");
        }
        if (c.startsWith("forbidden") || c.equals("nopermission") || c.startsWith("nopermission.")) {
            return UserText.of("the RAM user or role lacks permission; grant it DataWorks access to the workspace");
        }
        if (c.startsWith("entitynotexist.role") || c.startsWith("invalidparameter.rolearn")) {
            return UserText.of("the RAM role cannot be assumed",
                    UserText.hint(Setting.ROLE_ARN, "; check ", Setting.ROLE_ARN));
        }
        return null;
    }

    private static String describe(String operation, String code, int httpStatus, String message) {
        StringBuilder b = new StringBuilder(operation).append(" failed: ");
        b.append(code == null ? "no error code" : code);
        if (httpStatus > 0) {
            b.append(" (HTTP ").append(httpStatus).append(')');
        }
        if (message != null) {
            b.append(": ").append(message);
        }
        return b.toString();
    }

    private static UserText line(String text, UserText fix, String requestId) {
        return UserText.of(trimEnd(text) + "; ", fix, "." + (requestId == null ? "" : " RequestId: " + oneLine(requestId)));
    }

    private static String line(String text, String fix, String requestId) {
        StringBuilder b = new StringBuilder(trimEnd(text));
        if (fix != null) {
            b.append("; ").append(fix);
        }
        b.append('.');
        if (requestId != null) {
            b.append(" RequestId: ").append(oneLine(requestId));
        }
        return b.toString();
    }

    private static String trimEnd(String s) {
        String t = s.strip();
        while (t.endsWith(".") || t.endsWith(";") || t.endsWith(":")) {
            t = t.substring(0, t.length() - 1).strip();
        }
        return t;
    }

    /** The service's message made safe: no string to sign, no URL query, one line, bounded. */
    static String serviceMessage(String message) {
        String m = blankToNull(message);
        if (m == null) {
            return null;
        }
        m = STRING_TO_SIGN.matcher(m).replaceAll("").strip();
        m = oneLine(Redaction.text(m));
        if (m.length() > MAX_SERVICE_MESSAGE) {
            m = m.substring(0, MAX_SERVICE_MESSAGE) + "...";
        }
        return m.isEmpty() ? null : m;
    }

    private static String summary(Throwable t) {
        String m = t.getMessage();
        String name = t.getClass().getSimpleName();
        return m == null || m.isBlank() ? name : name + ": " + serviceMessage(m);
    }

    private static Throwable rootCause(Throwable t) {
        Throwable r = t;
        int depth = 0;
        while (r.getCause() != null && r.getCause() != r && depth++ < 16) {
            r = r.getCause();
        }
        return r;
    }

    private static String oneLine(String s) {
        return s == null ? "" : WHITESPACE.matcher(s).replaceAll(" ").strip();
    }

    /** The SDK writes "(null)" where an error body had no field. */
    private static String nullMarker(String s) {
        return "(null)".equals(s) ? null : s;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
