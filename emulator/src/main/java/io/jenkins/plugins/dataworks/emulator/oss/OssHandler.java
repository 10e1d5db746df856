package io.jenkins.plugins.dataworks.emulator.oss;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import io.jenkins.plugins.dataworks.emulator.rpc.Encoding;
import io.jenkins.plugins.dataworks.emulator.scenario.DownloadFault;
import io.jenkins.plugins.dataworks.emulator.state.DownloadRecord;
import io.jenkins.plugins.dataworks.emulator.state.EmulatorState;
import io.jenkins.plugins.dataworks.emulator.state.MigrationState;
import io.jenkins.plugins.dataworks.emulator.state.ShutdownSignal;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Serves PostObject uploads ({@code POST /bucket}, see {@link PostObjectHandler}) and export packages at OSS V1 presigned URLs ({@code /bucket/key?Expires&OSSAccessKeyId&Signature}):
 * GET and HEAD, single ranges with OSS's lenient or standard behaviour, ETag and
 * x-oss-hash-crc64ecma, OSS XML errors, and the download faults. Bodies are streamed in 64 KiB
 * chunks straight from the package source, so large packages never sit in memory.
 */
public final class OssHandler {

    private static final Logger LOG = System.getLogger("io.jenkins.plugins.dataworks.emulator.oss");
    private static final DateTimeFormatter HTTP_DATE = DateTimeFormatter.RFC_1123_DATE_TIME.withZone(ZoneOffset.UTC);
    private static final int CHUNK = 64 * 1024;

    private final EmulatorState state;
    private final DownloadLinks links;
    private final ShutdownSignal shutdown;
    private final SecureRandom random = new SecureRandom();
    private final PostObjectHandler uploads;

    public OssHandler(EmulatorState state, DownloadLinks links, ShutdownSignal shutdown) {
        this.state = state;
        this.links = links;
        this.shutdown = shutdown;
        this.uploads = new PostObjectHandler(state, links);
    }

    /** What the request asked for and how it was answered, for the download log. */
    private static final class Outcome {
        String bucket;
        String key;
        Long migrationId;
        int status;
        String code;
        String fault;
        boolean recorded;
    }

    public void handle(HttpExchange exchange) throws IOException {
        String requestId = newRequestId();
        String method = exchange.getRequestMethod();
        if (method.equals("POST")) {
            try {
                uploads.handle(exchange, requestId);
            } finally {
                exchange.close();
            }
            return;
        }
        Outcome outcome = new Outcome();
        try {
            serve(exchange, method, requestId, outcome);
        } catch (IOException e) {
            // The client went away mid-body; nothing to answer.
            LOG.log(Level.DEBUG, () -> "oss " + method + " " + outcome.key + " aborted: " + e.getMessage());
        } finally {
            record(exchange, method, outcome);
            exchange.close();
        }
    }

    /** Logs the request once, before its answer goes out, so a client that got the answer sees it counted. */
    private void record(HttpExchange exchange, String method, Outcome outcome) {
        if (outcome.recorded) {
            return;
        }
        outcome.recorded = true;
        state.log().record(new DownloadRecord(state.scenarioClock().instant(), method, outcome.bucket, outcome.key,
                outcome.migrationId, exchange.getRequestHeaders().getFirst("Range"), outcome.status, outcome.code,
                outcome.fault));
        LOG.log(Level.DEBUG, () -> "oss " + method + " /" + outcome.bucket + "/" + outcome.key + " -> " + outcome.status
                + (outcome.code == null ? "" : " " + outcome.code) + (outcome.fault == null ? "" : " fault=" + outcome.fault));
    }

