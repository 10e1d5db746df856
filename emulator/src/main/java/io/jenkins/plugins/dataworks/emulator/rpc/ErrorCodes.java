package io.jenkins.plugins.dataworks.emulator.rpc;

import io.jenkins.plugins.dataworks.emulator.scenario.Scenario;

/**
 * The error codes and HTTP statuses the emulator answers with. Codes and statuses of the
 * authentication layer follow Alibaba Cloud's gateway; where the public documentation gives no
 * code (unknown migration, duplicate name, start of a running migration) the emulator picks a
 * realistic one, marked "emulator's choice" here and in the README.
 */
public final class ErrorCodes {

    private ErrorCodes() {
    }

    // --- request shape (400) ---
    public static final String MISSING_PREFIX = "Missing"; // MissingAction, MissingVersion, MissingProjectId, ...
    public static final String INVALID_PARAMETER = "InvalidParameter";
    public static final String INVALID_VERSION = "InvalidVersion";
    /** 404: no such action (in this product's version). */
    public static final String INVALID_ACTION = "InvalidAction.NotFound";
    /** 405 (emulator's choice of status): RPC accepts GET and POST only. */
    public static final String UNSUPPORTED_METHOD = "UnsupportedHTTPMethod";

    // --- signature and credentials ---
    /** 400, message ends with "server string to sign is:" + the server's StringToSign. */
    public static final String SIGNATURE_DOES_NOT_MATCH = "SignatureDoesNotMatch";
    /** 400: Signature missing, or SignatureMethod / SignatureVersion not HMAC-SHA1 / 1.0. */
    public static final String INCOMPLETE_SIGNATURE = "IncompleteSignature";
    /** 400: Timestamp not yyyy-MM-dd'T'HH:mm:ss'Z'. */
    public static final String TIMESTAMP_FORMAT = "InvalidTimeStamp.Format";
    /** 400: Timestamp more than 15 minutes away from the signature clock. */
    public static final String TIMESTAMP_EXPIRED = "InvalidTimeStamp.Expired";
    /** 400: SignatureNonce already seen for this AccessKeyId (within the 15 minute window). */
    public static final String NONCE_USED = "SignatureNonceUsed";
    /** 404. */
    public static final String ACCESS_KEY_NOT_FOUND = "InvalidAccessKeyId.NotFound";
    /** 400. */
    public static final String ACCESS_KEY_INACTIVE = "InvalidAccessKeyId.Inactive";
    /** 403 (scenario clock past the token's Expiration). */
    public static final String TOKEN_EXPIRED = "InvalidSecurityToken.Expired";
    /** 400: token missing for an STS key, not the one issued with the key, or sent with a permanent key. */
    public static final String TOKEN_MALFORMED = "InvalidSecurityToken.MalFormed";

    // --- DataWorks business errors ---
    /** 400. */
    public static final String PROJECT_NOT_EXISTS = "Invalid.Tenant.ProjectNotExists";
    /** 400 (emulator's choice: DataWorks reports business lookups as 400 Invalid.*). */
    public static final String MIGRATION_NOT_EXISTS = "Invalid.Migration.NotExists";
    /**
     * 400 (emulator's choice): CreateExportMigration with a Name already used in the workspace; a
     * scenario may answer another code ({@code Scenario.duplicateNameCode}).
     */
    public static final String MIGRATION_NAME_EXISTS = Scenario.DEFAULT_DUPLICATE_NAME_CODE;
    /** 400 (emulator's choice), only under {@code SecondStart.REFUSE}: StartMigration of a started migration. */
    public static final String MIGRATION_ALREADY_STARTED = "Invalid.Migration.AlreadyStarted";

    // --- STS ---
    /** 404: RoleArn not among the scenario's roles (when it lists any). */
    public static final String ROLE_NOT_EXIST = "EntityNotExist.Role";
    /** 400: DurationSeconds outside 900..3600. */
    public static final String INVALID_DURATION = "InvalidParameter.DurationSeconds";
    /** 400: RoleArn not shaped acs:ram::ACCOUNT:role/NAME. */
    public static final String INVALID_ROLE_ARN = "InvalidParameter.RoleArn";

    static ApiException missing(String parameter) {
        return new ApiException(400, MISSING_PREFIX + parameter, parameter + " is mandatory for this action.");
    }

    static ApiException invalid(String parameter, String why) {
        return new ApiException(400, INVALID_PARAMETER, "The specified parameter " + parameter + " is not valid: " + why);
    }
}
