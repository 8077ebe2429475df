package dev.supportgateway.infra.dialogue;

import dev.supportgateway.engine.conversation.Outbound;
import dev.supportgateway.engine.delivery.Deliveries;
import dev.supportgateway.engine.delivery.Typing;
import dev.supportgateway.engine.desk.ChannelKind;
import java.util.EnumMap;
import java.util.Map;

/** Routes each outbound message to the adapter of the customer's channel. */
public final class ChannelDeliveries implements Deliveries {

    /** Channel modules name their outbound adapter bean {@code deliveries.<channel key>}, e.g. {@code deliveries.widget}. */
    public static final String BEAN_PREFIX = "deliveries.";

    private final Map<ChannelKind, Deliveries> adapters;

    public ChannelDeliveries(Map<ChannelKind, Deliveries> adapters) {
        // EnumMap's copy constructor refuses an empty map that is not itself an EnumMap
        this.adapters = new EnumMap<>(ChannelKind.class);
        this.adapters.putAll(adapters);
    }

    /** The adapters among {@code beans} named by the {@link #BEAN_PREFIX} convention. */
    public static ChannelDeliveries fromBeans(Map<String, Deliveries> beans) {
        Map<ChannelKind, Deliveries> adapters = new EnumMap<>(ChannelKind.class);
        beans.forEach((name, adapter) -> {
            if (name.startsWith(BEAN_PREFIX)) {
                adapters.put(ChannelKind.fromKey(name.substring(BEAN_PREFIX.length())), adapter);
            }
        });
        return new ChannelDeliveries(adapters);
    }

    @Override
    public void deliver(Outbound outbound) {
        Deliveries adapter = adapters.get(outbound.channel());
        if (adapter == null) {
            throw new IllegalStateException("no adapter delivers to channel " + outbound.channel().key() + ": " + outbound);
        }
        adapter.deliver(outbound);
    }

    @Override
    public void typing(Typing typing) {
        Deliveries adapter = adapters.get(typing.customer().channel());
        if (adapter != null) {
            adapter.typing(typing);
        }
    }
}
