package dev.supportgateway.engine.desk;

import java.util.List;
import java.util.Objects;

/**
 * A service level a customer has bought or gets for free (edoc Basic/VIP, eorder Базовый/Расширенный).
 * A lower {@code rank} is served first in the queue; {@code includes} lists, in Russian, what the
 * operator does on this tier (eorder's matrix), so the bot can tell a customer what their plan covers.
 */
public record ServiceTier(String id, String name, boolean isDefault, int rank, String price, List<String> includes) {
    public ServiceTier {
        Objects.requireNonNull(id, "id");
        name = name == null ? id : name;
        includes = includes == null ? List.of() : List.copyOf(includes);
    }

    public ServiceTier(String id, String name, boolean isDefault, int rank, String price) {
        this(id, name, isDefault, rank, price, List.of());
    }
}
