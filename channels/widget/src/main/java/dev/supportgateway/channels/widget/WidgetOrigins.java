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
        HttpStatus refusal = refusal(deskParam, request);
        if (refusal != null) {
            response.setStatusCode(refusal);
            return false;
        }
        attributes.put(DESK, DeskId.of(deskParam));
        return true;
    }

    /**
     * Why the request may not use the desk's widget, or null when it may: 400 for a malformed desk id, 404 for a
     * desk without the widget, 403 for a page of a site the desk does not allow. Browsers always send Origin on a
     * WebSocket handshake and a cross-site POST; its absence means a non-browser client, which cannot ride a
     * customer's browser anyway (the token is not a cookie).
     */
    HttpStatus refusal(String deskParam, ServerHttpRequest request) {
        DeskId desk;
        try {
            desk = DeskId.of(deskParam == null ? "" : deskParam);
        } catch (IllegalArgumentException e) {
            return HttpStatus.BAD_REQUEST;
        }
        boolean offersWidget = desks.find(desk)
                .flatMap(d -> d.channel(ChannelKind.WIDGET)).map(ChannelPolicy::enabled).orElse(false);
        if (!offersWidget) {
            return HttpStatus.NOT_FOUND;
        }
        String origin = request.getHeaders().getFirst(HttpHeaders.ORIGIN);
        if (origin != null && !WebUtils.isSameOrigin(request)
                && !properties.allowedOrigins(desk.value()).contains(origin)) {
            LOG.info("widget request for desk {} refused: origin {} is not allowed", desk, origin);
            return HttpStatus.FORBIDDEN;
        }
        return null;
    }

    @Override
    public void afterHandshake(ServerHttpRequest request, ServerHttpResponse response, WebSocketHandler handler,
                               Exception exception) {
        // nothing to do after the upgrade
    }
}
