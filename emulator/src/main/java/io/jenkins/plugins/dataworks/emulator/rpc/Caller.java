package io.jenkins.plugins.dataworks.emulator.rpc;

/** Who made an authenticated call: the AccessKey id (STS.* for a session) and the user it acts as. */
public record Caller(String accessKeyId, String userId, boolean session) {
}
