package dev.supportgateway.engine.escalation;

import dev.supportgateway.engine.conversation.CustomerAddress;
import dev.supportgateway.engine.desk.DeskId;
import java.util.Optional;

/** Which service tier (edoc Basic/VIP, eorder Базовый/Расширенный) a customer has with a desk. */
public interface Subscriptions {

    /** The customer's tier id; empty when unknown, and then the desk's default tier applies. */
    Optional<String> tierOf(DeskId desk, CustomerAddress customer);
}
