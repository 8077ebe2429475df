package dev.supportgateway.infra.dialogue;

import dev.supportgateway.engine.conversation.Conversations;
import dev.supportgateway.engine.delivery.Deliveries;
import dev.supportgateway.engine.delivery.OperatorConsole;
import dev.supportgateway.engine.desk.Desks;
import dev.supportgateway.engine.dialogue.BotPhrases;
import dev.supportgateway.engine.dialogue.ConversationEngine;
import dev.supportgateway.engine.dialogue.ConversationLocks;
import dev.supportgateway.engine.dialogue.DialoguePorts;
import dev.supportgateway.engine.dialogue.InProcessConversationLocks;
import dev.supportgateway.engine.escalation.BusinessHours;
import dev.supportgateway.engine.escalation.IdentityCheck;
import dev.supportgateway.engine.escalation.Subscriptions;
import dev.supportgateway.engine.escalation.Tickets;
import dev.supportgateway.engine.helpcenter.HelpCenter;
import dev.supportgateway.infra.config.GatewayProperties;
import dev.supportgateway.routing.ticket.TicketRegister;
import dev.supportgateway.infra.desk.DeskCatalog;
import dev.supportgateway.infra.storage.ServiceRatings;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The dialogue core wired from beans: desks from the desk catalog, the store and tickets (storage), the help
 * center (faq-index), routing's calendars and identity rules, the channel adapters and the operator console.
 */
@Configuration(proxyBeanMethods = false)
public class DialogueConfiguration {

    @Bean
    @ConditionalOnMissingBean
    IdentityCheck identityCheck() {
        return new DeskIdentityCheck();
    }

    @Bean
    @ConditionalOnMissingBean
    BusinessHours businessHours(DeskCatalog catalog) {
        return new DeskBusinessHours(catalog);
    }

    /** Until tiers come from a billing system every customer has the desk's default tier. */
    @Bean
    @ConditionalOnMissingBean
    Subscriptions subscriptions() {
        return (desk, customer) -> Optional.empty();
    }

    @Bean
    @ConditionalOnMissingBean
    ConversationLocks conversationLocks() {
        return new InProcessConversationLocks();
    }

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    ConversationEngine conversationEngine(Desks desks, Conversations conversations, HelpCenter helpCenter, Tickets tickets,
                                          IdentityCheck identityCheck, BusinessHours businessHours,
                                          Subscriptions subscriptions, Map<String, Deliveries> channelAdapters,
                                          OperatorConsole console, ConversationLocks locks, Clock clock,
                                          ObjectProvider<ServiceRatings> ratings) {
        // the console, the ticket register and the ratings' report all hear what happens; none is a bean of this type
        // itself, so the console stays the one OperatorConsole bean that others may inject
        List<OperatorConsole> listeners = new ArrayList<>(List.of(console));
        if (tickets instanceof TicketRegister register) {
            listeners.add(new TicketFollower(register, clock));
        }
        ratings.ifAvailable(store -> listeners.add(new RatingRecorder(store)));
        OperatorConsole everyone = fanOut(listeners);
        // the router is not a bean itself: it would then be one of the Deliveries beans it routes to
        DialoguePorts ports = new DialoguePorts(desks, conversations, helpCenter, tickets, identityCheck, businessHours,
                subscriptions, ChannelDeliveries.fromBeans(channelAdapters), everyone, locks, clock);
        return new ConversationEngine(ports, BotPhrases.russian());
    }

    @Bean
    SilenceRounds silenceRounds(ConversationEngine engine, DeskCatalog catalog, Clock clock, GatewayProperties properties) {
        return new SilenceRounds(engine, catalog, clock, properties.silenceRounds(),
                Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("silence-rounds").daemon().factory()));
    }

    /** Each listener hears every event, also when one before it failed. */
    private static OperatorConsole fanOut(List<OperatorConsole> listeners) {
        List<OperatorConsole> all = List.copyOf(listeners);
        return event -> {
            RuntimeException first = null;
            for (OperatorConsole listener : all) {
                try {
                    listener.publish(event);
                } catch (RuntimeException e) {
                    if (first == null) {
                        first = e;
                    } else {
                        first.addSuppressed(e);
                    }
                }
            }
            if (first != null) {
                throw first;
            }
        };
    }
}
