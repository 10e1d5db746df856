package io.jenkins.plugins.dataworks.emulator.rpc;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.sun.net.httpserver.HttpExchange;
import io.jenkins.plugins.dataworks.emulator.oss.DownloadLinks;
import io.jenkins.plugins.dataworks.emulator.scenario.Fault;
import io.jenkins.plugins.dataworks.emulator.state.CallRecord;
import io.jenkins.plugins.dataworks.emulator.state.EmulatorState;
import io.jenkins.plugins.dataworks.emulator.state.ShutdownSignal;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Serves the RPC endpoint {@code /}: parses query and form parameters, authenticates, applies an
 * injected fault if one matches, runs the action and answers JSON. Every call is logged (action,
 * ids, status, code; never secrets) and counted.
 */
public final class RpcHandler {

    private static final Logger LOG = System.getLogger("io.jenkins.plugins.dataworks.emulator.rpc");
    private static final int MAX_BODY = 1 << 20;

    private final EmulatorState state;
    private final ShutdownSignal shutdown;
    private final Authenticator authenticator;
    private final Map<String, RpcAction> actions = new HashMap<>();
    private final Gson gson = new GsonBuilder().disableHtmlEscaping().create();

    public RpcHandler(EmulatorState state, DownloadLinks links, ShutdownSignal shutdown) {
        this.state = state;
        this.shutdown = shutdown;
        this.authenticator = new Authenticator(state);
        new DataWorksActions(state, links).register(actions);
        new StsActions(state).register(actions);
        new OpenPlatformActions(state, links).register(actions);
    }

    /**
     * An answer ready to send; recorded in the call log before it goes out, so tests that got it see
     * it counted. A null body is no answer at all: the connection is dropped at once ({@code drop})
     * or after a stall.
     */
    private record Reply(int status, byte[] body, String code, String fault, boolean drop) {
        Reply(int status, byte[] body, String code, String fault) {
            this(status, body, code, fault, false);
        }
    }

    public void handle(HttpExchange exchange) throws IOException {
        String requestId = UUID.randomUUID().toString().toUpperCase(Locale.ROOT);
        Map<String, String> params = new LinkedHashMap<>();
        Reply reply;
        try {
            reply = answer(exchange, requestId, params);
        } catch (RuntimeException e) {
            LOG.log(Level.ERROR, "emulator bug while serving " + params.get("Action"), e);
            reply = error(exchange, requestId, "dataworks-public",
                    new ApiException(500, "InternalError.System", "The request processing has failed due to some unknown error."), null);
        }
        record(params, reply);
        if (reply.body() == null) {
            if (!reply.drop()) {
                // A stall: no answer at all; the connection drops when the emulator closes.
                shutdown.await(ShutdownSignal.MAX_STALL);
            }
            // Closing an exchange that sent no headers makes the JDK server close the connection.
            exchange.close();
            return;
        }
        send(exchange, reply.status(), requestId, reply.body());
    }

