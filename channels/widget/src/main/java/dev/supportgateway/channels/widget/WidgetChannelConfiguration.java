package dev.supportgateway.channels.widget;

import dev.supportgateway.engine.conversation.Attachments;
import dev.supportgateway.engine.conversation.Conversations;
import dev.supportgateway.engine.delivery.Deliveries;
import dev.supportgateway.engine.desk.Desks;
import dev.supportgateway.engine.dialogue.ConversationEngine;
import dev.supportgateway.engine.escalation.BusinessHours;
import jakarta.servlet.MultipartConfigElement;
import java.time.Clock;
import java.util.concurrent.Executors;
import org.apache.catalina.startup.Tomcat;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;
import org.springframework.web.multipart.MultipartResolver;
import org.springframework.web.multipart.support.StandardServletMultipartResolver;
import org.springframework.web.socket.config.annotation.EnableWebSocket;
import org.springframework.web.socket.config.annotation.WebSocketConfigurer;
import org.springframework.web.socket.server.standard.ServletServerContainerFactoryBean;

/**
 * The website widget channel: the WebSocket endpoint {@code /ws/widget} (inbound adapter) and the widget's
 * {@link Deliveries} (outbound adapter), registered under the bean name {@value #DELIVERIES_BEAN} so that the
 * composition root can route {@code ChannelKind.WIDGET} messages to it.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSocket
@EnableConfigurationProperties(WidgetChannelProperties.class)
public class WidgetChannelConfiguration {

    /** The endpoint's path. */
    public static final String PATH = "/ws/widget";
    /** Where the widget sends a message with a file (multipart over HTTP). */
    public static final String FILES_PATH = "/api/v1/widget/messages";
    /** Where the widget fetches a file of the customer's conversation (one an operator sent, or their own). */
    public static final String DOWNLOAD_PATH = "/api/v1/widget/files/{ref}";
    /** Everything the widget calls over HTTP: from customers' pages, with the session's token and a checked Origin, no cookie. */
    public static final String HTTP_PATHS = "/api/v1/widget/**";
    /** Room for a file message's other fields (desk, token, clientId, text) and the multipart framing. */
    static final long MULTIPART_FIELDS_BYTES = 64 * 1024;
    /** The outbound adapter's bean name: {@code deliveries.<channel key>}. */
    public static final String DELIVERIES_BEAN = "deliveries.widget";

    @Bean
    WidgetFrames widgetFrames() {
        return new WidgetFrames();
    }

    @Bean
    WidgetSessions widgetSessions(WidgetChannelProperties properties, WidgetFrames frames, ObjectProvider<Clock> clock) {
        return new WidgetSessions(properties, frames, clock.getIfAvailable(Clock::systemUTC),
                Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("widget-sessions-sweeper").daemon().factory()));
    }

    @Bean(DELIVERIES_BEAN)
    Deliveries widgetDeliveries(WidgetSessions sessions, WidgetFrames frames) {
        return new WidgetDeliveries(sessions, frames);
    }

    // the engine is built from the deliveries above: resolving it on first use breaks the cycle engine -> deliveries -> endpoint -> engine
    @Bean
    WidgetInbound widgetInbound(ObjectProvider<ConversationEngine> engine, @Lazy Conversations conversations, WidgetSessions sessions,
                                WidgetFrames frames, WidgetChannelProperties properties, ObjectProvider<Clock> clock,
                                @Lazy Desks desks, @Lazy BusinessHours hours) {
        Clock time = clock.getIfAvailable(Clock::systemUTC);
        return new WidgetInbound(engine::getObject, conversations, sessions, frames, properties, time,
                new OperatorAvailability(desks, hours, time));
    }

    /**
     * The web server's limits for every multipart body, from {@code gateway.widget.max-attachment-size}: the server
     * reads the parts itself, also of a body sent without a length, so its own limits are what bound them (a
     * request filter sees only the declared length).
     */
    @Bean
    MultipartConfigElement multipartLimits(WidgetChannelProperties properties) {
        long file = properties.maxAttachmentSize().toBytes();
        return new MultipartConfigElement(null, file, file + MULTIPART_FIELDS_BYTES, 0);
    }

    /**
     * Multipart bodies are read when the handler asks for their parts, not before it is chosen: a body over the limits
     * then fails inside {@link WidgetFiles}, which answers with the widget's own readable frame.
     */
    @Bean
    MultipartResolver multipartResolver() {
        StandardServletMultipartResolver resolver = new StandardServletMultipartResolver();
        resolver.setResolveLazily(true);
        return resolver;
    }

    /** Messages with a file, over HTTP at {@value #FILES_PATH}, and the conversation's files at {@value #DOWNLOAD_PATH}. */
    @Bean
    WidgetFiles widgetFiles(WidgetInbound inbound, WidgetSessions sessions, WidgetOrigins origins, WidgetFrames frames,
                            @Lazy Attachments attachments, @Lazy Conversations conversations, WidgetChannelProperties properties) {
        return new WidgetFiles(inbound, sessions, origins, frames, attachments, conversations, properties);
    }

    @Bean
    WidgetOrigins widgetOrigins(@Lazy Desks desks, WidgetChannelProperties properties) {
        return new WidgetOrigins(desks, properties);
    }

    @Bean
    WebSocketConfigurer widgetEndpoint(WidgetInbound inbound, WidgetOrigins origins) {
        // origins are checked per desk by WidgetOrigins; Spring's own check would only know one global list
        return registry -> registry.addHandler(inbound, PATH).addInterceptors(origins).setAllowedOriginPatterns("*");
    }

    /**
     * The container gives every socket message buffers of this size for as long as it is open, so they are small:
     * the handler takes frames in parts and collects the rare longer one up to the size limit, and an oversized
     * frame of any length gets a readable error. Binary frames are not part of the protocol.
     */
    @Bean
    ServletServerContainerFactoryBean widgetWebSocketContainer(WidgetChannelProperties properties) {
        ServletServerContainerFactoryBean container = new ServletServerContainerFactoryBean();
        container.setMaxTextMessageBufferSize(properties.socketBufferChars());
        container.setMaxBinaryMessageBufferSize(properties.socketBufferChars());
        container.setMaxSessionIdleTimeout(5 * 60_000L);
        return container;
    }

    /**
     * Tomcat's byte buffers per open socket: the connection's read and write buffer and the WebSocket session's
     * frame input, text encoding and output buffers, 8 KB each by default, held for as long as the socket is open.
     * With them ten thousand idle widget sockets took 56 KB of heap each, with 2 KB buffers 25 KB; widget frames are
     * a few hundred bytes, and a longer one is read and written in parts.
     */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(Tomcat.class)
    static class SocketBuffers {

        /** Tomcat reads the size of a WebSocket session's buffers only from this system property, once. */
        static final String WEBSOCKET_BUFFER_PROPERTY = "org.apache.tomcat.websocket.DEFAULT_BUFFER_SIZE";

        @Bean
        WebServerFactoryCustomizer<TomcatServletWebServerFactory> widgetSocketBuffers(WidgetChannelProperties properties) {
            return factory -> {
                int bytes = properties.socketIoBufferBytes();
                if (System.getProperty(WEBSOCKET_BUFFER_PROPERTY) == null) {
                    System.setProperty(WEBSOCKET_BUFFER_PROPERTY, Integer.toString(bytes));
                }
                factory.addConnectorCustomizers(connector -> {
                    connector.setProperty("socket.appReadBufSize", Integer.toString(bytes));
                    connector.setProperty("socket.appWriteBufSize", Integer.toString(bytes));
                });
            };
        }
    }
}
