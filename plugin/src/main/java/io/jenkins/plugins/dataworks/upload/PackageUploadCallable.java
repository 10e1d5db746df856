package io.jenkins.plugins.dataworks.upload;

import edu.umd.cs.findbugs.annotations.SuppressFBWarnings;
import hudson.remoting.VirtualChannel;
import io.jenkins.plugins.dataworks.engine.auth.SecretValue;
import io.jenkins.plugins.dataworks.engine.client.ProxySettings;
import io.jenkins.plugins.dataworks.engine.client.UploadGrant;
import io.jenkins.plugins.dataworks.engine.error.DataWorksException;
import io.jenkins.plugins.dataworks.engine.ratelimit.Sleeper;
import io.jenkins.plugins.dataworks.engine.upload.PackageUploader;
import io.jenkins.plugins.dataworks.engine.upload.UploadSettings;
import java.io.File;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import jenkins.MasterToSlaveFileCallable;

/**
 * Uploads the import package with the engine's {@link PackageUploader} on the machine that holds it
 * (an agent's workspace, or the controller for an archived artifact), so the package never passes
 * through the controller on its way from a workspace to OSS.
 *
 * <p>The grant's policy and signature are secrets. They cross the agent channel inside this object
 * for one call and exist nowhere else: this object is a local variable of the upload, never a field
 * of the Pipeline execution, never logged ({@link #toString()} names only the object key), and the
 * engine's messages never contain them.
 */
final class PackageUploadCallable extends MasterToSlaveFileCallable<UploadReport> {

    private static final long serialVersionUID = 1L;

    private final String ossAccessKeyId;
    private final String bucket;
    private final String ossEndpoint;
    private final String objectKey;
    private final String policy;
    private final String signature;
    private final boolean useAccelerate;
    private final String grantRequestId;

    private final HashSet<String> allowedHosts;
    private final long maxUploadBytes;
    private final long connectTimeoutMillis;
    private final long readTimeoutMillis;
    private final int attempts;
    private final String proxyHost; // nullable: no proxy, the agent JVM's own settings apply
    private final int proxyPort;
    private final String nonProxyHosts;

    @SuppressFBWarnings(
            value = "SE_BAD_FIELD",
            justification = "Always a proxy from Channel.export (or the object itself on the controller), which"
                    + " remoting serializes as a reference; the interface is the engine's.")
    private final Sleeper sleeper;

    PackageUploadCallable(UploadGrant grant, UploadSettings settings, Sleeper sleeper) {
        this.ossAccessKeyId = grant.accessKeyId();
        this.bucket = grant.bucket();
        this.ossEndpoint = grant.endpoint();
        this.objectKey = grant.objectKey();
        this.policy = grant.encodedPolicy().reveal();
        this.signature = grant.signature().reveal();
        this.useAccelerate = grant.useAccelerate();
        this.grantRequestId = grant.requestId();
        // UploadSettings is a record of the engine, not Serializable: it travels as its parts.
        this.allowedHosts = new HashSet<>(settings.allowedHosts());
        this.maxUploadBytes = settings.maxUploadBytes();
        this.connectTimeoutMillis = settings.connectTimeout().toMillis();
        this.readTimeoutMillis = settings.readTimeout().toMillis();
        this.attempts = settings.attempts();
        ProxySettings proxy = settings.proxy();
        this.proxyHost = proxy == null ? null : proxy.host();
        this.proxyPort = proxy == null ? 0 : proxy.port();
        this.nonProxyHosts = proxy == null ? null : proxy.nonProxyHosts();
        this.sleeper = sleeper;
    }

    @Override
    public UploadReport invoke(File file, VirtualChannel channel) throws InterruptedException {
        UploadGrant grant = new UploadGrant(
                ossAccessKeyId,
                bucket,
                ossEndpoint,
                objectKey,
                SecretValue.of("policy", policy),
                SecretValue.of("signature", signature),
                useAccelerate,
                grantRequestId);
        UploadSettings settings = new UploadSettings(
                Set.copyOf(allowedHosts),
                maxUploadBytes,
                Duration.ofMillis(connectTimeoutMillis),
                Duration.ofMillis(readTimeoutMillis),
                proxyHost == null ? null : new ProxySettings(proxyHost, proxyPort, nonProxyHosts),
                attempts);
        try {
            PackageUploader uploader = new PackageUploader(settings, file.toPath(), sleeper);
            uploader.upload(grant);
            return UploadReport.ok(uploader.size());
        } catch (DataWorksException e) {
            if (Thread.interrupted()) {
                // The build was aborted: the engine stopped between buffers; report it as an interruption.
                throw new InterruptedException(e.getMessage());
            }
            return UploadReport.failed(e);
        }
    }

    @Override
    public String toString() {
        return "PackageUploadCallable[" + objectKey + "]";
    }
}
