package io.jenkins.plugins.dataworks.engine.auth;

import com.aliyuncs.CommonRequest;
import com.aliyuncs.IAcsClient;
import com.aliyuncs.auth.AlibabaCloudCredentials;
import com.aliyuncs.auth.AlibabaCloudCredentialsProvider;
import com.aliyuncs.auth.BasicSessionCredentials;
import com.aliyuncs.http.HttpResponse;
import com.aliyuncs.http.MethodType;
import com.aliyuncs.http.ProtocolType;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.jenkins.plugins.dataworks.engine.error.DataWorksException;
import io.jenkins.plugins.dataworks.engine.error.ErrorClassifier;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Objects;
import java.util.Optional;

/**
 * Temporary credentials of a RAM role, from STS AssumeRole (version 2015-04-01), cached and renewed
 * before they expire. The SDK's own STSAssumeRoleSessionCredentialsProvider is not used: it forces
 * HTTPS (the emulator serves STS over loopback http), reads the wall clock instead of an injectable
 * one, ignores the Expiration STS returns, and is not thread-safe.
 *
 * <p>A session is renewed once less than {@link #refreshMargin(Duration) max(10 %, 3 minutes)} of
 * it remains. If renewing fails while the current session is still good for another
 * {@link #LAST_RESORT}, the current session is used and renewal is tried again on the next call.
 * Failures surface as the engine's exceptions (classified like any other call), which the SDK
 * passes through unchanged.
 */
public final class AssumeRoleSessionProvider implements AlibabaCloudCredentialsProvider {

    static final Duration MIN_REFRESH_MARGIN = Duration.ofMinutes(3);
    /** Below this much validity a failed renewal is reported rather than papered over. */
    static final Duration LAST_RESORT = Duration.ofSeconds(30);

    private final AssumeRoleCredentials role;
    private final IAcsClient stsClient;
    private final String regionId;
    private final int connectTimeoutMillis;
    private final int readTimeoutMillis;
    private final Clock clock;

    private Session session;

    /**
     * @param stsClient an SDK client signing with {@code role.base()} and configured for
     *     {@code role.stsUri()} (transport, proxy); the provider does not close it
     * @param regionId the RegionId the AssumeRole call is signed with
     */
    public AssumeRoleSessionProvider(AssumeRoleCredentials role, IAcsClient stsClient, String regionId,
            Duration connectTimeout, Duration readTimeout, Clock clock) {
        this.role = Objects.requireNonNull(role, "role");
        this.stsClient = Objects.requireNonNull(stsClient, "stsClient");
        this.regionId = Objects.requireNonNull(regionId, "regionId");
        this.connectTimeoutMillis = Math.toIntExact(connectTimeout.toMillis());
        this.readTimeoutMillis = Math.toIntExact(readTimeout.toMillis());
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Current session credentials, assuming the role first when there are none or they are due for renewal. */
    @Override
    public synchronized AlibabaCloudCredentials getCredentials() {
        Instant now = clock.instant();
        Session current = session;
        if (current != null && now.isBefore(current.refreshAt())) {
            return current.credentials();
        }
        try {
            session = assumeRole(now);
            return session.credentials();
        } catch (DataWorksException e) {
            if (current != null && now.isBefore(current.expiresAt().minus(LAST_RESORT))) {
                return current.credentials();
            }
            throw e;
        }
    }

    /** Forgets the cached session, e.g. after the service rejected its token as expired. */
    public synchronized void invalidate() {
        session = null;
    }

    /** When the cached session expires; empty before the first AssumeRole. */
    public synchronized Optional<Instant> expiration() {
        return Optional.ofNullable(session).map(Session::expiresAt);
    }

    /** How long before expiry a session of the given length is renewed. */
    public static Duration refreshMargin(Duration sessionLength) {
        Duration tenth = sessionLength.dividedBy(10);
        return tenth.compareTo(MIN_REFRESH_MARGIN) > 0 ? tenth : MIN_REFRESH_MARGIN;
    }

    private Session assumeRole(Instant now) {
        String operation = "AssumeRole of " + role.roleArn();
        CommonRequest request = new CommonRequest();
        request.setSysProduct("Sts");
        request.setSysVersion("2015-04-01");
        request.setSysAction("AssumeRole");
        request.setSysMethod(MethodType.POST);
        request.setSysDomain(role.stsUri().getRawAuthority());
        request.setSysProtocol("https".equals(role.stsUri().getScheme()) ? ProtocolType.HTTPS : ProtocolType.HTTP);
        request.setSysRegionId(regionId);
        request.setSysConnectTimeout(connectTimeoutMillis);
        request.setSysReadTimeout(readTimeoutMillis);
        request.putBodyParameter("RoleArn", role.roleArn());
        request.putBodyParameter("RoleSessionName", role.sessionName());
        request.putBodyParameter("DurationSeconds", String.valueOf(role.duration().toSeconds()));

        HttpResponse response;
        try {
            response = stsClient.doAction(request.buildRequest());
        } catch (Exception e) {
            throw ErrorClassifier.fromThrowable(operation, e);
        }
        int status = response.getStatus();
        byte[] body = response.getHttpContent();
        String headerRequestId = ErrorClassifier.requestIdHeader(response.getSysHeaders());
        if (!response.isSuccess()) {
            throw ErrorClassifier.fromErrorBody(operation, status, body, headerRequestId);
        }
        JsonObject json = ErrorClassifier.jsonObject(body);
        if (json == null) {
            throw ErrorClassifier.malformedResponse(operation, status, headerRequestId,
                    body == null || body.length == 0 ? "empty body" : "body is not a JSON object");
        }
        String requestId = ErrorClassifier.firstString(json, "RequestId");
        JsonElement c = json.get("Credentials");
        if (c == null || !c.isJsonObject()) {
            throw ErrorClassifier.malformedResponse(operation, status, requestId, "no Credentials in the answer");
        }
        JsonObject creds = c.getAsJsonObject();
        String id = ErrorClassifier.firstString(creds, "AccessKeyId");
        String secret = ErrorClassifier.firstString(creds, "AccessKeySecret");
        String token = ErrorClassifier.firstString(creds, "SecurityToken");
        if (id == null || secret == null || token == null) {
            throw ErrorClassifier.malformedResponse(operation, status, requestId,
                    "Credentials lack AccessKeyId, AccessKeySecret or SecurityToken");
        }
        Instant expiresAt = expiration(ErrorClassifier.firstString(creds, "Expiration"), now);
        Duration length = Duration.between(now, expiresAt);
        Instant refreshAt = expiresAt.minus(refreshMargin(length.isNegative() ? Duration.ZERO : length));
        return new Session(new BasicSessionCredentials(id, secret, token), expiresAt, refreshAt);
    }

    /** STS's own Expiration is authoritative; without one, the requested duration from now. */
    private Instant expiration(String text, Instant now) {
        if (text != null) {
            try {
                return Instant.parse(text);
            } catch (DateTimeParseException ignored) {
                // fall through to the requested duration
            }
        }
        return now.plus(role.duration());
    }

    @Override
    public String toString() {
        return "AssumeRoleSessionProvider[" + role + "]";
    }

    /** The SDK credentials hold the secret; this record never prints them. */
    private record Session(BasicSessionCredentials credentials, Instant expiresAt, Instant refreshAt) {
        @Override
        public String toString() {
            return "Session[accessKeyId=" + credentials.getAccessKeyId() + ", expiresAt=" + expiresAt + "]";
        }
    }
}
