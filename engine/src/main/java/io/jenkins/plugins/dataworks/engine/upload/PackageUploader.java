package io.jenkins.plugins.dataworks.engine.upload;

import io.jenkins.plugins.dataworks.engine.client.UploadGrant;
import io.jenkins.plugins.dataworks.engine.download.Crc64Xz;
import io.jenkins.plugins.dataworks.engine.download.OssError;
import io.jenkins.plugins.dataworks.engine.download.UrlPolicy;
import io.jenkins.plugins.dataworks.engine.error.ApiException;
import io.jenkins.plugins.dataworks.engine.error.DataWorksException;
import io.jenkins.plugins.dataworks.engine.error.ErrorClassifier;
import io.jenkins.plugins.dataworks.engine.error.InvalidInputException;
import io.jenkins.plugins.dataworks.engine.error.TransientApiException;
import io.jenkins.plugins.dataworks.engine.migrate.PackageTransfer;
import io.jenkins.plugins.dataworks.engine.ratelimit.Sleeper;
import io.jenkins.plugins.dataworks.engine.redact.Redaction;
import io.jenkins.plugins.dataworks.engine.text.Setting;
import io.jenkins.plugins.dataworks.engine.text.UserText;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.apache.http.Header;
import org.apache.http.HttpEntity;
import org.apache.http.HttpResponse;
import org.apache.http.client.ClientProtocolException;
import org.apache.http.client.config.RequestConfig;
import org.apache.http.client.methods.CloseableHttpResponse;
import org.apache.http.client.methods.HttpPost;
import org.apache.http.impl.client.CloseableHttpClient;
import org.apache.http.impl.client.HttpClients;
import org.apache.http.impl.conn.BasicHttpClientConnectionManager;
import org.apache.http.impl.conn.SystemDefaultRoutePlanner;
import org.apache.http.impl.execchain.TunnelRefusedException;

/**
 * Uploads a local import package to OSS under an AuthorizeFileUpload grant, as the SDK's
 * {@code createImportMigrationAdvance} does: one PostObject form upload (fields OSSAccessKeyId,
 * policy, Signature, key, success_action_status=201, then the file) to
 * {@code https://<bucket>.<endpoint>/}, or to {@code <endpoint>/<bucket>} for a path-style endpoint
 * (the emulator's).
 *
 * <p>The file is checked when this is made (exists, a regular file, not empty, not above
 * {@link UploadSettings#maxUploadBytes()}), before any call. It is streamed from disk with its exact
 * length announced up front, never read into memory; its CRC-64 is computed while it is sent and
 * compared with the {@code x-oss-hash-crc64ecma} OSS answers. A transient failure (a reset, a
 * silence, a 5xx, a CRC mismatch) sends the whole file again, up to {@link UploadSettings#attempts()}
 * times under the same grant; a grant whose policy expired is reported at once (classified
 * {@link ErrorClassifier#needsFreshUploadGrant}) for the caller to ask for a fresh one.
 *
 * <p>The upload host is checked with the downloader's {@link UrlPolicy}: an OSS endpoint over https,
 * or a host in {@link UploadSettings#allowedHosts()} (plain http only on loopback). Messages name the
 * file and the object key, never the policy or its signature. The transport is the downloader's
 * (Apache HttpClient 4, no automatic retries, no redirects, the same proxy settings). Runs on the
 * calling thread; an interrupt stops it between buffers, and the timeouts bound a blocked socket.
 */
public final class PackageUploader implements PackageTransfer {

    static final String CRC64_HEADER = "x-oss-hash-crc64ecma";
    private static final String URL_FIELD = "upload URL";
    private static final Duration FIRST_BACKOFF = Duration.ofSeconds(1);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(30);
    private static final String ACCELERATE_ENDPOINT = "oss-accelerate.aliyuncs.com";

    private final UploadSettings settings;
    private final Path file;
    private final long size;
    private final Sleeper sleeper;
    private final UrlPolicy policy;
    private final SecureRandom random = new SecureRandom();

    /**
     * @throws InvalidInputException naming {@link Setting#PACKAGE_FILE} when the file is missing,
     *     not a regular file, empty, unreadable or above the cap
     */
    public PackageUploader(UploadSettings settings, Path file) {
        this(settings, file, Sleeper.SYSTEM);
    }

