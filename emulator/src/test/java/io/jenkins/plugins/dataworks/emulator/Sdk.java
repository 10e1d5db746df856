package io.jenkins.plugins.dataworks.emulator;

import com.aliyuncs.CommonRequest;
import com.aliyuncs.CommonResponse;
import com.aliyuncs.DefaultAcsClient;
import com.aliyuncs.IAcsClient;
import com.aliyuncs.auth.BasicSessionCredentials;
import com.aliyuncs.auth.StaticCredentialsProvider;
import com.aliyuncs.exceptions.ClientException;
import com.aliyuncs.http.MethodType;
import com.aliyuncs.http.ProtocolType;
import com.aliyuncs.profile.DefaultProfile;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/** The real aliyun-java-sdk-core, pointed at the emulator the way the engine does it. */
final class Sdk {

    private Sdk() {
    }

    static IAcsClient client(String keyId, String secret) {
        return new DefaultAcsClient(DefaultProfile.getProfile("cn-shanghai", keyId, secret));
    }

    static IAcsClient sessionClient(String keyId, String secret, String token) {
        DefaultProfile profile = DefaultProfile.getProfile("cn-shanghai");
        return new DefaultAcsClient(profile, new StaticCredentialsProvider(new BasicSessionCredentials(keyId, secret, token)));
    }

    static CommonRequest dataworks(DataWorksEmulator emulator, String action) {
        CommonRequest request = new CommonRequest();
        request.setSysMethod(MethodType.POST);
        request.setSysDomain(emulator.hostAndPort());
        request.setSysProtocol(ProtocolType.HTTP);
        request.setSysProduct("dataworks-public");
        request.setSysVersion("2020-05-18");
        request.setSysAction(action);
        request.setSysConnectTimeout(2000);
        request.setSysReadTimeout(5000);
        return request;
    }

    /** OpenPlatform AuthorizeFileUpload, as CreateImportMigrationAdvance calls it first. */
    static CommonRequest authorizeFileUpload(DataWorksEmulator emulator) {
        CommonRequest request = new CommonRequest();
        request.setSysMethod(MethodType.POST);
        request.setSysDomain(emulator.hostAndPort());
        request.setSysProtocol(ProtocolType.HTTP);
        request.setSysProduct("OpenPlatform");
        request.setSysVersion("2019-12-19");
        request.setSysAction("AuthorizeFileUpload");
        request.putQueryParameter("Product", "dataworks-public");
        request.putQueryParameter("RegionId", "cn-shanghai");
        request.setSysConnectTimeout(2000);
        request.setSysReadTimeout(5000);
        return request;
    }

    static CommonRequest summary(DataWorksEmulator emulator, long projectId, long migrationId) {
        CommonRequest request = dataworks(emulator, "GetMigrationSummary");
        request.putBodyParameter("ProjectId", Long.toString(projectId));
        request.putBodyParameter("MigrationId", Long.toString(migrationId));
        return request;
    }

    static JsonObject call(IAcsClient client, CommonRequest request) throws ClientException {
        CommonResponse response = client.getCommonResponse(request);
        return JsonParser.parseString(response.getData()).getAsJsonObject();
    }
}
