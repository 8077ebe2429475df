package dev.supportgateway.infra.console;

import dev.supportgateway.engine.conversation.Action;
import dev.supportgateway.engine.conversation.Conversation;
import dev.supportgateway.engine.conversation.ConversationState;
import dev.supportgateway.engine.conversation.ConversationSummary;
import dev.supportgateway.engine.conversation.Message;
import dev.supportgateway.engine.desk.Desks;
import dev.supportgateway.engine.privacy.PersonalData;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/** What the console's JSON carries: list rows and transcripts, with customers' addresses masked. */
final class ConsoleViews {

    record Row(String id, String desk, String deskName, String customer, String state, String stateLabel,
               String operatorId, String operatorName, String ticketNumber, Instant waitingSince, Instant lastMessageAt,
               boolean flagged, Instant awaitingCustomerSince) {
    }

    record Line(String id, String author, String authorName, String text, List<Action> actions, String link, Instant at) {
    }

    record Transcript(Row conversation, List<Line> messages) {
    }

    private final Desks desks;

    ConsoleViews(Desks desks) {
        this.desks = desks;
    }

    Row row(ConversationSummary s) {
        String deskName = desks.find(s.desk()).map(d -> d.name()).orElse(s.desk().value());
        String who = (s.customerName() == null || s.customerName().isBlank() ? "Посетитель" : PersonalData.mask(s.customerName()))
                + " · " + s.customer().channel().key() + " " + shortMask(s.customer().address());
        return new Row(s.id().value(), s.desk().value(), deskName, who, s.state().name().toLowerCase(Locale.ROOT).replace('_', '-'),
                label(s.state()), s.operator() == null ? null : s.operator().id(),
                s.operator() == null ? null : s.operator().displayName(), s.ticketNumber(), s.waitingSince(),
                s.lastMessageAt(), s.flagged(), s.awaitingCustomerSince());
    }

    Transcript transcript(Conversation c) {
        return new Transcript(row(c.summary()), c.transcript().stream().map(m -> line(c, m)).toList());
    }

    /** A button press has no text: the operator sees the button's label instead. */
    private static Line line(Conversation c, Message m) {
        String text = m.text();
        if (text.isBlank() && m.actionId() != null) {
            String label = c.transcript().stream().flatMap(x -> x.actions().stream())
                    .filter(a -> a.id().equals(m.actionId())).map(Action::label).reduce((a, b) -> b).orElse(m.actionId());
            text = "[нажата кнопка «" + label + "»]";
        }
        return new Line(m.id().value(), m.author().kind().name().toLowerCase(Locale.ROOT), m.author().displayName(), text,
                m.actions(), m.link(), m.at());
    }

    /** Masked and short: a widget token is long and says nothing to an operator beyond telling two customers apart. */
    private static String shortMask(String address) {
        String masked = PersonalData.mask(address);
        return masked.length() <= 16 ? masked : masked.substring(0, 2) + "…" + masked.substring(masked.length() - 2);
    }

    static String label(ConversationState state) {
        return switch (state) {
            case BOT -> "бот";
            case ANSWERED -> "бот ответил";
            case ESCALATING -> "бот собирает данные";
            case WAITING_FOR_OPERATOR -> "ждёт оператора";
            case WITH_OPERATOR -> "у оператора";
            case CLOSING -> "закрытие";
            case CLOSED -> "закрыт";
            case SUSPENDED -> "обслуживание остановлено";
        };
    }
}
