package io.jenkins.plugins.dataworks.emulator.oss;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import io.jenkins.plugins.dataworks.emulator.scenario.UploadFault;
import io.jenkins.plugins.dataworks.emulator.state.EmulatorState;
import io.jenkins.plugins.dataworks.emulator.state.UploadRecord;
import io.jenkins.plugins.dataworks.emulator.state.UploadStore;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.tukaani.xz.check.CRC64;

/**
 * OSS PostObject ({@code POST /<bucket>}, multipart/form-data, path style), checked like OSS: the
 * form fields OSSAccessKeyId, policy, Signature and key must come before {@code file}; the
 * signature is HMAC-SHA1 of the Base64 policy with the emulator's OSS secret; the policy must not
 * have expired (scenario clock) and every condition must hold. The file streams to a temporary file
 * of the {@link UploadStore} while its CRC-64 is computed; only a complete, valid upload is stored.
 * Error bodies follow OSS and never echo the policy or the signature.
 */
final class PostObjectHandler {

    private static final Logger LOG = System.getLogger("io.jenkins.plugins.dataworks.emulator.oss");
    /** Text fields are small; a bigger one is a malformed form, not something to buffer. */
    private static final int MAX_FIELD_BYTES = 64 * 1024;

    private final EmulatorState state;
    private final DownloadLinks links;

    PostObjectHandler(EmulatorState state, DownloadLinks links) {
        this.state = state;
        this.links = links;
    }

    /** What happened, for the upload log. */
    private static final class Outcome {
        String bucket;
        String key;
        long size;
        Long crc64;
        UploadRecord.Outcome outcome = UploadRecord.Outcome.INCOMPLETE;
        int status;
        String code;
        String fault;
        boolean recorded;
    }

    /** An OSS error answer, thrown from the checks. */
    private static final class OssError extends Exception {
        private static final long serialVersionUID = 1L;
        final int status;
        final String code;
        final Map<String, String> extra;

        OssError(int status, String code, String message, Map<String, String> extra) {
            super(message, null, false, false);
            this.status = status;
            this.code = code;
            this.extra = extra;
        }
    }

