package dev.supportgateway.engine.desk;

import java.util.Objects;

/**
 * A service level a customer has bought or gets for free (edoc Basic/VIP, eorder Базовый/Расширенный).
 * A lower {@code rank} is served first in the queue.
 */
public record ServiceTier(String id, String name, boolean isDefault, int rank, String price) {
    public ServiceTier {
        Objects.requireNonNull(id, "id");
        name = name == null ? id : name;
    }
}
