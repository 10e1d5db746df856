package io.jenkins.plugins.dataworks.engine.auth;

import io.jenkins.plugins.dataworks.engine.error.InvalidInputException;

/**
 * A secret string (AccessKey secret, STS token) that never prints itself. Deliberately not
 * {@link java.io.Serializable}: a secret must never end up in serialized state.
 */
public final class SecretValue {

    private final String value;

    private SecretValue(String value) {
        this.value = value;
    }

    /** @param field the user-facing name of the field, used in the error when the value is blank */
    public static SecretValue of(String field, String value) {
        if (value == null || value.isBlank()) {
            throw new InvalidInputException(field, "is missing: provide it");
        }
        return new SecretValue(value);
    }

    /** The secret itself: only for signing a request, never for a message. */
    public String reveal() {
        return value;
    }

    @Override
    public String toString() {
        return "****";
    }
}
