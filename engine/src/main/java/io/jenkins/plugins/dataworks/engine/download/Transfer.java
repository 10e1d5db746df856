package io.jenkins.plugins.dataworks.engine.download;

import io.jenkins.plugins.dataworks.engine.text.Setting;
import io.jenkins.plugins.dataworks.engine.text.UserText;
import io.jenkins.plugins.dataworks.engine.error.DownloadException;
import io.jenkins.plugins.dataworks.engine.redact.Redaction;
import java.io.IOException;
import java.io.InputStream;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.apache.http.Header;
import org.apache.http.HttpEntity;
import org.apache.http.HttpResponse;
import org.apache.http.client.ClientProtocolException;
import org.apache.http.client.methods.CloseableHttpResponse;
import org.apache.http.client.methods.HttpGet;
import org.apache.http.impl.client.CloseableHttpClient;
import org.apache.http.impl.execchain.TunnelRefusedException;

/**
 * One download: the request loop with its resumes, restarts and URL refreshes. Not reusable; runs
 * on a worker thread of its own, and {@link #cancel()} may be called from any other thread.
 *
 * <p>The client's socket timeout is the readTimeout: it bounds the silence before the headers and
 * between body bytes. A read blocked on the socket ignores interrupts; {@link #cancel()} aborts the
 * request, which closes the socket and wakes it.
 */
final class Transfer {

    private static final long PROGRESS_INTERVAL_NANOS = TimeUnit.MILLISECONDS.toNanos(100);

    private final DownloadSettings settings;
    private final UrlPolicy policy;
    private final CloseableHttpClient client;
    private final LongSupplier nanoTime;
    private final UrlRefresher refresher;
    private final DownloadProgress progress;
    private final PartFile part;
    /** Hashes on threads of its own; its ring of buffers is also the read buffer (constant memory). */
    private final HashPipeline hashes;

    private URI uri;
    /** The current URL as people may see it: no query. */
    private volatile String shown;
    private RemoteObject object;
    private int resumes;
    private int refreshes;
    private long lastProgress;
    private volatile boolean cancelled;
    /** The request in flight, so that a cancel can abort it (closing its socket wakes a blocked read). */
    private volatile HttpGet currentRequest;

    Transfer(DownloadSettings settings, UrlPolicy policy, CloseableHttpClient client, LongSupplier nanoTime, URI uri,
            UrlRefresher refresher, DownloadProgress progress, PartFile part, HashPipeline hashes) {
        this.settings = settings;
        this.policy = policy;
        this.client = client;
        this.nanoTime = nanoTime;
        this.uri = uri;
        this.shown = Redaction.url(uri.toString());
        this.refresher = refresher;
        this.progress = progress;
        this.part = part;
        this.hashes = hashes;
    }

    DownloadResult run(Path target) {
        while (true) {
            checkCancelled();
            HttpGet request = request(part.size());
            currentRequest = request;
            if (cancelled) {
                request.abort(); // cancel() may have missed it
            }
            try (CloseableHttpResponse response = client.execute(request)) {
                // Closing the response (never the body stream, which would drain it) drops an unfinished connection.
                HttpEntity entity = response.getEntity();
                InputStream body = entity == null ? InputStream.nullInputStream() : entity.getContent();
                if (accept(response, body) && stream(body)) {
                    return complete(target);
                }
            } catch (ClientProtocolException e) {
                checkCancelled();
                if (e.getCause() instanceof TunnelRefusedException refused) {
                    throw refusedByProxy(refused.getResponse());
                }
                brokenTransfer("no valid answer: " + describe(e));
            } catch (IOException e) {
                checkCancelled();
                brokenTransfer(e instanceof SocketTimeoutException ? silence() : "no answer: " + describe(e));
            } finally {
                currentRequest = null;
            }
        }
    }

    /**
     * Stops the transfer soon: the request in flight is aborted (a blocked read fails at once) and
     * the hashers stop; the loop ends with a Cancelled DownloadException.
     */
    void cancel() {
        cancelled = true;
        hashes.close(); // wakes a read waiting for a free buffer
        HttpGet request = currentRequest;
        if (request != null) {
            request.abort();
        }
    }