    /** @param sleeper waits between attempts; tests pass one that records instead of sleeping */
    public PackageUploader(UploadSettings settings, Path file, Sleeper sleeper) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
        this.size = check(file, settings.maxUploadBytes());
        this.file = file;
        this.policy = new UrlPolicy(settings.allowedHosts(), URL_FIELD);
    }

    /**
     * The pre-flight check of a package, for a front end that checks before anything else: exists,
     * a regular file, readable, not empty, at most {@code maxUploadBytes}.
     *
     * @return its size in bytes
     * @throws InvalidInputException naming {@link Setting#PACKAGE_FILE}
     */
    public static long check(Path file, long maxUploadBytes) {
        String field = Setting.PACKAGE_FILE.engineName();
        if (file == null) {
            throw new InvalidInputException(field, "is missing: give the path of the package to import");
        }
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(file, BasicFileAttributes.class);
        } catch (IOException e) {
            throw new InvalidInputException(field, file + " does not exist: give the path of an export package (.zip)");
        }
        if (!attributes.isRegularFile()) {
            throw new InvalidInputException(field, file + " is " + (attributes.isDirectory() ? "a directory" : "not a regular file")
                    + ": give the package file itself");
        }
        if (!Files.isReadable(file)) {
            throw new InvalidInputException(field, file + " cannot be read: give a file the build may read");
        }
        long length = attributes.size();
        if (length == 0) {
            throw new InvalidInputException(field, file + " is empty: give the package an export produced");
        }
        if (length > maxUploadBytes) {
            throw new InvalidInputException(field, UserText.of(file + " is " + length + " bytes (" + human(length)
                    + "), over the limit of " + maxUploadBytes + " bytes (" + human(maxUploadBytes) + ")",
                    UserText.hint(Setting.MAX_UPLOAD_BYTES, ": raise ", Setting.MAX_UPLOAD_BYTES,
                            " if the package is right")));
        }
        return length;
    }

    public Path file() {
        return file;
    }

    /** The size checked when this was made. */
    public long size() {
        return size;
    }

    @Override
    public void upload(UploadGrant grant) throws DataWorksException {
        Objects.requireNonNull(grant, "grant");
        URI target = target(grant);
        // The file may have changed since the check: check again, the cap included.
        long length = check(file, settings.maxUploadBytes());
        for (int attempt = 1; ; attempt++) {
            String operation = "upload of '" + oneLine(file.getFileName().toString()) + "' (" + length
                    + " bytes) to OSS object " + oneLine(grant.objectKey())
                    + (settings.attempts() > 1 ? " (attempt " + attempt + " of " + settings.attempts() + ")" : "");
            try {
                attemptOnce(grant, target, length, operation);
                return;
            } catch (TransientApiException e) {
                if (ErrorClassifier.needsFreshUploadGrant(e) || attempt >= settings.attempts()) {
                    throw e;
                }
                pause(attempt, operation);
            }
        }
    }

    /** Where the form goes: the virtual-hosted bucket, or the bucket under a path-style base URL. */
    private URI target(UploadGrant grant) {
        String url;
        if (grant.pathStyle()) {
            String base = grant.endpoint().endsWith("/")
                    ? grant.endpoint().substring(0, grant.endpoint().length() - 1) : grant.endpoint();
            url = base + "/" + grant.bucket();
        } else {
            // The SDK sends accelerated uploads to the global accelerate endpoint; the package file keeps the region's.
            String endpoint = grant.useAccelerate() ? ACCELERATE_ENDPOINT : grant.endpoint();
            url = "https://" + grant.bucket() + "." + endpoint + "/";
        }
        try {
            return policy.check(url);
        } catch (InvalidInputException e) {
            throw new ApiException(UserText.of("AuthorizeFileUpload granted an upload to an endpoint that is refused: ",
                    e.text()), "UploadEndpointRefused", grant.requestId(), null);
        }
    }

    private void attemptOnce(UploadGrant grant, URI target, long length, String operation) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("OSSAccessKeyId", grant.accessKeyId());
        fields.put("policy", grant.encodedPolicy().reveal());
        fields.put("Signature", grant.signature().reveal());
        fields.put("key", grant.objectKey());
        fields.put("success_action_status", "201");
        MultipartBody body = new MultipartBody(boundary(), fields, grant.objectKey(), file, length);
        HttpPost post = new HttpPost(target);
        post.setEntity(body);
        CloseableHttpClient client = newClient();
        try (CloseableHttpResponse response = client.execute(post)) {
            int status = response.getStatusLine().getStatusCode();
            String requestId = header(response, "x-oss-request-id");
            if (status >= 200 && status < 300) {
                verify(body, response, status, requestId, operation);
                return;
            }
            if (status >= 300 && status < 400) {
                throw new ApiException(operation + " failed: HTTP " + status + ": a redirect, which is not followed;"
                        + " the upload endpoint must take the upload itself." + requestIdText(requestId),
                        "Redirect", requestId, null);
            }
            OssError error = OssError.parse(errorBody(response.getEntity()));
            String message = Redaction.text(error.message(),
                    List.of(grant.encodedPolicy().reveal(), grant.signature().reveal()));
            throw ErrorClassifier.fromOssUpload(operation, status, error.code(), message, requestId);
        } catch (IOException e) {
            if (Thread.currentThread().isInterrupted()) {
                throw new ApiException(operation + " cancelled: the thread was interrupted.", "Cancelled", null, null);
            }
            if (e instanceof MultipartBody.PackageChangedException) {
                throw new ApiException(operation + " failed: " + e.getMessage()
                        + "; do not change the package while it is uploaded.", "PackageChanged", null, null);
            }
            if (e instanceof ClientProtocolException && e.getCause() instanceof TunnelRefusedException refused) {
                int status = refused.getResponse().getStatusLine().getStatusCode();
                throw new ApiException(UserText.of(operation + " failed: the proxy answered HTTP " + status
                        + " to CONNECT", UserText.hint(Setting.NON_PROXY_HOSTS,
                                "; let the OSS host through or list it in ", Setting.NON_PROXY_HOSTS), "."),
                        "HTTP" + status, null, null);
            }
            throw ErrorClassifier.fromIo(operation, e);
        } finally {
            closeQuietly(client);
        }
    }

    /** A 2xx: the whole package must have gone out, and OSS must have stored the same bytes. */
    private static void verify(MultipartBody body, HttpResponse response, int status, String requestId, String operation) {
        if (!body.complete()) {
            throw new TransientApiException(operation + " failed: OSS answered HTTP " + status
                    + " before the whole package was sent; temporary; uploading again may succeed." + requestIdText(requestId),
                    "Truncated", requestId, null);
        }
        String reported = header(response, CRC64_HEADER);
        if (reported == null) {
            return; // OSS sends it for PostObject; a server that does not cannot be checked
        }
        long stored;
        try {
            stored = Crc64Xz.parseOssDecimal(reported);
        } catch (NumberFormatException e) {
            throw new ApiException(operation + " failed: OSS answered a malformed " + CRC64_HEADER + " header."
                    + requestIdText(requestId), "Crc64Malformed", requestId, null);
        }
        if (stored != body.crc64()) {
            throw new TransientApiException(operation + " failed: Crc64Mismatch: OSS stored CRC-64 "
                    + Crc64Xz.toOssDecimal(stored) + " but the package's is " + Crc64Xz.toOssDecimal(body.crc64())
                    + "; temporary; uploading again may succeed." + requestIdText(requestId),
                    "Crc64Mismatch", requestId, null);
        }
    }

    private void pause(int attempt, String operation) {
        long seconds = Math.min(MAX_BACKOFF.toSeconds(), FIRST_BACKOFF.toSeconds() << Math.min(attempt - 1, 10));
        try {
            sleeper.sleep(Duration.ofSeconds(seconds));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ApiException(operation + " cancelled: the thread was interrupted.", "Cancelled", null, null);
        }
    }

    /** A client for one attempt: one connection, closed with it; HTTP/1.1. */
    private CloseableHttpClient newClient() {
        RequestConfig config = RequestConfig.custom()
                .setConnectTimeout(millis(settings.connectTimeout()))
                .setSocketTimeout(millis(settings.readTimeout()))
                // A refusal (an expired policy, a denied key) arrives before the package is sent.
                .setExpectContinueEnabled(true)
                .setRedirectsEnabled(false)
                .setContentCompressionEnabled(false)
                .build();
        return HttpClients.custom()
                .setConnectionManager(new BasicHttpClientConnectionManager())
                .setDefaultRequestConfig(config)
                .setRoutePlanner(new SystemDefaultRoutePlanner(settings.proxy() == null ? null : settings.proxy().selector()))
                .disableRedirectHandling()
                .disableContentCompression()
                .disableAutomaticRetries() // attempts are ours: the body cannot be sent twice anyway
                .disableCookieManagement()
                .disableAuthCaching()
                .build();
    }

    private String boundary() {
        byte[] bytes = new byte[16];
        random.nextBytes(bytes);
        return "dataworks-upload-" + HexFormat.of().formatHex(bytes);
    }

    private static byte[] errorBody(HttpEntity entity) {
        if (entity == null) {
            return new byte[0];
        }
        try (InputStream in = entity.getContent()) {
            return in.readNBytes(OssError.MAX_BODY_BYTES);
        } catch (IOException e) {
            return new byte[0];
        }
    }

    private static String header(HttpResponse response, String name) {
        Header h = response.getFirstHeader(name);
        return h == null || h.getValue().isBlank() ? null : h.getValue().trim();
    }

    private static String requestIdText(String requestId) {
        return requestId == null ? "" : " RequestId: " + oneLine(requestId);
    }

    private static void closeQuietly(CloseableHttpClient client) {
        try {
            client.close();
        } catch (IOException ignored) {
            // its one connection is gone either way
        }
    }

    private static int millis(Duration duration) {
        return (int) Math.max(1, Math.min(Integer.MAX_VALUE, duration.toMillis()));
    }

    private static String oneLine(String s) {
        return s.replaceAll("\\s+", " ").strip();
    }

    private static String human(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        String[] units = {"KiB", "MiB", "GiB", "TiB"};
        double value = bytes;
        int unit = -1;
        while (value >= 1024 && unit < units.length - 1) {
            value /= 1024;
            unit++;
        }
        return String.format(Locale.ROOT, "%.1f %s", value, units[unit]);
    }
}
