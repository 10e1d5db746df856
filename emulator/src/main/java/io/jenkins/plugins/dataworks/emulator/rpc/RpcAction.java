package io.jenkins.plugins.dataworks.emulator.rpc;

import java.util.LinkedHashMap;

/** One RPC action of one product version. */
public interface RpcAction {

    /** The API version the action belongs to, e.g. 2020-05-18. */
    String version();

    /** The product code, as in the troubleshooting link of an error (dataworks-public, Sts). */
    String product();

    /**
     * The success body without RequestId (the handler puts RequestId first). Throws
     * {@link ApiException} for an error answer.
     */
    LinkedHashMap<String, Object> handle(RpcCall call);
}
