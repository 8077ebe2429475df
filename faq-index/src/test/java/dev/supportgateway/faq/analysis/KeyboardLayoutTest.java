package dev.supportgateway.faq.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class KeyboardLayoutTest {

    @Test
    void latinKeysTypeTheRussianLetters() {
        assertThat(KeyboardLayout.toCyrillic("gfhjkm")).isEqualTo("пароль");
        assertThat(KeyboardLayout.toCyrillic("Ljcnfdrf")).isEqualTo("доставка");
        assertThat(KeyboardLayout.toCyrillic("k.,jq")).isEqualTo("любой");
    }

    @Test
    void onlyTokensOnLetterKeysLookMistyped() {
        assertThat(KeyboardLayout.looksMistyped("gfhjkm")).isTrue();
        assertThat(KeyboardLayout.looksMistyped("пароль")).isFalse();
        assertThat(KeyboardLayout.looksMistyped("1234")).isFalse();
        assertThat(KeyboardLayout.looksMistyped("e-mail")).isFalse();
    }
}
