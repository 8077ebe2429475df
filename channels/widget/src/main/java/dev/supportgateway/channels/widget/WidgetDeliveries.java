package dev.supportgateway.channels.widget;

import dev.supportgateway.engine.conversation.Outbound;
import dev.supportgateway.engine.delivery.Deliveries;
import dev.supportgateway.engine.desk.ChannelKind;

/** The outbound adapter: an engine message for a widget customer becomes a {@code message} frame in their session. */
final class WidgetDeliveries implements Deliveries {

    private final WidgetSessions sessions;
    private final WidgetFrames frames;

    WidgetDeliveries(WidgetSessions sessions, WidgetFrames frames) {
        this.sessions = sessions;
        this.frames = frames;
    }

    @Override
    public void deliver(Outbound outbound) {
        if (outbound.channel() != ChannelKind.WIDGET) {
            throw new IllegalArgumentException("not a widget message: " + outbound);
        }
        WidgetSessions.Key key = new WidgetSessions.Key(outbound.desk(), outbound.customer().address());
        sessions.deliver(key, frames.message(outbound));
    }
}
