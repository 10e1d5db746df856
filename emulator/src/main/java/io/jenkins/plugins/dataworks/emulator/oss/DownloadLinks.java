package io.jenkins.plugins.dataworks.emulator.oss;

import io.jenkins.plugins.dataworks.emulator.state.EmulatorState;
import io.jenkins.plugins.dataworks.emulator.state.MigrationState;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/** Mints presigned download URLs for export packages and maps object keys back to migrations. */
public final class DownloadLinks {

    private final OssUrlSigner signer;
    private final Supplier<URI> endpoint;
    private final String bucket;
    private final Duration ttl;

    public DownloadLinks(OssUrlSigner signer, Supplier<URI> endpoint, String bucket, Duration ttl) {
        this.signer = signer;
        this.endpoint = endpoint;
        this.bucket = bucket;
        this.ttl = ttl;
    }

    public OssUrlSigner signer() {
        return signer;
    }

    public String bucket() {
        return bucket;
    }

    /** The emulator's base URL, e.g. {@code http://127.0.0.1:PORT} (no trailing slash). */
    public URI endpoint() {
        return endpoint.get();
    }

    public static String objectKey(MigrationState m) {
        return OssUrlSigner.objectKey(m.spec().projectId(), m.spec().id(), m.spec().name());
    }

    /** A GET URL valid for the configured TTL from {@code now} (scenario clock). */
    public String mint(MigrationState m, Instant now) {
        return mint(m, "GET", now.plus(ttl).getEpochSecond(), Map.of());
    }

    /** A URL for any verb, expiry and signed x-oss-* headers (tests: HEAD URLs, range behaviour). */
    public String mint(MigrationState m, String verb, long expiresEpochSecond, Map<String, String> ossHeaders) {
        return signer.presign(endpoint.get(), verb, bucket, objectKey(m), expiresEpochSecond, ossHeaders);
    }

    /** The migration whose package is stored under {@code key}, if any. */
    public Optional<MigrationState> resolve(EmulatorState state, String key) {
        String[] parts = key.split("/");
        if (parts.length != 5 || !parts[0].equals("dataworks") || !parts[1].equals("export")) {
            return Optional.empty();
        }
        try {
            long id = Long.parseLong(parts[3]);
            return state.migration(id).filter(m -> m.pkg() != null && objectKey(m).equals(key));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
