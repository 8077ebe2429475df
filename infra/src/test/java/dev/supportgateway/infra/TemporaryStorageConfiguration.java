package dev.supportgateway.infra;

import dev.supportgateway.engine.conversation.Conversations;
import dev.supportgateway.engine.conversation.InMemoryConversations;
import dev.supportgateway.engine.escalation.Ticket;
import dev.supportgateway.engine.escalation.Tickets;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * TEMPORARY, tests only: the conversation store and ticket register until the storage module's
 * {@code StorageConfiguration} is merged into main. Delete this class then.
 */
@Configuration(proxyBeanMethods = false)
class TemporaryStorageConfiguration {

    @Bean
    @ConditionalOnMissingBean
    Conversations conversations() {
        return new InMemoryConversations();
    }

    @Bean
    @ConditionalOnMissingBean
    Tickets tickets() {
        AtomicInteger numbers = new AtomicInteger();
        return request -> new Ticket(request.desk().value().toUpperCase(Locale.ROOT) + "-" + numbers.incrementAndGet(), null);
    }
}
