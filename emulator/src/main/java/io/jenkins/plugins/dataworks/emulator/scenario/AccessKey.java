package io.jenkins.plugins.dataworks.emulator.scenario;

import java.util.Objects;

/**
 * A permanent AccessKey pair the emulator accepts. {@code userId} is what CreateUser / OpUser show for
 * migrations it creates; {@code enabled=false} answers InvalidAccessKeyId.Inactive.
 */
public record AccessKey(String id, String secret, String userId, boolean enabled) {

    public AccessKey {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(secret, "secret");
        Objects.requireNonNull(userId, "userId");
        if (id.isBlank() || secret.isEmpty()) {
            throw new IllegalArgumentException("AccessKey id and secret must not be empty");
        }
    }

    public static AccessKey of(String id, String secret) {
        return new AccessKey(id, secret, "1000000000000001", true);
    }

    public AccessKey withUserId(String newUserId) {
        return new AccessKey(id, secret, newUserId, enabled);
    }

    public AccessKey disabled() {
        return new AccessKey(id, secret, userId, false);
    }

    /** Never prints the secret. */
    @Override
    public String toString() {
        return "AccessKey[id=" + id + ", userId=" + userId + ", enabled=" + enabled + "]";
    }
}
