package dev.supportgateway.infra.config;

import java.util.Objects;

/** A password or password hash from configuration: its {@code toString()} never shows it, so it cannot leak into logs. */
public record Secret(String value) {

    public Secret {
        Objects.requireNonNull(value, "secret");
    }

    public boolean isBlank() {
        return value.isBlank();
    }

    @Override
    public String toString() {
        return "******";
    }
}
