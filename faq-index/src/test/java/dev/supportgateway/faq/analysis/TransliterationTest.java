package dev.supportgateway.faq.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TransliterationTest {

    @Test
    void aCyrillicWordIsSpelledInLatinBySound() {
        assertThat(Transliteration.latin("хелпдеск")).isEqualTo("helpdesk");
        assertThat(Transliteration.latin("Джава")).isEqualTo("java");
        assertThat(Transliteration.latin("щётка")).isEqualTo("schetka");
        assertThat(Transliteration.latin("объём")).as("signs are silent, ё is е").isEqualTo("obem");
        assertThat(Transliteration.latin("windows")).as("not Cyrillic").isNull();
    }

    @Test
    void lettersOfOneSoundAreOneAndDoubledLettersSingle() {
        assertThat(Transliteration.soundKey("NCALayer")).isEqualTo("nkalaier");
        assertThat(Transliteration.soundKey("nkaleer")).isEqualTo("nkaler");
        assertThat(Transliteration.soundKey("Windows")).isEqualTo(Transliteration.soundKey(Transliteration.latin("виндовс")));
        assertThat(Transliteration.soundKey("Lucky")).isEqualTo("luki");
    }

    @Test
    void aNameHeardKeepsItsConsonants() {
        assertThat(Transliteration.consonants("nkalaier")).isEqualTo("nklr");
        assertThat(Transliteration.consonants("nkaler")).isEqualTo("nklr");
        assertThat(Transliteration.consonants("edok")).isEqualTo("edk");
    }
}
