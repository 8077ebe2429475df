package dev.supportgateway.channels.widget;

import dev.supportgateway.engine.desk.ChannelKind;
import dev.supportgateway.engine.desk.ChannelPolicy;
import dev.supportgateway.engine.desk.DeskId;
import dev.supportgateway.engine.desk.Desks;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.web.socket.WebSocketHandler;
import org.springframework.web.socket.server.HandshakeInterceptor;
import org.springframework.web.util.UriComponentsBuilder;
import org.springframework.web.util.WebUtils;

/**
 * The handshake check of {@code /ws/widget?desk=<id>}: the desk must exist and offer the widget, and a browser
 * page may connect only from the gateway itself or from one of the desk's allowed origins (403 otherwise).
 */
final class WidgetOrigins implements HandshakeInterceptor {

    static final String DESK = "widget.desk";
    private static final Logger LOG = LoggerFactory.getLogger(WidgetOrigins.class);

    private final Desks desks;
    private final WidgetChannelProperties properties;

    WidgetOrigins(Desks desks, WidgetChannelProperties properties) {
        this.desks = desks;
        this.properties = properties;
    }

    @Override
    public boolean beforeHandshake(ServerHttpRequest request, ServerHttpResponse response, WebSocketHandler handler,
                                   Map<String, Object> attributes) {
        String deskParam = UriComponentsBuilder.fromUri(request.getURI()).build().getQueryParams().getFirst("desk");
        DeskId desk;
        try {
            desk = DeskId.of(deskParam == null ? "" : deskParam);
        } catch (IllegalArgumentException e) {
            response.setStatusCode(HttpStatus.BAD_REQUEST);
            return false;
        }
        boolean offersWidget = desks.find(desk)
                .flatMap(d -> d.channel(ChannelKind.WIDGET)).map(ChannelPolicy::enabled).orElse(false);
        if (!offersWidget) {
            response.setStatusCode(HttpStatus.NOT_FOUND);
            return false;
        }
        String origin = request.getHeaders().getFirst(HttpHeaders.ORIGIN);
        // browsers always send Origin on a WebSocket handshake; its absence means a non-browser client,
        // which cannot ride a customer's browser anyway (the token is not a cookie)
        if (origin != null && !WebUtils.isSameOrigin(request)
                && !properties.allowedOrigins(desk.value()).contains(origin)) {
            LOG.info("widget handshake for desk {} refused: origin {} is not allowed", desk, origin);
            response.setStatusCode(HttpStatus.FORBIDDEN);
            return false;
        }
        attributes.put(DESK, desk);
        return true;
    }

    @Override
    public void afterHandshake(ServerHttpRequest request, ServerHttpResponse response, WebSocketHandler handler,
                               Exception exception) {
        // nothing to do after the upgrade
    }
}
