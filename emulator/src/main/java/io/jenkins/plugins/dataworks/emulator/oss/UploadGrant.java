package io.jenkins.plugins.dataworks.emulator.oss;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * A signed PostObject form for one new object, as AuthorizeFileUpload hands it out.
 *
 * @param endpoint the emulator's base URL ({@code http://127.0.0.1:PORT}): POST path style to {@code endpoint/bucket}
 * @param objectKey {@code dataworks/import/<uuid>/package.zip}, new on every grant
 * @param encodedPolicy Base64 of the policy JSON
 * @param signature Base64 HMAC-SHA1 of {@code encodedPolicy} with the emulator's OSS secret
 */
public record UploadGrant(String accessKeyId, String bucket, String endpoint, String objectKey, String encodedPolicy,
        String signature, Instant expiration) {

    /** How long a policy stays valid (scenario clock). */
    public static final Duration LIFETIME = Duration.ofMinutes(15);

    public static UploadGrant issue(DownloadLinks links, Instant now, long maxBytes) {
        String key = "dataworks/import/" + UUID.randomUUID() + "/package.zip";
        Instant expiration = now.plus(LIFETIME);
        String policy = PostPolicy.encode(expiration, links.bucket(), key, maxBytes);
        return new UploadGrant(links.signer().accessKeyId(), links.bucket(), links.endpoint().toString(), key, policy,
                links.signer().sign(policy), expiration);
    }

    /** Never prints the policy's signature. */
    @Override
    public String toString() {
        return "UploadGrant[bucket=" + bucket + ", key=" + objectKey + ", expiration=" + expiration + "]";
    }
}
