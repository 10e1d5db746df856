package io.jenkins.plugins.dataworks.benchmarks;

import com.aliyuncs.CommonRequest;
import com.aliyuncs.auth.AlibabaCloudCredentials;
import com.aliyuncs.auth.BasicCredentials;
import com.aliyuncs.auth.Signer;
import com.aliyuncs.http.FormatType;
import com.aliyuncs.http.HttpRequest;
import com.aliyuncs.http.MethodType;
import com.aliyuncs.http.ProtocolType;
import com.aliyuncs.regions.ProductDomain;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.jenkins.plugins.dataworks.engine.client.DataWorksClient;
import io.jenkins.plugins.dataworks.engine.client.MigrationRef;
import io.jenkins.plugins.dataworks.engine.client.MigrationSummary;
import java.net.URI;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Benchmark 4 (JMH): one GetMigrationSummary through the engine's client against the emulator
 * process given by {@code -Dbench.endpoint}, and its parts without the network: the SDK building
 * and signing the request, and parsing a response body.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class PollCostBenchmark {

    static final long MIGRATION_ID = 700001;

    /** A response as the emulator (and the service) answers it, DownloadUrl included. */
    static final String RESPONSE = "{\"RequestId\":\"19999A96-71BA-2845-B455-ED620EF4E37F\",\"Success\":true,"
            + "\"Data\":{\"MigrationId\":700001,\"Name\":\"bench_done_700001\",\"GmtCreate\":1589904000000,"
            + "\"GmtModified\":1589904000000,\"CreateUser\":\"1000000000000001\",\"OpUser\":\"1000000000000001\","
            + "\"Status\":\"EXPORT_SUCCESS\",\"ProjectId\":10001,\"DownloadUrl\":\"http://127.0.0.1:8080/dataworks-"
            + "emulator-export/10001/700001/bench_done_700001.zip?Expires=1639540903&OSSAccessKeyId=emulator-oss-key"
            + "&Signature=qxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx%3D\"}}";

    private DataWorksClient client;
    private MigrationRef ref;
    private AlibabaCloudCredentials credentials;
    private Signer signer;
    private ProductDomain domain;

    @Setup(Level.Trial)
    public void setUp() {
        String endpoint = System.getProperty("bench.endpoint");
        if (endpoint == null) {
            throw new IllegalStateException("run with -Dbench.endpoint=http://127.0.0.1:PORT (an EmulatorHost)");
        }
        client = Clients.create(endpoint);
        ref = new MigrationRef(EmulatorHost.PROJECT_ID, MIGRATION_ID);
        credentials = new BasicCredentials(EmulatorHost.ACCESS_KEY_ID, EmulatorHost.ACCESS_KEY_SECRET);
        signer = Signer.getSigner(credentials);
        domain = new ProductDomain("dataworks-public", URI.create(endpoint).getAuthority());
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        client.close();
    }

    /** Everything one poll costs: build, sign, send over loopback, emulator's work, parse. */
    @Benchmark
    public MigrationSummary fullCall() throws Exception {
        return client.getMigrationSummary(ref);
    }

    /** The SDK's part before the network: a CommonRequest built and signed (HMAC-SHA1) into an HTTP request. */
    @Benchmark
    public HttpRequest sdkBuildAndSign() throws Exception {
        CommonRequest request = new CommonRequest();
        request.setSysMethod(MethodType.POST);
        request.setSysProtocol(ProtocolType.HTTP);
        request.setSysDomain(domain.getDomainName());
        request.setSysVersion("2020-05-18");
        request.setSysAction("GetMigrationSummary");
        request.setSysProduct("dataworks-public");
        request.putQueryParameter("RegionId", Clients.REGION);
        request.putBodyParameter("ProjectId", Long.toString(ref.projectId()));
        request.putBodyParameter("MigrationId", Long.toString(ref.migrationId()));
        return request.buildRequest().signRequest(signer, credentials, FormatType.JSON, domain);
    }

    /** The part after the network: the JSON body parsed and the summary's fields read. */
    @Benchmark
    public Object parseResponse() {
        JsonObject data = JsonParser.parseString(RESPONSE).getAsJsonObject().getAsJsonObject("Data");
        return new Object[] {data.get("Status").getAsString(), data.get("DownloadUrl").getAsString(),
                data.get("GmtModified").getAsLong(), data.get("Name").getAsString()};
    }
}
