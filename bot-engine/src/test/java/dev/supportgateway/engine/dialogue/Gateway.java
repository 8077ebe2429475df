package dev.supportgateway.engine.dialogue;

import dev.supportgateway.engine.conversation.Action;
import dev.supportgateway.engine.conversation.Conversation;
import dev.supportgateway.engine.conversation.CustomerAddress;
import dev.supportgateway.engine.conversation.InMemoryConversations;
import dev.supportgateway.engine.conversation.Inbound;
import dev.supportgateway.engine.conversation.Outbound;
import dev.supportgateway.engine.desk.ChannelKind;
import dev.supportgateway.engine.desk.DeskId;
import dev.supportgateway.engine.helpcenter.Article;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/** The engine wired to in-memory ports, with shorthand for what customers and operators do in tests. */
final class Gateway {

    /** Wednesday 11 March 2026, 10:00 in Astana. */
    static final Instant START = Instant.parse("2026-03-11T05:00:00Z");

    final InMemoryConversations conversations = new InMemoryConversations();
    final TestPorts.InMemoryHelpCenter helpCenter = new TestPorts.InMemoryHelpCenter();
    final TestPorts.InMemoryTickets tickets = new TestPorts.InMemoryTickets();
    final TestPorts.SwitchedBusinessHours hours = new TestPorts.SwitchedBusinessHours();
    final TestPorts.TierBook tiers = new TestPorts.TierBook();
    final TestPorts.RecordingDeliveries deliveries = new TestPorts.RecordingDeliveries();
    final TestPorts.RecordingConsole console = new TestPorts.RecordingConsole();
    final TestPorts.MovingClock clock = new TestPorts.MovingClock(START);
    final ConversationEngine engine = new ConversationEngine(new DialoguePorts(new TestPorts.KnownDesks(TestDesks.all()),
            conversations, helpCenter, tickets, new TestPorts.DigitRules(), hours, tiers, deliveries, console,
            new InProcessConversationLocks(), clock), BotPhrases.russian());

    private final AtomicLong externalIds = new AtomicLong();

    static CustomerAddress widget(String session) {
        return CustomerAddress.of(ChannelKind.WIDGET, session);
    }

    Turn say(DeskId desk, CustomerAddress customer, String text) {
        clock.advance(java.time.Duration.ofSeconds(5));
        return engine.receive(Inbound.text(desk, customer, "m" + externalIds.incrementAndGet(), text, clock.instant()));
    }

    Turn press(DeskId desk, CustomerAddress customer, String actionId) {
        clock.advance(java.time.Duration.ofSeconds(5));
        return engine.receive(Inbound.action(desk, customer, "m" + externalIds.incrementAndGet(), actionId, clock.instant()));
    }

    /** The text of the turn's replies, joined. */
    static String said(Turn turn) {
        return String.join("\n", turn.replies().stream().map(Outbound::text).toList());
    }

    static List<String> actionIds(Turn turn) {
        return turn.replies().getLast().actions().stream().map(Action::id).toList();
    }

    Conversation conversation(DeskId desk, CustomerAddress customer) {
        return conversations.findOpen(desk, customer).orElseThrow();
    }

    Article article(DeskId desk, String id, String title, String body) {
        Article article = new Article(id, desk, title, "", List.of(), null, List.of(), body);
        helpCenter.article(article);
        return article;
    }
}
