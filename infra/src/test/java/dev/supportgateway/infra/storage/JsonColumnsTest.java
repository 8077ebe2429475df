package dev.supportgateway.infra.storage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.supportgateway.engine.conversation.Action;
import dev.supportgateway.engine.conversation.Attachment;
import dev.supportgateway.engine.conversation.Author;
import dev.supportgateway.engine.conversation.AuthorKind;
import dev.supportgateway.engine.conversation.BotDecision;
import dev.supportgateway.engine.conversation.DecisionRule;
import dev.supportgateway.engine.conversation.Feedback;
import dev.supportgateway.engine.conversation.Message;
import dev.supportgateway.engine.conversation.MessageId;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class JsonColumnsTest {

    private static final Instant AT = Instant.parse("2026-12-06T09:15:30.123456Z");

    @Test
    void whateverTheCustomerTypedIsReadBackAsTyped() {
        String typed = "Кавычки \" и обратная черта \\, строки\nи\r\tтабуляция, управляющий \u0001 и \u001f, "
                + "эмодзи \uD83D\uDE00, </script> и {\"json\": [1]}";
        Message customer = new Message(MessageId.of("m-1"), new Author(AuthorKind.CUSTOMER, null, "Алия \"Ж\""), typed,
                List.of(), null, List.of(new Attachment("скрин \"1\".png", "image/png", 12_345_678_901L, "ref\\1")), "tg-42",
                null, null, AT);
        Message bot = new Message(MessageId.of("m-2"), new Author(AuthorKind.BOT, "bot", "Бот"), "Ответ",
                List.of(new Action("helped", "Помогло"), new Action("not-helped", "Не помогло")), "https://help/?a=1&b=\"2\"",
                List.of(), null, "helped", MessageId.of("m-1"), AT);

        String array = JsonColumns.array(List.of(JsonColumns.ofMessage(customer), JsonColumns.ofMessage(bot)));

        assertThat(JsonColumns.messages(array)).containsExactly(customer, bot);
    }

    @Test
    void aDecisionKeepsItsConfidenceAndAnUnknownConfidenceStaysUnknown() {
        BotDecision answered = new BotDecision(MessageId.of("m-2"), DecisionRule.values()[0], "уверенность 0,93 «ответ»",
                0.9312345678901234, "edoc-sign-document", List.of("edoc-sign-document", "edoc-revoke\"signature"), AT);
        BotDecision greeted = new BotDecision(null, DecisionRule.values()[1], "приветствие", Double.NaN, null, List.of(), AT);
        BotDecision certain = new BotDecision(null, DecisionRule.values()[1], "правило", 1.0, null, List.of(), AT);

        List<BotDecision> read = JsonColumns.decisions(JsonColumns.array(List.of(JsonColumns.ofDecision(answered),
                JsonColumns.ofDecision(greeted), JsonColumns.ofDecision(certain))));

        assertThat(read).hasSize(3);
        assertThat(read.get(0)).isEqualTo(answered);
        assertThat(read.get(1).confidence()).isNaN();
        assertThat(read.get(1)).usingRecursiveComparison().ignoringFields("confidence").isEqualTo(greeted);
        assertThat(read.get(2)).isEqualTo(certain);
    }

    @Test
    void feedbackOnAnAnswerAndOnTheServiceAreTold() {
        Feedback onAnswer = new Feedback(MessageId.of("m-2"), "edoc-sign-document", false, AT, false);
        Feedback onService = new Feedback(MessageId.of("m-9"), null, true, AT, true);

        assertThat(JsonColumns.feedback(JsonColumns.array(List.of(JsonColumns.ofFeedback(onAnswer),
                JsonColumns.ofFeedback(onService))))).containsExactly(onAnswer, onService);
    }

    @Test
    void anEmptyBatchIsAnEmptyArray() {
        assertThat(JsonColumns.array(List.of())).isEqualTo("[]");
        assertThat(JsonColumns.messages("[]")).isEmpty();
    }
}
