package io.jenkins.plugins.dataworks.emulator.rpc;

import java.time.Instant;
import java.util.Map;

/** An authenticated RPC call handed to an action. {@code now} is scenario-clock time. */
public record RpcCall(String requestId, Map<String, String> params, Caller caller, Instant now) {

    public String required(String name) {
        String value = params.get(name);
        if (value == null || value.isEmpty()) {
            throw ErrorCodes.missing(name);
        }
        return value;
    }

    public String optional(String name) {
        String value = params.get(name);
        return value == null || value.isEmpty() ? null : value;
    }

    public long requiredLong(String name) {
        String value = required(name);
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            throw ErrorCodes.invalid(name, "expected a long but got '" + value + "'");
        }
    }
}
