package dev.supportgateway.infra.console;

import dev.supportgateway.engine.desk.Desks;
import dev.supportgateway.routing.ticket.TicketRegister;
import java.time.Clock;
import java.util.Map;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.web.socket.WebSocketHandler;
import org.springframework.web.socket.config.annotation.EnableWebSocket;
import org.springframework.web.socket.config.annotation.WebSocketConfigurer;
import org.springframework.web.socket.server.HandshakeInterceptor;
import org.springframework.web.util.WebUtils;

/** The operator console's live channel {@code /ws/console}: logged-in operators only, from the gateway's own pages only. */
@Configuration(proxyBeanMethods = false)
@EnableWebSocket
public class ConsoleConfiguration {

    @Bean
    ConsoleViews consoleViews(Desks desks, TicketRegister tickets, Clock clock) {
        return new ConsoleViews(desks, tickets::find, clock);
    }

    @Bean
    ConsoleUpdates consoleUpdates(OperatorDirectory operators, ConsoleViews views) {
        return new ConsoleUpdates(operators, views);
    }

    @Bean
    WebSocketConfigurer consoleEndpoint(ConsoleUpdates updates) {
        return registry -> registry.addHandler(updates, "/ws/console")
                .addInterceptors(new SameOriginOperator())
                .setAllowedOriginPatterns("*");
    }

    /** The security filter already demands a session; this also refuses pages of other sites riding that session. */
    static final class SameOriginOperator implements HandshakeInterceptor {
        @Override
        public boolean beforeHandshake(ServerHttpRequest request, ServerHttpResponse response, WebSocketHandler handler,
                                       Map<String, Object> attributes) {
            String origin = request.getHeaders().getFirst(HttpHeaders.ORIGIN);
            if (request.getPrincipal() == null || origin == null || !WebUtils.isSameOrigin(request)) {
                response.setStatusCode(HttpStatus.FORBIDDEN);
                return false;
            }
            return true;
        }

        @Override
        public void afterHandshake(ServerHttpRequest request, ServerHttpResponse response, WebSocketHandler handler,
                                   Exception exception) {
            // nothing after the upgrade
        }
    }
}
