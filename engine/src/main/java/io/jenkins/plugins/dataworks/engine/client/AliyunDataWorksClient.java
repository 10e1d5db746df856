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
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.jenkins.plugins.dataworks.engine.auth.SecretValue;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * {@link DataWorksClient} on aliyun-java-sdk-core: RPC calls to product dataworks-public, version
 * 2020-05-18, signed with HMAC-SHA1, one attempt per call (the SDK's retries are off; the waiter
 * decides). Thread-safe. Each instance has its own transports (see {@link SdkClients} for why the
 * SDK's shared Apache client is not used); {@link #close()} releases them. The write calls
 * (CreateExportMigration, CreateImportMigration, StartMigration) go through a transport that never
 * sends a request twice ({@link SdkTransport.Sending#ONCE}): the service could perform a repeated
 * copy again, and only {@code engine.migrate.MigrationLauncher} decides whether to try once more.
 */
public final class AliyunDataWorksClient implements DataWorksClient {

    static final String PRODUCT = "dataworks-public";
    static final String VERSION = "2020-05-18";
    static final String GET_MIGRATION_SUMMARY = "GetMigrationSummary";
    static final String OPEN_PLATFORM_PRODUCT = "OpenPlatform";
    static final String OPEN_PLATFORM_VERSION = "2019-12-19";
    private static final String EXPIRED_TOKEN = "InvalidSecurityToken.Expired";

    private final ClientSettings settings;
    private final CredentialsSource credentials;
    /** Reads (and AuthorizeFileUpload): the transport may repeat a request whose connection dropped. */
    private final DefaultAcsClient dataWorks;
    /** Writes: every request goes out once at most. */
    private final DefaultAcsClient writes;
    private final DefaultAcsClient sts;
    private final AssumeRoleSessionProvider roleSessions;

    private AliyunDataWorksClient(ClientSettings settings, CredentialsSource credentials, Clock clock) {
        this.settings = settings;
        this.credentials = credentials;
        if (credentials instanceof AssumeRoleCredentials role) {
            this.sts = SdkClients.create(settings.endpoint().regionId(), role.stsUri(), settings.proxy(),
                    settings.connectTimeout(), settings.readTimeout(), SdkTransport.Sending.MAY_REPEAT,
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
                settings.connectTimeout(), settings.readTimeout(), SdkTransport.Sending.MAY_REPEAT, provider);
        this.writes = SdkClients.create(settings.endpoint().regionId(), settings.endpoint().uri(), settings.proxy(),
                settings.connectTimeout(), settings.readTimeout(), SdkTransport.Sending.ONCE, provider);
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
        return call(operation, () -> {
            CommonRequest request = newRequest(GET_MIGRATION_SUMMARY);
            putRef(request, ref);
            HttpResponse response = send(dataWorks, operation, request);
            return MigrationSummaryParser.parse(operation, ref, response.getStatus(), response.getHttpContent(),
                    ErrorClassifier.requestIdHeader(response.getSysHeaders()));
        });
    }

    @Override
    public MigrationRef createExportMigration(ExportSpec spec) {
        Objects.requireNonNull(spec, "spec");
        String operation = "CreateExportMigration of '" + spec.name() + "' in workspace " + spec.projectId();
        return call(operation, () -> {
            CommonRequest request = newRequest("CreateExportMigration");
            request.putBodyParameter("ProjectId", String.valueOf(spec.projectId()));
            request.putBodyParameter("Name", spec.name());
            request.putBodyParameter("ExportMode", spec.mode().name());
            request.putBodyParameter("ExportObjectStatus", spec.objectStatus().name());
            if (spec.incrementalSince() != null) {
                request.putBodyParameter("IncrementalSince", String.valueOf(spec.incrementalSince().toEpochMilli()));
            }
            putIfPresent(request, "Description", spec.description());
            return new MigrationRef(spec.projectId(), answer(writes, operation, request).dataLong());
        });
    }

    @Override
    public UploadGrant authorizeFileUpload() {
        String operation = "AuthorizeFileUpload";
        return call(operation, () -> {
            Endpoint openPlatform = settings.endpoint().openPlatform();
            CommonRequest request = newRequest("AuthorizeFileUpload", openPlatform);
            request.setSysProduct(OPEN_PLATFORM_PRODUCT);
            request.setSysVersion(OPEN_PLATFORM_VERSION);
            request.putQueryParameter("Product", PRODUCT);
            request.putQueryParameter("RegionId", settings.endpoint().regionId());
            Answer answer = answer(dataWorks, operation, request);
            return new UploadGrant(
                    answer.requiredString("AccessKeyId"),
                    answer.requiredString("Bucket"),
                    answer.requiredString("Endpoint"),
                    answer.requiredString("ObjectKey"),
                    SecretValue.of("EncodedPolicy", answer.requiredString("EncodedPolicy")),
                    SecretValue.of("Signature", answer.requiredString("Signature")),
                    Boolean.parseBoolean(ErrorClassifier.firstString(answer.json(), "UseAccelerate")),
                    answer.requestId());
        });
    }

    @Override
    public MigrationRef createImportMigration(ImportSpec spec, String packageFile) {
        Objects.requireNonNull(spec, "spec");
        Objects.requireNonNull(packageFile, "packageFile");
        String operation = "CreateImportMigration of '" + spec.name() + "' in workspace " + spec.projectId();
        return call(operation, () -> {
            CommonRequest request = newRequest("CreateImportMigration");
            request.putBodyParameter("ProjectId", String.valueOf(spec.projectId()));
            request.putBodyParameter("Name", spec.name());
            request.putBodyParameter("PackageType", spec.packageType().name());
            request.putBodyParameter("PackageFile", packageFile);
            putIfPresent(request, "CalculateEngineMap", spec.calculateEngineMap());
            putIfPresent(request, "ResourceGroupMap", spec.resourceGroupMap());
            putIfPresent(request, "WorkspaceMap", spec.workspaceMap());
            putIfPresent(request, "CommitRule", spec.commitRule());
            putIfPresent(request, "Description", spec.description());
            return new MigrationRef(spec.projectId(), answer(writes, operation, request).dataLong());
        });
    }

    @Override
    public boolean startMigration(MigrationRef ref) {
        Objects.requireNonNull(ref, "ref");
        String operation = "StartMigration for " + ref;
        return call(operation, () -> {
            CommonRequest request = newRequest("StartMigration");
            putRef(request, ref);
            return answer(writes, operation, request).dataBoolean();
        });
    }

    @Override
    public MigrationProcess getMigrationProcess(MigrationRef ref) {
        Objects.requireNonNull(ref, "ref");
        String operation = "GetMigrationProcess for " + ref;
        return call(operation, () -> {
            CommonRequest request = newRequest("GetMigrationProcess");
            putRef(request, ref);
            Answer answer = answer(dataWorks, operation, request);
            JsonElement data = answer.data();
            if (!data.isJsonArray()) {
                throw answer.malformed("Data is not a list of tasks");
            }
            List<MigrationTask> tasks = new ArrayList<>();
            for (JsonElement e : data.getAsJsonArray()) {
                if (!e.isJsonObject()) {
                    throw answer.malformed("a task in Data is not an object");
                }
                String name = ErrorClassifier.firstString(e.getAsJsonObject(), "TaskName");
                String status = ErrorClassifier.firstString(e.getAsJsonObject(), "TaskStatus");
                if (name == null || status == null) {
                    throw answer.malformed("a task in Data has no TaskName or TaskStatus");
                }
                tasks.add(new MigrationTask(name, status));
            }
            return new MigrationProcess(ref, tasks, answer.requestId());
        });
    }

    @Override
    public MigrationPage listMigrations(long projectId, MigrationType type, int pageNumber, int pageSize) {
        Objects.requireNonNull(type, "type");
        MigrationRef.checkProjectId(projectId);
        if (pageNumber < 1 || pageSize < 1 || pageSize > 100) {
            throw new IllegalArgumentException("page " + pageNumber + " of size " + pageSize);
        }
        String operation = "ListMigrations of " + type + " migrations in workspace " + projectId;
        return call(operation, () -> {
            CommonRequest request = newRequest("ListMigrations");
            request.putBodyParameter("ProjectId", String.valueOf(projectId));
            request.putBodyParameter("MigrationType", type.name());
            request.putBodyParameter("PageNumber", String.valueOf(pageNumber));
            request.putBodyParameter("PageSize", String.valueOf(pageSize));
            Answer answer = answer(dataWorks, operation, request);
            JsonObject data = answer.dataObject();
            List<MigrationListing> listings = new ArrayList<>();
            JsonElement migrations = data.get("Migrations");
            if (migrations != null && migrations.isJsonArray()) {
                for (JsonElement e : migrations.getAsJsonArray()) {
                    if (!e.isJsonObject()) {
                        throw answer.malformed("a migration in Data.Migrations is not an object");
                    }
                    JsonObject m = e.getAsJsonObject();
                    String id = ErrorClassifier.firstString(m, "Id", "MigrationId");
                    String name = ErrorClassifier.firstString(m, "Name");
                    if (id == null || name == null) {
                        throw answer.malformed("a migration in Data.Migrations has no Id or Name");
                    }
                    listings.add(new MigrationListing(new MigrationRef(projectId, parseLong(answer, id)), name, type,
                            ErrorClassifier.firstString(m, "Status")));
                }
            }
            return new MigrationPage(listings,
                    intOr(answer, data, "PageNumber", pageNumber),
                    intOr(answer, data, "PageSize", pageSize),
                    intOr(answer, data, "TotalCount", listings.size()),
                    answer.requestId());
        });
    }

    /**
     * One call, renewed once when an assumed role's token was revoked or expired early (e.g. clock
     * skew): the call was refused, so repeating it cannot do anything twice.
     */
    private <T> T call(String operation, Supplier<T> attempt) {
        try {
            return attempt.get();
        } catch (AuthenticationException e) {
            if (roleSessions != null && EXPIRED_TOKEN.equals(e.errorCode())) {
                roleSessions.invalidate();
                return attempt.get();
            }
            throw e;
        }
    }

    private Answer answer(DefaultAcsClient client, String operation, CommonRequest request) {
        HttpResponse response = send(client, operation, request);
        return Answer.read(operation, response.getStatus(), response.getHttpContent(),
                ErrorClassifier.requestIdHeader(response.getSysHeaders()));
    }

    private static void putRef(CommonRequest request, MigrationRef ref) {
        request.putBodyParameter("ProjectId", String.valueOf(ref.projectId()));
        request.putBodyParameter("MigrationId", String.valueOf(ref.migrationId()));
    }

    private static void putIfPresent(CommonRequest request, String name, String value) {
        if (value != null) {
            request.putBodyParameter(name, value);
        }
    }

    private static long parseLong(Answer answer, String text) {
        try {
            return Long.parseLong(text.trim());
        } catch (NumberFormatException e) {
            throw answer.malformed("a number field is not a number");
        }
    }

    private static int intOr(Answer answer, JsonObject o, String name, int fallback) {
        String s = ErrorClassifier.firstString(o, name);
        return s == null ? fallback : Math.toIntExact(parseLong(answer, s));
    }

    private CommonRequest newRequest(String action) {
        return newRequest(action, settings.endpoint());
    }

    private CommonRequest newRequest(String action, Endpoint endpoint) {
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

    private static HttpResponse send(DefaultAcsClient client, String operation, CommonRequest request) {
        try {
            // doAction rather than getCommonResponse: it hands back error answers with their HTTP status.
            return client.doAction(request.buildRequest());
        } catch (DataWorksException e) {
            throw e;
        } catch (Exception e) {
            throw ErrorClassifier.fromThrowable(operation, e);
        }
    }

    @Override
    public void close() {
        dataWorks.shutdown();
        writes.shutdown();
        if (sts != null) {
            sts.shutdown();
        }
    }

    @Override
    public String toString() {
        return "AliyunDataWorksClient[endpoint=" + settings.endpoint() + ", credentials=" + credentials + "]";
    }
}
