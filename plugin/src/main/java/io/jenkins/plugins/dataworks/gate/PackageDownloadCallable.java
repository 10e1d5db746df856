package io.jenkins.plugins.dataworks.gate;

import edu.umd.cs.findbugs.annotations.SuppressFBWarnings;
import hudson.remoting.VirtualChannel;
import io.jenkins.plugins.dataworks.FrontEndNames;
import io.jenkins.plugins.dataworks.engine.client.ProxySettings;
import io.jenkins.plugins.dataworks.engine.download.DownloadProgress;
import io.jenkins.plugins.dataworks.engine.download.DownloadSettings;
import io.jenkins.plugins.dataworks.engine.download.PackageDownloader;
import io.jenkins.plugins.dataworks.engine.download.UrlRefresher;
import io.jenkins.plugins.dataworks.engine.error.DataWorksException;
import io.jenkins.plugins.dataworks.engine.redact.Redaction;
import java.io.File;
import java.io.IOException;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import jenkins.MasterToSlaveFileCallable;

/**
 * Downloads the export package with the engine's {@link PackageDownloader} on the machine that
 * holds the target directory (an agent's workspace, or a temporary directory on the controller), so
 * a large package never passes through the controller on its way to the workspace.
 *
 * <p>The presigned URL is a secret. It reaches the agent inside this object, over the agent channel,
 * for one call; this object is never persisted (it is a local variable of the download, not a field
 * of the Pipeline execution) and its {@link #toString()} hides the URL's query. An expired URL is
 * replaced through {@code refresher}, a proxy of the controller's {@link ControllerUrlRefresher}.
 */
final class PackageDownloadCallable extends MasterToSlaveFileCallable<DownloadReport> {

    private static final long serialVersionUID = 1L;

    private final String url;
    private final String fileName;

    @SuppressFBWarnings(
            value = "SE_BAD_FIELD",
            justification = "Always a proxy from Channel.export, which remoting serializes as a reference to the"
                    + " controller's object; the interface itself is the engine's and knows nothing of Serializable.")
    private final UrlRefresher refresher;

    private final HashSet<String> allowedHosts;
    private final long maxBytes;
    private final long connectTimeoutMillis;
    private final long readTimeoutMillis;
    private final int maxResumes;
    private final int maxUrlRefreshes;
    private final String proxyHost; // nullable: no proxy, the agent JVM's own settings apply
    private final int proxyPort;
    private final String nonProxyHosts;
    private final FrontEndNames names;

    PackageDownloadCallable(
            String url, String fileName, UrlRefresher refresher, DownloadSettings settings, FrontEndNames names) {
        this.url = url;
        this.names = names;
        this.fileName = fileName;
        this.refresher = refresher;
        // DownloadSettings is a record of the engine, not Serializable: it travels as its parts.
        this.allowedHosts = new HashSet<>(settings.allowedHosts());
        this.maxBytes = settings.maxBytes();
        this.connectTimeoutMillis = settings.connectTimeout().toMillis();
        this.readTimeoutMillis = settings.readTimeout().toMillis();
        this.maxResumes = settings.maxResumes();
        this.maxUrlRefreshes = settings.maxUrlRefreshes();
        ProxySettings proxy = settings.proxy();
        this.proxyHost = proxy == null ? null : proxy.host();
        this.proxyPort = proxy == null ? 0 : proxy.port();
        this.nonProxyHosts = proxy == null ? null : proxy.nonProxyHosts();
    }

    @Override
    public DownloadReport invoke(File dir, VirtualChannel channel) throws IOException, InterruptedException {
        DownloadSettings settings = new DownloadSettings(
                Set.copyOf(allowedHosts),
                maxBytes,
                Duration.ofMillis(connectTimeoutMillis),
                Duration.ofMillis(readTimeoutMillis),
                maxResumes,
                maxUrlRefreshes,
                proxyHost == null ? null : new ProxySettings(proxyHost, proxyPort, nonProxyHosts));
        try {
            return DownloadReport.of(new PackageDownloader(settings)
                    .download(url, dir.toPath(), fileName, refresher, DownloadProgress.NONE));
        } catch (DataWorksException e) {
            if (Thread.interrupted()) {
                // The build was aborted: the engine stopped and cleaned up; report it as an interruption.
                throw new InterruptedException(e.getMessage());
            }
            return DownloadReport.failed(e, names);
        }
    }

    @Override
    public String toString() {
        return "PackageDownloadCallable[" + Redaction.url(url) + " -> " + fileName + "]";
    }
}
