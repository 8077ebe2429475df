package dev.supportgateway.engine.desk;

import java.util.Optional;

/** The configured desks, by id. */
public interface Desks {

    Optional<Desk> find(DeskId id);
}
