package dev.supportgateway.faq.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.junit.jupiter.api.Test;

class RussianAnalysisTest {

    private final RussianMorphology morphology = RussianMorphology.get();
    private final Analyzer analyzer = new HelpCenterAnalyzer(morphology);

    @Test
    void irregularPluralFindsTheLemma() throws IOException {
        assertThat(terms("люди")).contains("человек");
        assertThat(terms("шёл")).contains("идти");
        assertThat(terms("шел")).contains("идти");
    }

    @Test
    void yoIsFoldedButShortIIsNot() throws IOException {
        assertThat(terms("ещё ёлка")).containsExactly("елка");
        assertThat(terms("Ёлка")).containsExactly("елка");
        assertThat(terms("мой")).contains("мой").doesNotContain("мои");
        assertThat(terms("мои")).contains("мой");
        assertThat(terms("йогурт")).allMatch(term -> term.startsWith("й"));
    }

    @Test
    void domainAbbreviationsAreTheirOwnLemma() throws IOException {
        assertThat(terms("ИНН организации")).contains("инн").doesNotContain("инна");
        assertThat(morphology.lemmas("ос")).containsExactly("ос");
    }

    @Test
    void homonymsComeOutOnceEach() throws IOException {
        List<String> terms = terms("пришли");
        assertThat(terms).contains("прийти", "прислать").doesNotHaveDuplicates();
    }

    @Test
    void intentWordsAreNotStopWords() throws IOException {
        assertThat(terms("не нет нельзя можно как где когда человек"))
                .contains("не", "нет", "нельзя", "можно", "как", "где", "когда", "человек");
    }

    @Test
    void pureFunctionWordsAreDropped() throws IOException {
        assertThat(terms("и в на для или же ли")).isEmpty();
    }

    @Test
    void unknownWordsFallBackToALightStem() throws IOException {
        assertThat(morphology.knows("кависта")).isFalse();
        assertThat(terms("кависты")).isEqualTo(terms("кависта"));
    }

    private List<String> terms(String text) throws IOException {
        List<String> terms = new ArrayList<>();
        try (TokenStream stream = analyzer.tokenStream("body", text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                terms.add(term.toString());
            }
            stream.end();
        }
        return terms;
    }

    @Test
    void aSurnameReadingDoesNotHideAWordButAnOrdinaryWordIsNotAName() {
        RussianMorphology morphology = RussianMorphology.get();
        assertThat(morphology.personalNameOnly("диловой")).isTrue(); // only the surname Дилова
        assertThat(morphology.personalNameOnly("деловой")).isFalse(); // also the adjective
        assertThat(morphology.personalNameOnly("иванов")).isFalse(); // also the possessive «Иванов»
        assertThat(morphology.personalNameOnly("инн")).isFalse(); // a domain abbreviation, not the name Инна
    }

    @Test
    void lettersThatSoundAlike() {
        assertThat(Letters.soundAlike('е')).isEqualTo("иэя");
        assertThat(Letters.soundAlike('о')).isEqualTo("а");
        assertThat(Letters.soundAlike('н')).isEmpty();
        assertThat(Letters.soundAlike('з', 'с')).isTrue();
        assertThat(Letters.soundAlike('а', 'а')).isFalse();
        assertThat(Letters.soundAlike('в', 'н')).isFalse();
    }

    @Test
    void everydayWordsAreCommonerThanRareOnesAndUnknownWordsAreRare() {
        RussianMorphology morphology = RussianMorphology.get();
        assertThat(morphology.commonness("сделать")).isGreaterThan(morphology.commonness("телефон"));
        assertThat(morphology.commonness("телефон")).isGreaterThan(morphology.commonness("грубить"));
        assertThat(morphology.commonness("и")).isEqualTo(RussianMorphology.MOST_COMMON);
        assertThat(morphology.commonness("ncalayer")).isZero();
        assertThat(morphology.commonness("кракозябрище")).isZero();
    }
}