    private HttpGet request(long offset) {
        HttpGet request = new HttpGet(uri);
        if (offset > 0) {
            request.setHeader("Range", "bytes=" + offset + "-");
        }
        return request;
    }

    /** The proxy answered the CONNECT for an https URL with an error (e.g. 407): no body of the target to read. */
    private DownloadException refusedByProxy(HttpResponse response) {
        int status = response.getStatusLine().getStatusCode();
        return failure("answered HTTP " + status + hintFor(status), "HTTP" + status, response);
    }

    /** @return whether the body continues (or starts) the file; false to send the next request */
    private boolean accept(HttpResponse response, InputStream body) {
        int status = response.getStatusLine().getStatusCode();
        long offset = part.size();
        if (status == 200) {
            long length = contentLength(response);
            if (length < 0) {
                throw failure("answered without Content-Length, so the package cannot be verified", "NoContentLength",
                        response);
            }
            requireWithinCap(length);
            if (offset > 0) {
                restart(); // the server ignored the Range and sends everything
            }
            object = RemoteObject.of(length, name -> header(response, name));
            reportProgress(true);
            return true;
        }
        if (status == 206 && offset > 0) {
            if (continuesObject(response, offset)) {
                return true;
            }
            restart(); // not the rest of the same object: ask again for all of it
            return false;
        }
        if (status == 206) {
            throw failure("answered 206 Partial Content to a request for the whole package", "UnexpectedPartial", response);
        }
        if (status == 416 && offset > 0) {
            restart(); // the object got shorter than what we have: it changed
            return false;
        }
        if (status >= 300 && status < 400) {
            String location = header(response, "Location");
            String to = location == null ? "nowhere" : hostOf(location);
            throw failure("answered HTTP " + status + ", a redirect to host " + to
                    + ", which is not followed: the download URL must point at the object itself", "Redirect", response);
        }
        OssError error = OssError.parse(readErrorBody(body));
        if (status >= 500) {
            brokenTransfer("HTTP " + status + statusDetail(error));
            return false;
        }
        if (status == 403 && error.isExpiredUrl()) {
            refreshUrl(error, response);
            return false;
        }
        throw failure("answered HTTP " + status + statusDetail(error) + hintFor(status),
                error.code() != null ? error.code() : "HTTP" + status, response);
    }

    private static String hintFor(int status) {
        return status == 403 ? ": the URL may be for another account or revoked; fetch the migration summary again"
                : status == 404 ? ": the package no longer exists; export the migration again"
                : status == 407 ? ": the proxy asks for authentication, which is not supported; let the OSS host through"
                        + " without it or reach it directly (non-proxy hosts)" : "";
    }

    /** The body's declared length as the client frames it; -1 when unknown (e.g. chunked). */
    private static long contentLength(HttpResponse response) {
        HttpEntity entity = response.getEntity();
        return entity == null ? -1 : entity.getContentLength();
    }

    private static String header(HttpResponse response, String name) {
        Header header = response.getFirstHeader(name);
        return header == null ? null : header.getValue();
    }

    private boolean continuesObject(HttpResponse response, long offset) {
        Optional<ContentRange> range = ContentRange.parse(header(response, "Content-Range"));
        if (range.isEmpty() || !range.get().isRestFrom(offset, object.size())) {
            return false;
        }
        long length = contentLength(response);
        if (length >= 0 && length != object.size() - offset) {
            return false;
        }
        return RemoteObject.of(range.get().total(), name -> header(response, name)).sameAs(object);
    }

