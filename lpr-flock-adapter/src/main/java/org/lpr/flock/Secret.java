package org.lpr.flock;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Objects;

/** A credential that never shows in {@code toString()}, logs or exception messages. */
final class Secret {
    private final String value;

    private Secret(String value) {
        this.value = value;
    }

    static Secret of(String value) {
        Objects.requireNonNull(value, "secret");
        return new Secret(value);
    }

    String reveal() {
        return value;
    }

    boolean isBlank() {
        return value.isBlank();
    }

    /** Compares in time independent of where the values differ. */
    boolean matches(String candidate) {
        return MessageDigest.isEqual(value.getBytes(StandardCharsets.UTF_8), candidate.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public String toString() {
        return "****";
    }
}
