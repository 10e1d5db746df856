package io.jenkins.plugins.dataworks.engine.download;

import io.jenkins.plugins.dataworks.engine.error.DownloadException;
import io.jenkins.plugins.dataworks.engine.redact.Redaction;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * One download: the request loop with its resumes, restarts and URL refreshes. Not reusable; runs
 * on a worker thread of its own, and {@link #cancel()} may be called from any other thread.
 */
final class Transfer {

    /** Constant memory whatever the package size. */
    static final int BUFFER_BYTES = 128 * 1024;
    private static final long PROGRESS_INTERVAL_NANOS = TimeUnit.MILLISECONDS.toNanos(100);

    private final DownloadSettings settings;
    private final UrlPolicy policy;
    private final HttpClient client;
    private final ScheduledExecutorService scheduler;
    private final LongSupplier nanoTime;
    private final UrlRefresher refresher;
    private final DownloadProgress progress;
    private final PartFile part;
    private final byte[] buffer = new byte[BUFFER_BYTES];

    private URI uri;
    /** The current URL as people may see it: no query. */
    private volatile String shown;
    private RemoteObject object;
    private int resumes;
    private int refreshes;
    private long lastProgress;
    private volatile boolean cancelled;
    /** The body being read, so that a cancel can wake a blocked read by closing it. */
    private volatile InputStream currentBody;

    Transfer(DownloadSettings settings, UrlPolicy policy, HttpClient client, ScheduledExecutorService scheduler,
            LongSupplier nanoTime, URI uri, UrlRefresher refresher, DownloadProgress progress, PartFile part) {
        this.settings = settings;
        this.policy = policy;
        this.client = client;
        this.scheduler = scheduler;
        this.nanoTime = nanoTime;
        this.uri = uri;
        this.shown = Redaction.url(uri.toString());
        this.refresher = refresher;
        this.progress = progress;
        this.part = part;
    }

    DownloadResult run(Path target) {
        while (true) {
            checkCancelled();
            HttpResponse<InputStream> response;
            try {
                response = send(part.size());
            } catch (InterruptedException e) {
                throw cancelled();
            } catch (IOException e) {
                checkCancelled();
                brokenTransfer("no answer: " + describe(e));
                continue;
            }
            // The JDK hands out no body at all when a proxy refuses the CONNECT tunnel (e.g. 407).
            InputStream body = response.body() != null ? response.body() : InputStream.nullInputStream();
            currentBody = body;
            if (cancelled) {
                closeQuietly(body); // cancel() may have missed it
            }
            try (StreamGuard guard = new StreamGuard(scheduler, settings.readTimeout(), body, nanoTime)) {
                if (accept(response, body) && stream(body, guard)) {
                    return complete(target);
                }
            } finally {
                currentBody = null;
                closeQuietly(body);
            }
        }
    }

    /**
     * Stops the transfer soon: a blocked read fails at once, the loop ends with a Cancelled
     * DownloadException. The caller also interrupts the worker, for a request still waiting for
     * its headers.
     */
    void cancel() {
        cancelled = true;
        InputStream body = currentBody;
        if (body != null) {
            closeQuietly(body);
        }
    }

    private HttpResponse<InputStream> send(long offset) throws IOException, InterruptedException {
        // The request timeout of the JDK client ends when the headers arrive: it bounds the silence before them.
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).GET().timeout(settings.readTimeout());
        if (offset > 0) {
            request.header("Range", "bytes=" + offset + "-");
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
    }

    /** @return whether the body continues (or starts) the file; false to send the next request */
    private boolean accept(HttpResponse<InputStream> response, InputStream body) {
        int status = response.statusCode();
        long offset = part.size();
        if (status == 200) {
            long length = response.headers().firstValueAsLong("Content-Length")
                    .orElseThrow(() -> failure("answered without Content-Length, so the package cannot be verified",
                            "NoContentLength", response));
            requireWithinCap(length);
            if (offset > 0) {
                restart(); // the server ignored the Range and sends everything
            }
            object = RemoteObject.of(length, response.headers());
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
            String to = response.headers().firstValue("Location").map(Transfer::hostOf).orElse("nowhere");
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
        String hint = status == 403 ? ": the URL may be for another account or revoked; fetch the migration summary again"
                : status == 404 ? ": the package no longer exists; export the migration again"
                : status == 407 ? ": the proxy asks for authentication, which is not supported; let the OSS host through"
                        + " without it or reach it directly (non-proxy hosts)" : "";
        throw failure("answered HTTP " + status + statusDetail(error) + hint,
                error.code() != null ? error.code() : "HTTP" + status, response);
    }

    private boolean continuesObject(HttpResponse<InputStream> response, long offset) {
        Optional<ContentRange> range = ContentRange.parse(response.headers().firstValue("Content-Range").orElse(null));
        if (range.isEmpty() || !range.get().isRestFrom(offset, object.size())) {
            return false;
        }
        OptionalLong length = response.headers().firstValueAsLong("Content-Length");
        if (length.isPresent() && length.getAsLong() != object.size() - offset) {
            return false;
        }
        return RemoteObject.of(range.get().total(), response.headers()).sameAs(object);
    }

    /** @return whether the whole object is in; false when the transfer broke and should resume */
    private boolean stream(InputStream body, StreamGuard guard) {
        long expected = object.size();
        while (true) {
            int n;
            try {
                n = body.read(buffer);
            } catch (IOException e) {
                checkCancelled();
                brokenTransfer(guard.silenceExceeded()
                        ? "no data for " + settings.readTimeout().toMillis() + " ms (readTimeout)"
                        : "read failed: " + describe(e));
                return false;
            }
            if (n < 0) {
                break;
            }
            guard.touch();
            if (part.size() + n > expected) {
                throw failure("sent more than the " + expected + " bytes it announced", "LengthMismatch", null);
            }
            write(n);
            reportProgress(false);
            checkCancelled();
        }
        if (part.size() < expected) {
            checkCancelled();
            brokenTransfer(guard.silenceExceeded()
                    ? "no data for " + settings.readTimeout().toMillis() + " ms (readTimeout)"
                    : "connection closed early");
            return false;
        }
        return true;
    }

    private void write(int n) {
        try {
            part.append(buffer, n);
        } catch (IOException e) {
            checkCancelled(); // an interrupt of the worker closes the file channel
            throw new DownloadException("cannot write the package into " + part.path().getParent() + ": " + describe(e)
                    + ": free disk space or choose another downloadDir", "WriteFailed", null, null);
        }
    }

    private DownloadResult complete(Path target) {
        long size = part.size();
        if (size != object.size()) {
            throw failure("sent " + size + " bytes but announced " + object.size(), "LengthMismatch", null);
        }
        PartFile.Digests digests = part.finishDigests();
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
            throw new DownloadException("package at " + shown + " is " + length + " bytes (" + Sizes.human(length)
                    + "), over the limit of " + settings.maxBytes() + " bytes (" + Sizes.human(settings.maxBytes())
                    + "): raise maxBytes", "TooLarge", null, null);
        }
    }

    private void restart() {
        try {
            part.reset();
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
            throw new DownloadException("download of " + shown + " failed" + at + " after " + resumes
                    + " resumes: " + reason + ": check the network or raise maxResumes/readTimeout", "TransferBroken",
                    null, null);
        }
        resumes++;
    }

    private void refreshUrl(OssError error, HttpResponse<InputStream> response) {
        if (refreshes >= settings.maxUrlRefreshes()) {
            throw failure("answered HTTP 403" + statusDetail(error) + " after " + refreshes
                    + " fresh URLs: check the agent's clock or raise maxUrlRefreshes", error.code(), response);
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

    private DownloadException failure(String whatTheServerDid, String code, HttpResponse<?> response) {
        String requestId = response == null ? null : response.headers().firstValue("x-oss-request-id").orElse(null);
        return new DownloadException(shown + " " + whatTheServerDid
                + (requestId == null ? "" : " (RequestId " + requestId + ")"), code, requestId, null);
    }

    private static String statusDetail(OssError error) {
        if (error.code() == null) {
            return "";
        }
        return " " + error.code() + (error.message() == null ? "" : " (" + error.message() + ")");
    }

    /** Exception text without the URL query, in case a JDK message quotes the request. */
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

    private static void closeQuietly(InputStream body) {
        try {
            body.close();
        } catch (IOException ignored) {
            // the connection is dropped either way
        }
    }
}