    /** @return whether the whole object is in; false when the transfer broke and should resume */
    private boolean stream(InputStream body) {
        long expected = object.size();
        while (true) {
            byte[] buffer = claimBuffer();
            int n;
            try {
                n = body.read(buffer);
            } catch (IOException e) {
                checkCancelled();
                brokenTransfer(e instanceof SocketTimeoutException ? silence() : "read failed: " + describe(e));
                return false;
            }
            if (n < 0) {
                break;
            }
            if (part.size() + n > expected) {
                throw failure("sent more than the " + expected + " bytes it announced", "LengthMismatch", null);
            }
            write(buffer, n);
            publish(n);
            reportProgress(false);
            checkCancelled();
        }
        if (part.size() < expected) {
            checkCancelled();
            brokenTransfer("connection closed early");
            return false;
        }
        return true;
    }

    /** A buffer the hashers are done with; waits for one while they are behind. */
    private byte[] claimBuffer() {
        try {
            return hashes.claim();
        } catch (InterruptedException e) {
            throw cancelled();
        } catch (IllegalStateException e) {
            throw hashingFailed(e);
        }
    }

    private void publish(int n) {
        try {
            hashes.publish(n);
        } catch (IllegalStateException e) {
            throw hashingFailed(e);
        }
    }

    private DownloadException hashingFailed(IllegalStateException e) {
        checkCancelled(); // a cancel stops the hashers too
        return new DownloadException("cannot verify the package from " + shown + ": " + e.getMessage(), "HashFailed",
                null, null);
    }

    private void write(byte[] buffer, int n) {
        try {
            part.append(buffer, n);
        } catch (IOException e) {
            checkCancelled(); // an interrupt of the worker closes the file channel
            throw new DownloadException(UserText.of("cannot write the package into " + part.path().getParent() + ": "
                    + describe(e) + ": free disk space",
                    UserText.hint(Setting.DOWNLOAD_DIR, " or choose another ", Setting.DOWNLOAD_DIR)),
                    "WriteFailed", null, null);
        }
    }

    private DownloadResult complete(Path target) {
        long size = part.size();
        if (size != object.size()) {
            throw failure("sent " + size + " bytes but announced " + object.size(), "LengthMismatch", null);
        }
        HashPipeline.Digests digests;
        try {
            digests = hashes.finish();
        } catch (InterruptedException e) {
            throw cancelled();
        } catch (IllegalStateException e) {
            throw hashingFailed(e);
        }
        boolean crcVerified = false;
        if (object.crc64() != null) {
            long expectedCrc;
            try {
                expectedCrc = Crc64Xz.parseOssDecimal(object.crc64());
            } catch (NumberFormatException e) {
                throw failure("sent a malformed " + RemoteObject.CRC64_HEADER + " header", "Crc64Malformed", null);
            }
            if (expectedCrc != digests.crc64()) {
                throw failure("sent a corrupt package: CRC-64 expected " + Crc64Xz.toOssDecimal(expectedCrc)
                        + " (" + RemoteObject.CRC64_HEADER + "), actual " + Crc64Xz.toOssDecimal(digests.crc64())
                        + "; download it again", "Crc64Mismatch", null);
            }
            crcVerified = true;
        }
        checkCancelled();
        try {
            part.moveTo(target);
        } catch (IOException e) {
            checkCancelled();
            throw new DownloadException("cannot move the package into place as " + target + ": " + describe(e),
                    "WriteFailed", null, null);
        }
        reportProgress(true);
        return new DownloadResult(target, size, digests.sha256(),
                crcVerified ? Crc64Xz.toOssDecimal(digests.crc64()) : null, crcVerified, resumes, refreshes);
    }

    private void requireWithinCap(long length) {
        if (length > settings.maxBytes()) {
            throw new DownloadException(UserText.of("package at " + shown + " is " + length + " bytes (" + Sizes.human(length)
                    + "), over the limit of " + settings.maxBytes() + " bytes (" + Sizes.human(settings.maxBytes())
                    + ")", UserText.hint(Setting.MAX_BYTES, ": raise ", Setting.MAX_BYTES)), "TooLarge", null, null);
        }
    }

    private void restart() {
        try {
            part.reset();
            hashes.reset();
        } catch (InterruptedException e) {
            throw cancelled();
        } catch (IllegalStateException e) {
            throw hashingFailed(e);
        } catch (IOException e) {
            checkCancelled();
            throw new DownloadException("cannot truncate " + part.path() + " to start over: " + describe(e),
                    "WriteFailed", null, null);
        }
        object = null;
    }

