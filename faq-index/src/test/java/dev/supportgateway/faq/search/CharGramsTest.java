package dev.supportgateway.faq.search;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CharGramsTest {

    @Test
    void countsGramsWithinWordsIgnoringCaseYoAndPunctuation() {
        CharGrams.Bag bag = CharGrams.of("Ёлка, ёлка!");
        CharGrams.Bag same = CharGrams.of("елка елка");
        assertThat(bag.grams()).containsExactly(same.grams());
        assertThat(bag.total()).isEqualTo(same.total());
        assertThat(bag.count(CharGrams.hashes(" елк")[0])).isEqualTo(2);
    }

    @Test
    void gramsAcrossTwoWordsAreLeftOut() {
        // " аб " and " вг " only: no gram spans the space between the words
        assertThat(CharGrams.of("аб вг").size()).isEqualTo(2);
    }
}