    void handle(HttpExchange exchange, String requestId) {
        Outcome outcome = new Outcome();
        Path temp = null;
        try {
            Instant now = state.scenarioClock().instant();
            Optional<UploadFault> fault = state.uploadFaults().take(f -> f.matches(now));
            UploadFault f = fault.orElse(null);
            if (f != null) {
                outcome.fault = f.kind().name();
                if (f.kind() == UploadFault.Kind.ERROR) {
                    throw new OssError(f.httpStatus(), f.code(), "Injected by the emulator.", Map.of());
                }
                if (f.kind() == UploadFault.Kind.CLOSE_AFTER) {
                    exchange.getRequestBody().readNBytes((int) Math.min(Integer.MAX_VALUE, f.afterBytes()));
                    // Returning without sending headers makes the JDK server drop the connection.
                    return;
                }
            }
            String path = exchange.getRequestURI().getRawPath();
            String rest = path.substring(1);
            int slash = rest.indexOf('/');
            outcome.bucket = slash < 0 ? rest : rest.substring(0, slash);
            if (!outcome.bucket.equals(links.bucket())) {
                throw new OssError(404, "NoSuchBucket", "The specified bucket does not exist.", Map.of("BucketName", outcome.bucket));
            }
            if (slash >= 0 && slash < rest.length() - 1) {
                throw new OssError(405, "MethodNotAllowed", "The specified method is not allowed against this resource.", Map.of());
            }
            String boundary = MultipartReader.boundary(exchange.getRequestHeaders().getFirst("Content-Type"));
            if (boundary == null) {
                throw new OssError(400, "InvalidArgument", "Bucket POST must be of the enclosure-type multipart/form-data.", Map.of());
            }
            MultipartReader form = new MultipartReader(exchange.getRequestBody(), boundary);
            if (!form.start()) {
                throw new MultipartReader.IncompleteBodyException();
            }
            Map<String, String> fields = new HashMap<>();
            MultipartReader.PartHeader part;
            while ((part = form.nextPart()) != null) {
                if (part.name() == null) {
                    throw new MultipartReader.MalformedBodyException("a part has no name");
                }
                String name = part.name().toLowerCase(Locale.ROOT);
                if (name.equals("file")) {
                    break;
                }
                ByteArrayOutputStream value = new ByteArrayOutputStream();
                form.body((b, off, len) -> {
                    if (value.size() + len > MAX_FIELD_BYTES) {
                        throw new MultipartReader.MalformedBodyException("form field " + name + " too long");
                    }
                    value.write(b, off, len);
                });
                fields.putIfAbsent(name, value.toString(StandardCharsets.UTF_8));
            }
            outcome.key = fields.get("key");
            PostPolicy policy = check(fields, part, outcome, now);
            PostPolicy.Condition range = policy.lengthRange();
            long max = Math.min(state.scenario().maxUploadBytes(), range == null ? Long.MAX_VALUE : range.max());
            long min = range == null ? 0 : range.min();

            temp = state.uploads().newTempFile();
            CRC64 crc = new CRC64();
            long[] received = {0};
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE);
                    OutputStream file = Channels.newOutputStream(channel)) {
                form.body((b, off, len) -> {
                    received[0] += len;
                    // Past the cap nothing more is written: the rest is only read, to answer cleanly.
                    if (received[0] <= max) {
                        file.write(b, off, len);
                        crc.update(b, off, len);
                    }
                });
            }
            outcome.size = received[0];
            // Parts after the file are ignored, as OSS does, but the body must still end properly.
            while (form.nextPart() != null) {
                form.body(null);
            }
            if (received[0] > max) {
                throw new OssError(400, "EntityTooLarge", "Your proposed upload exceeds the maximum allowed size.",
                        sizes(received[0], min, max));
            }
            if (received[0] < min) {
                throw new OssError(400, "EntityTooSmall", "Your proposed upload is smaller than the minimum allowed size.",
                        sizes(received[0], min, max));
            }
            UploadStore.StoredObject stored = state.uploads().put(outcome.bucket, outcome.key, temp, received[0], Crc64.value(crc));
            temp = null;
            outcome.crc64 = stored.crc64();
            outcome.outcome = UploadRecord.Outcome.STORED;
            if (f != null && f.kind() == UploadFault.Kind.STORED_NO_ANSWER) {
                return;
            }
            answer(exchange, requestId, fields.get("success_action_status"), stored, outcome);
        } catch (OssError e) {
            outcome.outcome = UploadRecord.Outcome.REJECTED;
            outcome.status = e.status;
            outcome.code = e.code;
            record(outcome);
            drain(exchange);
            sendError(exchange, requestId, e.status, e.code, e.getMessage(), e.extra);
        } catch (MultipartReader.MalformedBodyException e) {
            outcome.outcome = UploadRecord.Outcome.REJECTED;
            outcome.status = 400;
            outcome.code = "MalformedPOSTRequest";
            record(outcome);
            drain(exchange);
            sendError(exchange, requestId, 400, "MalformedPOSTRequest",
                    "The body of your POST request is not well-formed multipart/form-data.", Map.of());
        } catch (IOException e) {
            // The body ended early or the client went away: nothing stored (unless it was, before the
            // answer failed), nobody to answer.
            LOG.log(Level.DEBUG, () -> "oss POST " + outcome.key + " incomplete: " + e.getMessage());
        } finally {
            record(outcome);
            if (temp != null) {
                try {
                    Files.deleteIfExists(temp);
                } catch (IOException e) {
                    LOG.log(Level.DEBUG, () -> "cannot delete " + e.getMessage());
                }
            }
        }
    }

    private static void sendError(HttpExchange exchange, String requestId, int status, String code, String message,
            Map<String, String> extra) {
        try {
            OssXml.sendError(exchange, requestId, status, code, message, extra);
        } catch (IOException e) {
            // The client is gone; nobody to tell.
            LOG.log(Level.DEBUG, () -> "oss POST error answer " + code + " not delivered: " + e.getMessage());
        }
    }

    private static Map<String, String> sizes(long size, long min, long max) {
        Map<String, String> extra = new LinkedHashMap<>();
        extra.put("ProposedSize", Long.toString(size));
        extra.put("MinSizeAllowed", Long.toString(min));
        extra.put("MaxSizeAllowed", Long.toString(max));
        return extra;
    }

    /** The checks OSS makes once it has the form fields, in its order; returns the verified policy. */
    private PostPolicy check(Map<String, String> fields, MultipartReader.PartHeader filePart, Outcome outcome, Instant now)
            throws OssError {
        for (String required : new String[] {"key", "OSSAccessKeyId", "policy", "Signature"}) {
            String value = fields.get(required.toLowerCase(Locale.ROOT));
            if (value == null || value.isEmpty()) {
                throw new OssError(400, "InvalidArgument", "Bucket POST must contain a field named '" + required + "'.", Map.of());
            }
        }
        if (filePart == null) {
            throw new OssError(400, "InvalidArgument", "Bucket POST must contain a field named 'file'.", Map.of());
        }
        String keyId = fields.get("ossaccesskeyid");
        if (!keyId.equals(links.signer().accessKeyId())) {
            throw new OssError(403, "InvalidAccessKeyId", "The OSS Access Key Id you provided does not exist in our records.",
                    Map.of("OSSAccessKeyId", keyId));
        }
        String encoded = fields.get("policy");
        String expected = links.signer().sign(encoded);
        if (!MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), fields.get("signature").getBytes(StandardCharsets.UTF_8))) {
            throw new OssError(403, "SignatureDoesNotMatch",
                    "The request signature we calculated does not match the signature you provided. Check your key and signing method.",
                    Map.of("OSSAccessKeyId", keyId));
        }
        PostPolicy policy;
        try {
            policy = PostPolicy.decode(encoded);
        } catch (IllegalArgumentException e) {
            throw new OssError(400, "InvalidPolicyDocument", e.getMessage(), Map.of());
        }
        if (!now.isBefore(policy.expiration())) {
            throw new OssError(403, "AccessDenied", "Invalid according to Policy: Policy expired.", Map.of());
        }
        PostPolicy.Condition failed = policy.failedFieldCondition(outcome.bucket, outcome.key);
        if (failed != null) {
            throw new OssError(403, "AccessDenied", "Invalid according to Policy: Policy Condition failed: " + failed.quoted(), Map.of());
        }
        return policy;
    }

    private void answer(HttpExchange exchange, String requestId, String successStatus, UploadStore.StoredObject stored,
            Outcome outcome) throws IOException {
        // As OSS: 200 and 201 when asked for; anything else (or nothing) is 204.
        int status = "201".equals(successStatus) ? 201 : "200".equals(successStatus) ? 200 : 204;
        outcome.status = status;
        record(outcome);
        Headers h = exchange.getResponseHeaders();
        h.set("x-oss-request-id", requestId);
        h.set("ETag", stored.etag());
        h.set("x-oss-hash-crc64ecma", Crc64.toHeader(stored.crc64()));
        String location = links.endpoint() + "/" + stored.bucket() + "/" + OssUrlSigner.encodePath(stored.key());
        h.set("Location", location);
        if (status != 201) {
            exchange.sendResponseHeaders(status, -1);
            return;
        }
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<PostResponse>\n");
        OssXml.element(xml, "Bucket", stored.bucket());
        OssXml.element(xml, "Location", location);
        OssXml.element(xml, "Key", stored.key());
        OssXml.element(xml, "ETag", stored.etag());
        xml.append("</PostResponse>\n");
        byte[] body = xml.toString().getBytes(StandardCharsets.UTF_8);
        h.set("Content-Type", "application/xml");
        exchange.sendResponseHeaders(201, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    /** Logs the upload once, before its answer goes out, so a client that got the answer sees it counted. */
    private void record(Outcome o) {
        if (o.recorded) {
            return;
        }
        o.recorded = true;
        state.log().record(new UploadRecord(state.scenarioClock().instant(), o.bucket, o.key, o.size, o.crc64, o.outcome,
                o.status, o.code, o.fault));
        LOG.log(Level.DEBUG, () -> "oss POST /" + o.bucket + "/" + o.key + " -> " + o.outcome + " " + o.status
                + (o.code == null ? "" : " " + o.code) + (o.fault == null ? "" : " fault=" + o.fault));
    }

    /** Reads what is left of the request, so the client gets the answer instead of a reset connection. */
    private static void drain(HttpExchange exchange) {
        try (InputStream in = exchange.getRequestBody()) {
            in.transferTo(OutputStream.nullOutputStream());
        } catch (IOException e) {
            // The client is gone; the answer will not arrive anyway.
        }
    }
}
