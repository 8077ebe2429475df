package dev.supportgateway.engine.conversation;

import dev.supportgateway.engine.desk.ChannelKind;
import dev.supportgateway.engine.privacy.PersonalData;
import java.util.Objects;

/**
 * Where a customer is reached on one channel: a widget session id, a Telegram chat id, an e-mail
 * address, a phone number for a callback. Together with the desk it identifies the customer's conversation.
 */
public record CustomerAddress(ChannelKind channel, String address) {

    public CustomerAddress {
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(address, "address");
        address = address.strip();
        if (address.isEmpty()) {
            throw new IllegalArgumentException("a customer address must not be blank");
        }
        if (channel == ChannelKind.EMAIL) {
            // e-mail addresses are case-insensitive in practice; one customer must map to one conversation
            address = address.toLowerCase(java.util.Locale.ROOT);
        }
    }

    public static CustomerAddress of(ChannelKind channel, String address) {
        return new CustomerAddress(channel, address);
    }

    /** Masked: addresses are personal data and records end up in logs. */
    @Override
    public String toString() {
        return channel.key() + ":" + PersonalData.mask(address);
    }
}
