package dev.supportgateway.engine.desk;

import java.util.List;

/**
 * What a customer must tell about themselves before a request becomes a ticket. A request without it
 * may be refused ({@code mandatory}).
 */
public record Identification(boolean mandatory, List<IdentityField> fields) {

    public static final Identification NONE = new Identification(false, List.of());

    public Identification {
        fields = fields == null ? List.of() : List.copyOf(fields);
    }
}