    private void serve(HttpExchange exchange, String method, String requestId, Outcome outcome) throws IOException {
        boolean head = method.equals("HEAD");
        if (!head && !method.equals("GET")) {
            error(exchange, outcome, requestId, 405, "MethodNotAllowed", "The specified method is not allowed against this resource.", Map.of());
            return;
        }
        String path = exchange.getRequestURI().getRawPath();
        int slash = path.indexOf('/', 1);
        outcome.bucket = slash < 0 ? path.substring(1) : path.substring(1, slash);
        outcome.key = slash < 0 ? "" : URLDecoder.decode(path.substring(slash + 1).replace("+", "%2B"), StandardCharsets.UTF_8);
        if (!outcome.bucket.equals(links.bucket())) {
            error(exchange, outcome, requestId, 404, "NoSuchBucket", "The specified bucket does not exist.", Map.of("BucketName", outcome.bucket));
            return;
        }
        Map<String, String> query = new LinkedHashMap<>();
        Encoding.decodeForm(exchange.getRequestURI().getRawQuery(), query);
        String expiresParam = query.get("Expires");
        String keyId = query.get("OSSAccessKeyId");
        String signature = query.get("Signature");
        if (expiresParam == null || keyId == null || signature == null) {
            error(exchange, outcome, requestId, 403, "AccessDenied", "You have no right to access this object because of bucket acl.", Map.of());
            return;
        }
        if (!keyId.equals(links.signer().accessKeyId())) {
            error(exchange, outcome, requestId, 403, "InvalidAccessKeyId", "The OSS Access Key Id you provided does not exist in our records.",
                    Map.of("OSSAccessKeyId", keyId));
            return;
        }
        long expires;
        try {
            expires = Long.parseLong(expiresParam);
        } catch (NumberFormatException e) {
            error(exchange, outcome, requestId, 403, "AccessDenied", "Invalid expires.", Map.of());
            return;
        }
        Instant now = state.scenarioClock().instant();
        if (now.getEpochSecond() > expires) {
            expired(exchange, outcome, requestId, expires, now);
            return;
        }
        Headers h = exchange.getRequestHeaders();
        Map<String, String> ossHeaders = new LinkedHashMap<>();
        h.forEach((name, values) -> {
            if (name.toLowerCase(Locale.ROOT).startsWith("x-oss-")) {
                ossHeaders.put(name, String.join(",", values));
            }
        });
        String stringToSign = OssUrlSigner.stringToSign(method, h.getFirst("Content-MD5"), h.getFirst("Content-Type"),
                expires, ossHeaders, outcome.bucket, outcome.key);
        String expected = links.signer().sign(stringToSign);
        if (!MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), signature.getBytes(StandardCharsets.UTF_8))) {
            Map<String, String> extra = new LinkedHashMap<>();
            extra.put("OSSAccessKeyId", keyId);
            extra.put("StringToSign", stringToSign);
            error(exchange, outcome, requestId, 403, "SignatureDoesNotMatch",
                    "The request signature we calculated does not match the signature you provided. Check your key and signing method.", extra);
            return;
        }
        Optional<MigrationState> migration = links.resolve(state, outcome.key);
        if (migration.isEmpty()) {
            error(exchange, outcome, requestId, 404, "NoSuchKey", "The specified key does not exist.", Map.of("Key", outcome.key));
            return;
        }
        MigrationState m = migration.get();
        outcome.migrationId = m.spec().id();
        Optional<DownloadFault> fault = state.downloadFaults().take(f -> f.matches(m.spec().id(), now)
                && (!head || f.kind() == DownloadFault.Kind.EXPIRED || f.kind() == DownloadFault.Kind.ERROR));
        DownloadFault f = fault.orElse(null);
        if (f != null) {
            outcome.fault = f.kind().name();
            if (f.kind() == DownloadFault.Kind.EXPIRED) {
                expired(exchange, outcome, requestId, expires, now);
                return;
            }
            if (f.kind() == DownloadFault.Kind.ERROR) {
                error(exchange, outcome, requestId, f.httpStatus(), f.code(), "Injected by the emulator.", Map.of());
                return;
            }
        }
        sendObject(exchange, head, requestId, m, f, outcome);
    }

    private void sendObject(HttpExchange exchange, boolean head, String requestId, MigrationState m, DownloadFault fault,
            Outcome outcome) throws IOException {
        PackageSource pkg = m.pkg();
        long size = pkg.size();
        boolean standard = "standard".equalsIgnoreCase(exchange.getRequestHeaders().getFirst("x-oss-range-behavior"));
        String rangeHeader = exchange.getRequestHeaders().getFirst("Range");
        ByteRange range = fault != null && fault.kind() == DownloadFault.Kind.IGNORE_RANGE
                ? ByteRange.whole(size) : ByteRange.parse(rangeHeader, size, standard);
        if (range.kind() == ByteRange.Kind.UNSATISFIABLE) {
            exchange.getResponseHeaders().set("Content-Range", "bytes */" + size);
            Map<String, String> extra = new LinkedHashMap<>();
            extra.put("RangeRequested", rangeHeader);
            extra.put("ActualObjectSize", Long.toString(size));
            error(exchange, outcome, requestId, 416, "InvalidRange", "The requested range cannot be satisfied", extra);
            return;
        }
        Headers out = exchange.getResponseHeaders();
        out.set("Content-Type", "application/zip");
        out.set("Accept-Ranges", "bytes");
        out.set("ETag", pkg.etag());
        out.set("Last-Modified", HTTP_DATE.format(m.gmtCreate()));
        out.set("x-oss-request-id", requestId);
        out.set("x-oss-object-type", "Normal");
        out.set("x-oss-storage-class", "Standard");
        if (m.spec().crcHeader()) {
            // Always the CRC of the whole object, also on a ranged answer, as OSS does.
            out.set("x-oss-hash-crc64ecma", Crc64.toHeader(pkg.crc64()));
        }
        int status = range.kind() == ByteRange.Kind.PARTIAL ? 206 : 200;
        if (status == 206) {
            out.set("Content-Range", "bytes " + range.start() + "-" + range.end() + "/" + size);
        }
        long length = size == 0 ? 0 : range.length();
        outcome.status = status;
        record(exchange, exchange.getRequestMethod(), outcome);
        if (head) {
            out.set("Content-Length", Long.toString(length));
            exchange.sendResponseHeaders(status, -1);
            return;
        }
        exchange.sendResponseHeaders(status, length == 0 ? -1 : length);
        OutputStream body = exchange.getResponseBody();
        streamBody(body, pkg, range.start(), length, fault);
        body.close();
    }

    private void streamBody(OutputStream body, PackageSource pkg, long start, long length, DownloadFault fault)
            throws IOException {
        byte[] buffer = new byte[(int) Math.min(CHUNK, Math.max(1, length))];
        boolean cut = fault != null && (fault.kind() == DownloadFault.Kind.TRUNCATE || fault.kind() == DownloadFault.Kind.STALL);
        long sent = 0;
        while (sent < length) {
            if (cut && sent == fault.offset()) {
                body.flush();
                if (fault.kind() == DownloadFault.Kind.STALL) {
                    shutdown.await(ShutdownSignal.MAX_STALL);
                }
                // Closing before Content-Length bytes were written makes the JDK server drop the connection.
                throw new IOException("injected " + fault.kind() + " after " + sent + " bytes");
            }
            int n = (int) Math.min(buffer.length, length - sent);
            if (cut && sent < fault.offset()) {
                n = (int) Math.min(n, fault.offset() - sent);
            }
            pkg.read(start + sent, buffer, 0, n);
            if (fault != null && fault.kind() == DownloadFault.Kind.CORRUPT) {
                long at = fault.offset() - (start + sent);
                if (at >= 0 && at < n) {
                    buffer[(int) at] ^= (byte) 0x5A;
                }
            }
            body.write(buffer, 0, n);
            sent += n;
        }
    }

    private void expired(HttpExchange exchange, Outcome outcome, String requestId, long expires, Instant now) throws IOException {
        Map<String, String> extra = new LinkedHashMap<>();
        extra.put("Expires", DateTimeFormatter.ISO_INSTANT.format(Instant.ofEpochSecond(expires)));
        extra.put("ServerTime", DateTimeFormatter.ISO_INSTANT.format(now.truncatedTo(java.time.temporal.ChronoUnit.SECONDS)));
        error(exchange, outcome, requestId, 403, "AccessDenied", "Request has expired.", extra);
    }

    private void error(HttpExchange exchange, Outcome outcome, String requestId, int status, String code, String message,
            Map<String, String> extra) throws IOException {
        outcome.status = status;
        outcome.code = code;
        record(exchange, exchange.getRequestMethod(), outcome);
        OssXml.sendError(exchange, requestId, status, code, message, extra);
    }

    private String newRequestId() {
        byte[] id = new byte[12];
        random.nextBytes(id);
        return HexFormat.of().withUpperCase().formatHex(id);
    }
}
