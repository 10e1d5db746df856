package io.jenkins.plugins.dataworks.engine.client;

import io.jenkins.plugins.dataworks.engine.auth.SecretValue;
import java.util.Objects;

/**
 * What OpenPlatform AuthorizeFileUpload grants: one OSS PostObject upload of one object. The policy
 * and its signature let whoever holds them write that object, so they are {@link SecretValue}s
 * (never printed, never serialized) and this type is not Serializable.
 *
 * @param accessKeyId the OSS AccessKey ID the signature was made with (not a secret)
 * @param endpoint a host such as {@code oss-cn-shanghai.aliyuncs.com} (virtual-hosted: the upload goes
 *     to {@code https://<bucket>.<endpoint>/}), or a base URL containing {@code ://} (path-style: the
 *     upload goes to {@code <endpoint>/<bucket>}), as the emulator answers
 * @param requestId nullable
 */
public record UploadGrant(String accessKeyId, String bucket, String endpoint, String objectKey,
        SecretValue encodedPolicy, SecretValue signature, boolean useAccelerate, String requestId) {

    public UploadGrant {
        Objects.requireNonNull(accessKeyId, "accessKeyId");
        Objects.requireNonNull(bucket, "bucket");
        Objects.requireNonNull(endpoint, "endpoint");
        Objects.requireNonNull(objectKey, "objectKey");
        Objects.requireNonNull(encodedPolicy, "encodedPolicy");
        Objects.requireNonNull(signature, "signature");
    }

    /** Whether {@link #endpoint()} is a base URL used path-style rather than an OSS host. */
    public boolean pathStyle() {
        return endpoint.contains("://");
    }

    /**
     * The PackageFile CreateImportMigration expects: the SDK's Advance variant sends
     * {@code http://<bucket>.<endpoint>/<objectKey>}; a path-style endpoint gives
     * {@code <endpoint>/<bucket>/<objectKey>}.
     */
    public String packageFile() {
        if (pathStyle()) {
            String base = endpoint.endsWith("/") ? endpoint.substring(0, endpoint.length() - 1) : endpoint;
            return base + "/" + bucket + "/" + objectKey;
        }
        return "http://" + bucket + "." + endpoint + "/" + objectKey;
    }

    @Override
    public String toString() {
        return "UploadGrant[bucket=" + bucket + ", endpoint=" + endpoint + ", objectKey=" + objectKey
                + ", requestId=" + requestId + "]";
    }
}
