package io.jenkins.plugins.dataworks.emulator.rpc;

import io.jenkins.plugins.dataworks.emulator.scenario.AccessKey;
import io.jenkins.plugins.dataworks.emulator.state.EmulatorState;
import io.jenkins.plugins.dataworks.emulator.state.StsSession;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Optional;

/**
 * Checks an RPC request's signature parameters, credentials and signature, in the order the real
 * gateway reports them: missing parameters, Timestamp, AccessKeyId, SecurityToken, Signature, nonce.
 * The nonce is only remembered once the signature is right, so a forged request cannot burn one; a
 * scenario may turn the replay check off ({@code Scenario.checkNonces}).
 */
final class Authenticator {

    static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'");

    private final EmulatorState state;

    Authenticator(EmulatorState state) {
        this.state = state;
    }

    Caller authenticate(String method, Map<String, String> params) {
        String keyId = params.get("AccessKeyId");
        if (keyId == null || keyId.isEmpty()) {
            throw ErrorCodes.missing("AccessKeyId");
        }
        String signature = params.get("Signature");
        if (signature == null || signature.isEmpty()) {
            throw new ApiException(400, ErrorCodes.INCOMPLETE_SIGNATURE,
                    "The request signature does not conform to Aliyun standards: Signature is missing.");
        }
        if (!"HMAC-SHA1".equals(params.get("SignatureMethod"))) {
            throw new ApiException(400, ErrorCodes.INCOMPLETE_SIGNATURE,
                    "The request signature does not conform to Aliyun standards: SignatureMethod must be HMAC-SHA1.");
        }
        if (!"1.0".equals(params.get("SignatureVersion"))) {
            throw new ApiException(400, ErrorCodes.INCOMPLETE_SIGNATURE,
                    "The request signature does not conform to Aliyun standards: SignatureVersion must be 1.0.");
        }
        String nonce = params.get("SignatureNonce");
        if (nonce == null || nonce.isEmpty()) {
            throw ErrorCodes.missing("SignatureNonce");
        }
        checkTimestamp(params.get("Timestamp"));

        String secret;
        Caller caller;
        String token = params.get("SecurityToken");
        Optional<StsSession> session = state.session(keyId);
        if (session.isPresent()) {
            StsSession s = session.get();
            if (token == null || !constantTimeEquals(token, s.securityToken())) {
                throw new ApiException(400, ErrorCodes.TOKEN_MALFORMED, "Specified SecurityToken is malformed.");
            }
            if (!state.scenarioClock().instant().isBefore(s.expiration())) {
                throw new ApiException(403, ErrorCodes.TOKEN_EXPIRED, "Specified SecurityToken is expired.");
            }
            secret = s.accessKeySecret();
            caller = new Caller(keyId, s.userId(), true);
        } else {
            AccessKey key = state.accessKey(keyId).orElseThrow(() ->
                    new ApiException(404, ErrorCodes.ACCESS_KEY_NOT_FOUND, "Specified access key is not found."));
            if (!key.enabled()) {
                throw new ApiException(400, ErrorCodes.ACCESS_KEY_INACTIVE, "Specified access key is disabled.");
            }
            if (token != null) {
                // A token with a permanent key means the client mixed up its credentials.
                throw new ApiException(400, ErrorCodes.TOKEN_MALFORMED, "Specified SecurityToken is malformed.");
            }
            secret = key.secret();
            caller = new Caller(keyId, key.userId(), false);
        }

        String stringToSign = RpcSignature.stringToSign(method, params);
        if (!constantTimeEquals(RpcSignature.sign(secret, stringToSign), signature)) {
            throw new ApiException(400, ErrorCodes.SIGNATURE_DOES_NOT_MATCH,
                    "Specified signature is not matched with our calculation. server string to sign is:" + stringToSign);
        }
        if (state.scenario().checkNonces() && !state.nonces().firstUse(keyId, nonce, state.signatureClock().instant())) {
            throw new ApiException(400, ErrorCodes.NONCE_USED, "Specified signature nonce was used already.");
        }
        return caller;
    }

    private void checkTimestamp(String value) {
        if (value == null || value.isEmpty()) {
            throw ErrorCodes.missing("Timestamp");
        }
        Instant stamp;
        try {
            stamp = LocalDateTime.parse(value, TIMESTAMP).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            throw new ApiException(400, ErrorCodes.TIMESTAMP_FORMAT,
                    "Specified time stamp or date value is not well formatted.");
        }
        Duration skew = Duration.between(stamp, state.signatureClock().instant()).abs();
        if (skew.compareTo(EmulatorState.TIMESTAMP_TOLERANCE) > 0) {
            throw new ApiException(400, ErrorCodes.TIMESTAMP_EXPIRED, "Specified time stamp or date value is expired.");
        }
    }

    private static boolean constantTimeEquals(String a, String b) {
        return MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }
}
