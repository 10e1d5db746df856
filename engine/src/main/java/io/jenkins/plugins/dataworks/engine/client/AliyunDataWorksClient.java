package io.jenkins.plugins.dataworks.engine.client;

import io.jenkins.plugins.dataworks.engine.text.Setting;
import io.jenkins.plugins.dataworks.engine.text.UserText;
import com.aliyuncs.CommonRequest;
import com.aliyuncs.DefaultAcsClient;
import com.aliyuncs.auth.AlibabaCloudCredentialsProvider;
import com.aliyuncs.auth.StaticCredentialsProvider;
import com.aliyuncs.http.HttpResponse;
import com.aliyuncs.http.MethodType;
import io.jenkins.plugins.dataworks.engine.auth.AssumeRoleCredentials;
import io.jenkins.plugins.dataworks.engine.auth.AssumeRoleSessionProvider;
import io.jenkins.plugins.dataworks.engine.auth.CredentialsSource;
import io.jenkins.plugins.dataworks.engine.auth.SdkCredentials;
import io.jenkins.plugins.dataworks.engine.error.AuthenticationException;
import io.jenkins.plugins.dataworks.engine.error.DataWorksException;
import io.jenkins.plugins.dataworks.engine.error.ErrorClassifier;
import io.jenkins.plugins.dataworks.engine.error.InvalidInputException;
import java.time.Clock;
import java.util.Objects;

/**
 * {@link DataWorksClient} on aliyun-java-sdk-core: RPC calls to product dataworks-public, version
 * 2020-05-18, signed with HMAC-SHA1, one attempt per call (the SDK's retries are off; the waiter
 * decides). Thread-safe. Each instance has its own transport (see {@link SdkClients} for why the
 * SDK's shared Apache client is not used); {@link #close()} releases it.
 */
public final class AliyunDataWorksClient implements DataWorksClient {

    static final String PRODUCT = "dataworks-public";
    static final String VERSION = "2020-05-18";
    static final String GET_MIGRATION_SUMMARY = "GetMigrationSummary";
    private static final String EXPIRED_TOKEN = "InvalidSecurityToken.Expired";

    private final ClientSettings settings;
    private final CredentialsSource credentials;
    private final DefaultAcsClient dataWorks;
    private final DefaultAcsClient sts;
    private final AssumeRoleSessionProvider roleSessions;

    private AliyunDataWorksClient(ClientSettings settings, CredentialsSource credentials, Clock clock) {
        this.settings = settings;
        this.credentials = credentials;
        if (credentials instanceof AssumeRoleCredentials role) {
            this.sts = SdkClients.create(settings.endpoint().regionId(), role.stsUri(), settings.proxy(),
                    settings.connectTimeout(), settings.readTimeout(),
                    new StaticCredentialsProvider(SdkCredentials.of(role.base())));
            this.roleSessions = new AssumeRoleSessionProvider(role, sts, settings.endpoint().regionId(),
                    settings.connectTimeout(), settings.readTimeout(), clock);
        } else {
            this.sts = null;
            this.roleSessions = null;
        }
        AlibabaCloudCredentialsProvider provider = roleSessions != null
                ? roleSessions
                : new StaticCredentialsProvider(SdkCredentials.of(credentials));
        this.dataWorks = SdkClients.create(settings.endpoint().regionId(), settings.endpoint().uri(), settings.proxy(),
                settings.connectTimeout(), settings.readTimeout(), provider);
    }

    /** A client with the system clock (which only paces STS session renewal). */
    public static AliyunDataWorksClient create(ClientSettings settings, CredentialsSource credentials) {
        return create(settings, credentials, Clock.systemUTC());
    }

    /**
     * @param clock decides when an assumed role's session is renewed
     * @throws InvalidInputException when settings or credentials are missing
     */
    public static AliyunDataWorksClient create(ClientSettings settings, CredentialsSource credentials, Clock clock) {
        if (settings == null) {
            throw new InvalidInputException("endpoint",
                    UserText.of("is missing: set ", Setting.REGION, " or ", Setting.ENDPOINT));
        }
        if (credentials == null) {
            throw new InvalidInputException("credentials", "are missing: give an AccessKey, STS session or role");
        }
        return new AliyunDataWorksClient(settings, credentials, Objects.requireNonNull(clock, "clock"));
    }

    @Override
    public MigrationSummary getMigrationSummary(MigrationRef ref) {
        Objects.requireNonNull(ref, "ref");
        String operation = GET_MIGRATION_SUMMARY + " for " + ref;
        try {
            return callGetMigrationSummary(operation, ref);
        } catch (AuthenticationException e) {
            // An assumed-role token can be revoked or expire early (e.g. clock skew): renew it once.
            if (roleSessions != null && EXPIRED_TOKEN.equals(e.errorCode())) {
                roleSessions.invalidate();
                return callGetMigrationSummary(operation, ref);
            }
            throw e;
        }
    }

    private MigrationSummary callGetMigrationSummary(String operation, MigrationRef ref) {
        CommonRequest request = newRequest(GET_MIGRATION_SUMMARY);
        request.putBodyParameter("ProjectId", String.valueOf(ref.projectId()));
        request.putBodyParameter("MigrationId", String.valueOf(ref.migrationId()));
        HttpResponse response = send(operation, request);
        return MigrationSummaryParser.parse(operation, ref, response.getStatus(), response.getHttpContent(),
                ErrorClassifier.requestIdHeader(response.getSysHeaders()));
    }

    private CommonRequest newRequest(String action) {
        Endpoint endpoint = settings.endpoint();
        CommonRequest request = new CommonRequest();
        request.setSysProduct(PRODUCT);
        request.setSysVersion(VERSION);
        request.setSysAction(action);
        request.setSysMethod(MethodType.POST);
        // A fixed domain skips the SDK's endpoint resolution (and its location-service lookups).
        request.setSysDomain(endpoint.domain());
        // The SDK's default protocol is HTTP: always say which one.
        request.setSysProtocol(SdkClients.protocolOf(endpoint.uri()));
        request.setSysRegionId(endpoint.regionId());
        request.setSysConnectTimeout(Math.toIntExact(settings.connectTimeout().toMillis()));
        request.setSysReadTimeout(Math.toIntExact(settings.readTimeout().toMillis()));
        return request;
    }

    private HttpResponse send(String operation, CommonRequest request) {
        try {
            // doAction rather than getCommonResponse: it hands back error answers with their HTTP status.
            return dataWorks.doAction(request.buildRequest());
        } catch (DataWorksException e) {
            throw e;
        } catch (Exception e) {
            throw ErrorClassifier.fromThrowable(operation, e);
        }
    }

    @Override
    public void close() {
        dataWorks.shutdown();
        if (sts != null) {
            sts.shutdown();
        }
    }

    @Override
    public String toString() {
        return "AliyunDataWorksClient[endpoint=" + settings.endpoint() + ", credentials=" + credentials + "]";
    }
}