    /** Counts a recovery from a broken transfer, or gives up when the budget is spent. */
    private void brokenTransfer(String reason) {
        if (resumes >= settings.maxResumes()) {
            String at = object == null ? "" : " at byte " + part.size() + " of " + object.size();
            throw new DownloadException(UserText.of("download of " + shown + " failed" + at + " after " + resumes
                    + " resumes: " + reason + ": check the network",
                    UserText.hint(Setting.MAX_RESUMES, " or raise ", Setting.MAX_RESUMES),
                    UserText.hint(Setting.READ_TIMEOUT, " or ", Setting.READ_TIMEOUT)), "TransferBroken", null, null);
        }
        resumes++;
    }

    private String silence() {
        return "no data for " + settings.readTimeout().toMillis() + " ms";
    }

    private void refreshUrl(OssError error, HttpResponse response) {
        if (refreshes >= settings.maxUrlRefreshes()) {
            throw failure(UserText.of("answered HTTP 403" + statusDetail(error) + " after " + refreshes
                    + " fresh URLs: check the clock of the machine that downloads",
                    UserText.hint(Setting.MAX_URL_REFRESHES, " or raise ", Setting.MAX_URL_REFRESHES)),
                    error.code(), response);
        }
        String fresh = refresher.freshUrl();
        if (fresh == null) {
            throw failure("answered HTTP 403" + statusDetail(error)
                    + " and no fresh URL is available: fetch the migration summary again", error.code(), response);
        }
        uri = policy.check(fresh);
        shown = Redaction.url(uri.toString());
        refreshes++;
    }

    private byte[] readErrorBody(InputStream body) {
        try {
            return body.readNBytes(OssError.MAX_BODY_BYTES);
        } catch (IOException e) {
            return new byte[0];
        }
    }

    private void reportProgress(boolean force) {
        long now = nanoTime.getAsLong();
        if (force || now - lastProgress >= PROGRESS_INTERVAL_NANOS) {
            lastProgress = now;
            progress.onProgress(part.size(), object == null ? -1 : object.size());
        }
    }

    private void checkCancelled() {
        if (cancelled || Thread.currentThread().isInterrupted()) {
            throw cancelled();
        }
    }

    DownloadException cancelled() {
        return new DownloadException("download of " + shown + " cancelled: the thread was interrupted", "Cancelled",
                null, null);
    }

    private DownloadException failure(String whatTheServerDid, String code, HttpResponse response) {
        return failure(UserText.of(whatTheServerDid), code, response);
    }

    private DownloadException failure(UserText whatTheServerDid, String code, HttpResponse response) {
        String requestId = response == null ? null : header(response, "x-oss-request-id");
        return new DownloadException(UserText.of(shown + " ", whatTheServerDid,
                requestId == null ? "" : " (RequestId " + requestId + ")"), code, requestId, null);
    }

    private static String statusDetail(OssError error) {
        if (error.code() == null) {
            return "";
        }
        return " " + error.code() + (error.message() == null ? "" : " (" + error.message() + ")");
    }

    /** Exception text without the URL query, in case HttpClient's message quotes the request. */
    private String describe(Exception e) {
        String text = e.getMessage() == null ? e.getClass().getSimpleName()
                : e.getClass().getSimpleName() + " " + e.getMessage();
        String query = uri.getRawQuery();
        if (query != null && !query.isEmpty()) {
            text = text.replace(query, "<redacted>");
            String decoded = uri.getQuery();
            if (decoded != null && !decoded.isEmpty()) {
                text = text.replace(decoded, "<redacted>");
            }
        }
        return text.replaceAll("\\s+", " ");
    }

    private static String hostOf(String location) {
        try {
            String host = URI.create(location).getHost();
            return host == null ? "(relative location)" : host;
        } catch (IllegalArgumentException e) {
            return "(malformed location)";
        }
    }
}
