package dev.supportgateway.channels.widget;

import dev.supportgateway.engine.conversation.Outbound;
import dev.supportgateway.engine.delivery.Deliveries;
import dev.supportgateway.engine.delivery.Typing;
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

    /** To the session's open sockets only: a signal that is stale after seconds is neither queued nor redelivered. */
    @Override
    public void typing(Typing typing) {
        sessions.signal(new WidgetSessions.Key(typing.desk(), typing.customer().address()), frames.typing(typing.operatorName()));
    }
}
