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
               boolean flagged) {
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
                + " · " + s.customer().channel().key() + " " + PersonalData.mask(s.customer().address());
        return new Row(s.id().value(), s.desk().value(), deskName, who, s.state().name().toLowerCase(Locale.ROOT).replace('_', '-'),
                label(s.state()), s.operator() == null ? null : s.operator().id(),
                s.operator() == null ? null : s.operator().displayName(), s.ticketNumber(), s.waitingSince(),
                s.lastMessageAt(), s.flagged());
    }

    Transcript transcript(Conversation c) {
        return new Transcript(row(c.summary()), c.transcript().stream().map(ConsoleViews::line).toList());
    }

    private static Line line(Message m) {
        return new Line(m.id().value(), m.author().kind().name().toLowerCase(Locale.ROOT), m.author().displayName(), m.text(),
                m.actions(), m.link(), m.at());
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
