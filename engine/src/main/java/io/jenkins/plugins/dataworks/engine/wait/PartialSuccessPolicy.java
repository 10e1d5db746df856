package io.jenkins.plugins.dataworks.engine.wait;

/** What a PARTIAL_SUCCESS migration means for the caller. */
public enum PartialSuccessPolicy {
    /** The default: part of the content did not migrate, so the gate fails. */
    FAIL,
    /** Succeed, but mark the result unstable (Jenkins' yellow). */
    UNSTABLE,
    /** Treat it as a success. */
    SUCCEED
}
