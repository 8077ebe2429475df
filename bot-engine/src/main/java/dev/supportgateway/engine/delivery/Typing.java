package dev.supportgateway.engine.delivery;

import dev.supportgateway.engine.conversation.CustomerAddress;
import dev.supportgateway.engine.desk.DeskId;
import java.util.Objects;

/**
 * An operator is writing to the customer: a passing signal the customer's channel may show («Алия печатает…»).
 * Nothing of it is stored, and a channel that cannot show it ignores it.
 */
public record Typing(DeskId desk, CustomerAddress customer, String operatorName) {

    public Typing {
        Objects.requireNonNull(desk, "desk");
        Objects.requireNonNull(customer, "customer");
        operatorName = operatorName == null ? "" : operatorName;
    }
}
