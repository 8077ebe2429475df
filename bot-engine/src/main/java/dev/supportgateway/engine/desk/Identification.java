package dev.supportgateway.engine.desk;

import java.util.List;

/**
 * What a customer must tell about themselves before a request becomes a ticket. A request without it
 * may be refused ({@code mandatory}); {@code refusal} is what the desk then says (Russian).
 */
public record Identification(boolean mandatory, List<IdentityField> fields, String refusal) {

    public static final Identification NONE = new Identification(false, List.of());

    public Identification {
        fields = fields == null ? List.of() : List.copyOf(fields);
    }

    public Identification(boolean mandatory, List<IdentityField> fields) {
        this(mandatory, fields, null);
    }
}
