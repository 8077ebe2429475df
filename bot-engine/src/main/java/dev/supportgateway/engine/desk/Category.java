package dev.supportgateway.engine.desk;

import java.util.List;
import java.util.Objects;

/**
 * A kind of request (консультация, ошибка), with the words that suggest it and whether a request of
 * this kind gets a registration number of its own.
 */
public record Category(String id, String name, boolean registered, String defaultPriority, List<String> keywords) {
    public Category {
        Objects.requireNonNull(id, "id");
        name = name == null ? id : name;
        keywords = keywords == null ? List.of() : List.copyOf(keywords);
    }
}
