package io.jenkins.plugins.dataworks.emulator.state;

import java.time.Instant;
import java.util.Map;

/**
 * One RPC call as the emulator saw it. {@code params} never holds Signature or SecurityToken.
 *
 * @param at scenario-clock time of the call
 * @param code the error Code answered, or null for a success (or a fault without a code)
 * @param fault the injected fault kind that answered, or null
 */
public record CallRecord(Instant at, String action, Long migrationId, String accessKeyId, Map<String, String> params,
        int httpStatus, String code, String fault) {

    public CallRecord {
        params = Map.copyOf(params);
    }
}
