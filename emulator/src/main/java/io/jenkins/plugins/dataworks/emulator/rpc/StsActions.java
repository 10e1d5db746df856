package io.jenkins.plugins.dataworks.emulator.rpc;

import io.jenkins.plugins.dataworks.emulator.state.EmulatorState;
import io.jenkins.plugins.dataworks.emulator.state.StsSession;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** STS (Sts, 2015-04-01) AssumeRole, issuing session credentials that the DataWorks actions accept. */
final class StsActions {

    static final String VERSION = "2015-04-01";
    static final Pattern ROLE_ARN = Pattern.compile("acs:ram::(\\d+):role/([A-Za-z0-9._-]{1,64})", Pattern.CASE_INSENSITIVE);
    static final Pattern SESSION_NAME = Pattern.compile("[A-Za-z0-9.@_-]{2,64}");
    static final DateTimeFormatter EXPIRATION = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'").withZone(ZoneOffset.UTC);
    private static final String ALPHANUMERIC = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    private final EmulatorState state;
    private final SecureRandom random = new SecureRandom();

    StsActions(EmulatorState state) {
        this.state = state;
    }

    void register(Map<String, RpcAction> actions) {
        actions.put("AssumeRole", new RpcAction() {
            @Override
            public String version() {
                return VERSION;
            }

            @Override
            public String product() {
                return "Sts";
            }

            @Override
            public LinkedHashMap<String, Object> handle(RpcCall call) {
                return assumeRole(call);
            }
        });
    }

    private LinkedHashMap<String, Object> assumeRole(RpcCall call) {
        String roleArn = call.required("RoleArn");
        Matcher arn = ROLE_ARN.matcher(roleArn);
        if (!arn.matches()) {
            throw new ApiException(400, ErrorCodes.INVALID_ROLE_ARN, "The parameter RoleArn is wrongly formed.");
        }
        if (!state.scenario().roles().isEmpty() && !state.scenario().roles().contains(roleArn)) {
            throw new ApiException(404, ErrorCodes.ROLE_NOT_EXIST, "The role not exists: " + roleArn + ".");
        }
        String sessionName = call.required("RoleSessionName");
        if (!SESSION_NAME.matcher(sessionName).matches()) {
            throw ErrorCodes.invalid("RoleSessionName", "2 to 64 characters of letters, digits, . @ - _");
        }
        long duration = 3600;
        if (call.optional("DurationSeconds") != null) {
            duration = call.requiredLong("DurationSeconds");
        }
        if (duration < 900 || duration > 3600) {
            throw new ApiException(400, ErrorCodes.INVALID_DURATION,
                    "The Min/Max value of DurationSeconds is 15min/1hr.");
        }
        Instant expiration = call.now().truncatedTo(ChronoUnit.SECONDS).plusSeconds(duration);
        String roleId = "3" + digits(17);
        StsSession session = new StsSession("STS." + randomString(28), randomString(44),
                "CAIS" + randomString(320), expiration, roleArn, sessionName, roleId + ":" + sessionName, roleId);
        state.addSession(session);

        LinkedHashMap<String, Object> user = new LinkedHashMap<>();
        user.put("Arn", "acs:ram::" + arn.group(1) + ":role/" + arn.group(2).toLowerCase() + "/" + sessionName);
        user.put("AssumedRoleId", session.assumedRoleId());
        LinkedHashMap<String, Object> credentials = new LinkedHashMap<>();
        credentials.put("AccessKeyId", session.accessKeyId());
        credentials.put("AccessKeySecret", session.accessKeySecret());
        credentials.put("SecurityToken", session.securityToken());
        credentials.put("Expiration", EXPIRATION.format(expiration));
        LinkedHashMap<String, Object> body = new LinkedHashMap<>();
        body.put("AssumedRoleUser", user);
        body.put("Credentials", credentials);
        return body;
    }

    private String randomString(int length) {
        StringBuilder s = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            s.append(ALPHANUMERIC.charAt(random.nextInt(ALPHANUMERIC.length())));
        }
        return s.toString();
    }

    private String digits(int length) {
        StringBuilder s = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            s.append((char) ('0' + random.nextInt(10)));
        }
        return s.toString();
    }
}
