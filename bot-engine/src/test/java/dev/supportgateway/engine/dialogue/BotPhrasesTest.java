package dev.supportgateway.engine.dialogue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BotPhrasesTest {

    private final BotPhrases phrases = BotPhrases.russian();

    @Test
    void placeholdersAreFilledAndMissingValuesStayVisible() {
        assertThat(phrases.text("ticket.registered", "number", "EDOC-2026-000001"))
                .isEqualTo("Ваше обращение зарегистрировано под номером EDOC-2026-000001.");
        assertThat(phrases.text("ticket.registered", Map.of())).contains("{number}");
    }

    @Test
    void aPhraseWithoutValuesIsOneStringForEveryReplyThatSaysIt() {
        // each reply's buttons and each decision's reason live in transcripts kept in memory
        assertThat(phrases.text("action.helped")).isEqualTo("Помогло").isSameAs(phrases.text("action.helped"));
    }

    @Test
    void aDesksOwnWordingReplacesOnlyWhatItGives() throws IOException {
        BotPhrases own = phrases.overriddenBy(new ByteArrayInputStream(
                "action.helped=Да, помогло\n".getBytes(StandardCharsets.UTF_8)));

        assertThat(own.text("action.helped")).isEqualTo("Да, помогло");
        assertThat(own.text("action.not-helped")).isEqualTo("Не помогло");
        assertThat(phrases.text("action.helped")).isEqualTo("Помогло");
    }

    @Test
    void anUnknownKeyIsAProgrammingError() {
        assertThatThrownBy(() -> phrases.text("no.such.phrase")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no.such.phrase");
    }
}
