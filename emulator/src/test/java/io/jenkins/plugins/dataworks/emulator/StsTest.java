package io.jenkins.plugins.dataworks.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.aliyuncs.CommonRequest;
import com.aliyuncs.IAcsClient;
import com.aliyuncs.auth.sts.AssumeRoleRequest;
import com.aliyuncs.auth.sts.AssumeRoleResponse;
import com.aliyuncs.exceptions.ClientException;
import com.aliyuncs.http.MethodType;
import com.aliyuncs.http.ProtocolType;
import com.aliyuncs.regions.ProductDomain;
import com.google.gson.JsonObject;
import io.jenkins.plugins.dataworks.emulator.junit.DataWorksEmulatorExtension;
import io.jenkins.plugins.dataworks.emulator.scenario.Scenarios;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** STS AssumeRole and the session credentials it issues. */
class StsTest {

    static final String ROLE = "acs:ram::1000000000000001:role/dataworks-ci";

    @RegisterExtension
    final DataWorksEmulatorExtension ext = new DataWorksEmulatorExtension().configure(b -> b.role(ROLE));

    final IAcsClient base = Sdk.client(Scenarios.DEMO_ACCESS_KEY_ID, Scenarios.DEMO_ACCESS_KEY_SECRET);

    private CommonRequest assumeRole(String roleArn, String duration) {
        CommonRequest request = new CommonRequest();
        request.setSysProduct("Sts");
        request.setSysVersion("2015-04-01");
        request.setSysAction("AssumeRole");
        request.setSysMethod(MethodType.POST);
        request.setSysDomain(ext.hostAndPort());
        request.setSysProtocol(ProtocolType.HTTP);
        request.putBodyParameter("RoleArn", roleArn);
        request.putBodyParameter("RoleSessionName", "jenkins-build-42");
        if (duration != null) {
            request.putBodyParameter("DurationSeconds", duration);
        }
        return request;
    }

    @Test
    void assumeRoleThenUseTheSessionUntilItExpires() throws Exception {
        JsonObject json = Sdk.call(base, assumeRole(ROLE, "900"));
        assertThat(new ArrayList<>(json.keySet())).containsExactly("RequestId", "AssumedRoleUser", "Credentials");
        JsonObject user = json.getAsJsonObject("AssumedRoleUser");
        assertThat(new ArrayList<>(user.keySet())).containsExactly("Arn", "AssumedRoleId");
        assertThat(user.get("Arn").getAsString()).isEqualTo(ROLE + "/jenkins-build-42");
        JsonObject credentials = json.getAsJsonObject("Credentials");
        assertThat(new ArrayList<>(credentials.keySet()))
                .containsExactly("AccessKeyId", "AccessKeySecret", "SecurityToken", "Expiration");
        String id = credentials.get("AccessKeyId").getAsString();
        String secret = credentials.get("AccessKeySecret").getAsString();
        String token = credentials.get("SecurityToken").getAsString();
        assertThat(id).startsWith("STS.");
        Instant expiration = Instant.parse(credentials.get("Expiration").getAsString());
        assertThat(expiration).isEqualTo(ext.clock().instant().plusSeconds(900));

        IAcsClient session = Sdk.sessionClient(id, secret, token);
        assertThat(Sdk.call(session, Sdk.summary(ext.emulator(), 10001, 20001)).get("Success").getAsBoolean()).isTrue();
        assertThat(ext.emulator().calls().get(1).params()).doesNotContainKey("SecurityToken");

        ext.clock().advance(Duration.ofSeconds(899));
        assertThat(Sdk.call(session, Sdk.summary(ext.emulator(), 10001, 20001)).get("Success").getAsBoolean()).isTrue();
        ext.clock().advance(Duration.ofSeconds(1));
        ClientException expired = catchThrowableOfType(ClientException.class,
                () -> Sdk.call(session, Sdk.summary(ext.emulator(), 10001, 20001)));
        assertThat(expired.getErrCode()).isEqualTo("InvalidSecurityToken.Expired");
        assertThat(ext.emulator().calls().get(3).httpStatus()).isEqualTo(403);
    }

    @Test
    void theSdkTypedAssumeRoleResponseParsesOurAnswer() throws Exception {
        AssumeRoleRequest request = new AssumeRoleRequest();
        request.setSysProtocol(ProtocolType.HTTP);
        request.setSysProductDomain(new ProductDomain("Sts", ext.hostAndPort()));
        request.setRoleArn(ROLE);
        request.setRoleSessionName("typed-session");
        request.setDurationSeconds(3600L);
        AssumeRoleResponse response = base.getAcsResponse(request);
        assertThat(response.getRequestId()).isNotBlank();
        assertThat(response.getCredentials().getAccessKeyId()).startsWith("STS.");
        assertThat(response.getCredentials().getSecurityToken()).isNotBlank();
        assertThat(response.getCredentials().getExpiration()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ");
        assertThat(response.getAssumedRoleUser().getAssumedRoleId()).endsWith(":typed-session");
    }

    @Test
    void wrongOrMissingTokenIsMalformed() throws Exception {
        JsonObject credentials = Sdk.call(base, assumeRole(ROLE, null)).getAsJsonObject("Credentials");
        String id = credentials.get("AccessKeyId").getAsString();
        String secret = credentials.get("AccessKeySecret").getAsString();
        IAcsClient forged = Sdk.sessionClient(id, secret, "CAISforged");
        assertThat(catchThrowableOfType(ClientException.class,
                () -> Sdk.call(forged, Sdk.summary(ext.emulator(), 10001, 20001))).getErrCode())
                .isEqualTo("InvalidSecurityToken.MalFormed");
        IAcsClient noToken = Sdk.client(id, secret);
        assertThat(catchThrowableOfType(ClientException.class,
                () -> Sdk.call(noToken, Sdk.summary(ext.emulator(), 10001, 20001))).getErrCode())
                .isEqualTo("InvalidSecurityToken.MalFormed");
    }

    @Test
    void assumeRoleValidation() {
        assertThat(catchThrowableOfType(ClientException.class, () -> Sdk.call(base, assumeRole(ROLE, "899"))).getErrCode())
                .isEqualTo("InvalidParameter.DurationSeconds");
        assertThat(catchThrowableOfType(ClientException.class, () -> Sdk.call(base, assumeRole(ROLE, "3601"))).getErrCode())
                .isEqualTo("InvalidParameter.DurationSeconds");
        assertThat(catchThrowableOfType(ClientException.class,
                () -> Sdk.call(base, assumeRole("acs:ram::1000000000000001:role/other", null))).getErrCode())
                .isEqualTo("EntityNotExist.Role");
        assertThat(catchThrowableOfType(ClientException.class, () -> Sdk.call(base, assumeRole("not-an-arn", null))).getErrCode())
                .isEqualTo("InvalidParameter.RoleArn");
        assertThat(catchThrowableOfType(ClientException.class,
                () -> Sdk.call(Sdk.client("nobody", "x"), assumeRole(ROLE, null))).getErrCode())
                .isEqualTo("InvalidAccessKeyId.NotFound");
    }
}