    private Reply answer(HttpExchange exchange, String requestId, Map<String, String> params) throws IOException {
        String product = "dataworks-public";
        String faultKind = null;
        try {
            String method = exchange.getRequestMethod();
            if (!method.equals("GET") && !method.equals("POST")) {
                throw new ApiException(405, ErrorCodes.UNSUPPORTED_METHOD, "The RPC API accepts GET and POST only.");
            }
            readParams(exchange, params);
            String action = params.get("Action");
            if (action == null || action.isEmpty()) {
                throw ErrorCodes.missing("Action");
            }
            RpcAction rpc = actions.get(action);
            if (rpc == null) {
                throw new ApiException(404, ErrorCodes.INVALID_ACTION,
                        "Specified api is not found, please check your url and method.");
            }
            product = rpc.product();
            String version = params.get("Version");
            if (version == null || version.isEmpty()) {
                throw ErrorCodes.missing("Version");
            }
            if (!version.equals(rpc.version())) {
                throw new ApiException(400, ErrorCodes.INVALID_VERSION, "Specified parameter Version is not valid.");
            }
            String format = params.get("Format");
            if (format != null && !format.equalsIgnoreCase("JSON")) {
                throw ErrorCodes.invalid("Format", "the emulator answers JSON only");
            }
            Caller caller = authenticator.authenticate(method, params);
            Instant now = state.scenarioClock().instant();
            Long migrationId = parseLongOrNull(params.get("MigrationId"));
            Optional<Fault> fault = state.rpcFaults().take(f -> f.matches(action, migrationId, now));
            if (fault.isPresent()) {
                Fault f = fault.get();
                faultKind = f.kind().name();
                switch (f.kind()) {
                    case ERROR:
                        throw new ApiException(f.httpStatus(), f.code(), f.message());
                    case MALFORMED_JSON:
                        return new Reply(200, ("{\"RequestId\":\"" + requestId
                                + "\",\"Success\":true,\"Data\":{\"MigrationId\":").getBytes(StandardCharsets.UTF_8),
                                null, faultKind);
                    case EMPTY_BODY:
                        return new Reply(200, new byte[0], null, faultKind);
                    case DELAY:
                        if (shutdown.await(f.delay())) {
                            return new Reply(0, null, null, faultKind);
                        }
                        break;
                    case STALL:
                        return new Reply(0, null, null, faultKind);
                    case PERFORMED_NO_ANSWER:
                    case PERFORMED_THEN_STALL:
                        try {
                            rpc.handle(new RpcCall(requestId, Map.copyOf(params), caller, now));
                        } catch (ApiException e) {
                            // Whatever the action said, the client hears nothing: that is the fault.
                            LOG.log(Level.DEBUG, () -> "rpc " + action + " failed under " + f.kind() + ": " + e.code());
                        }
                        return new Reply(0, null, null, faultKind, f.kind() == Fault.Kind.PERFORMED_NO_ANSWER);
                    default:
                        throw new IllegalStateException(f.kind().name());
                }
            }
            LinkedHashMap<String, Object> body = new LinkedHashMap<>();
            body.put("RequestId", requestId);
            body.putAll(rpc.handle(new RpcCall(requestId, Map.copyOf(params), caller, now)));
            return new Reply(200, gson.toJson(body).getBytes(StandardCharsets.UTF_8), null, faultKind);
        } catch (ApiException e) {
            return error(exchange, requestId, product, e, faultKind);
        }
    }

    private void record(Map<String, String> params, Reply reply) {
        int status = reply.status();
        String code = reply.code();
        String faultKind = reply.fault();
        Map<String, String> safe = new LinkedHashMap<>(params);
        safe.remove("Signature");
        safe.remove("SecurityToken");
        String action = params.get("Action");
        Long migrationId = parseLongOrNull(params.get("MigrationId"));
        state.log().record(new CallRecord(state.scenarioClock().instant(), action, migrationId,
                params.get("AccessKeyId"), safe, status, code, faultKind));
        LOG.log(Level.DEBUG, () -> "rpc " + action + " migration=" + migrationId + " key=" + params.get("AccessKeyId")
                + " -> " + status + (code == null ? "" : " " + code) + (faultKind == null ? "" : " fault=" + faultKind));
    }

    private static void readParams(HttpExchange exchange, Map<String, String> params) throws IOException {
        try {
            Encoding.decodeForm(exchange.getRequestURI().getRawQuery(), params);
            String contentType = exchange.getRequestHeaders().getFirst("Content-Type");
            byte[] body = readBody(exchange.getRequestBody());
            if (body.length > 0 && contentType != null
                    && contentType.toLowerCase(Locale.ROOT).startsWith("application/x-www-form-urlencoded")) {
                Encoding.decodeForm(new String(body, StandardCharsets.UTF_8), params);
            }
        } catch (IllegalArgumentException e) {
            throw new ApiException(400, ErrorCodes.INVALID_PARAMETER, "The request has malformed URL encoding.");
        }
    }

    private static byte[] readBody(InputStream in) throws IOException {
        byte[] body = in.readNBytes(MAX_BODY + 1);
        if (body.length > MAX_BODY) {
            throw new ApiException(413, "RequestEntityTooLarge", "The request body is too large.");
        }
        return body;
    }

    private Reply error(HttpExchange exchange, String requestId, String product, ApiException e, String faultKind) {
        LinkedHashMap<String, Object> body = new LinkedHashMap<>();
        body.put("RequestId", requestId);
        String host = exchange.getRequestHeaders().getFirst("Host");
        body.put("HostId", host == null ? "dataworks.emulator" : host);
        body.put("Code", e.code());
        body.put("Message", e.getMessage());
        body.put("Recommend", "https://api.aliyun.com/troubleshoot?q=" + e.code() + "&product=" + product
                + "&requestId=" + requestId);
        return new Reply(e.httpStatus(), gson.toJson(body).getBytes(StandardCharsets.UTF_8), e.code(), faultKind);
    }

    private static void send(HttpExchange exchange, int status, String requestId, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "application/json;charset=utf-8");
        exchange.getResponseHeaders().set("x-acs-request-id", requestId);
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    private static Long parseLongOrNull(String value) {
        if (value == null) {
            return null;
        }
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
