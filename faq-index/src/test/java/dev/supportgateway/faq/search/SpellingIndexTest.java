package dev.supportgateway.faq.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class SpellingIndexTest {

    private final SpellingIndex index = new SpellingIndex(Map.of(
            "пароль", 5, "паролем", 2, "подпись", 4, "подписи", 3, "сертификат", 2, "код", 9));

    @Test
    void findsWordsWithinTheEditsTheLengthAllows() {
        assertThat(index.suggestions("паролм", 3)).containsExactly("пароль", "паролем"); // both one edit away: the commoner first
        assertThat(index.suggestions("подпесь", 3)).contains("подпись");
        assertThat(index.suggestions("сертифика", 3)).containsExactly("сертификат");
        assertThat(index.suggestions("сeртфкат", 3)).isEmpty(); // a Latin «e» and two missing letters: three edits
    }

    @Test
    void ofWordsOneEditAwayTheOneWithASoundAlikeLetterComesFirst() {
        SpellingIndex vocabulary = new SpellingIndex(Map.of("найти", 9, "войти", 1, "формы", 1, "фирмы", 5));
        // «а» for an unstressed «о» is a likelier slip than «в» for «н», however common «найти» is
        assertThat(vocabulary.suggestions("вайти", 2)).containsExactly("войти", "найти");
        assertThat(vocabulary.suggestions("фармы", 2)).containsExactly("формы", "фирмы");
        assertThat(EditDistance.typing("вайти", "войти")).isEqualTo(0.5);
        assertThat(EditDistance.typing("вайти", "найти")).isEqualTo(1.0);
        assertThat(EditDistance.typing("сдесь", "здесь")).isEqualTo(0.5);
    }

    @Test
    void shortWordsAreNotRepaired() {
        assertThat(index.suggestions("кд", 3)).isEmpty();
        assertThat(index.suggestions("кот", 3)).isEmpty();
    }

    @Test
    void aWordOfTheVocabularyIsNotItsOwnSuggestion() {
        assertThat(index.suggestions("пароль", 3)).doesNotContain("пароль");
    }
}
