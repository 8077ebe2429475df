package dev.supportgateway.engine.dialogue;

import dev.supportgateway.engine.desk.DeskId;

/** A message or command named a desk that is not configured. */
public final class UnknownDesk extends RuntimeException {
    public UnknownDesk(DeskId desk) {
        super("desk '" + desk + "' is not configured");
    }
}
