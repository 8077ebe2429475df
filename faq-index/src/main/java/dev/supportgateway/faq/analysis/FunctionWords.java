package dev.supportgateway.faq.analysis;

import java.util.List;
import java.util.Set;

/**
 * Lemmas that carry no meaning of their own in a support question: prepositions, conjunctions, particles and
 * personal pronouns. Deliberately small: words that carry intent (не, нет, нельзя, можно, как, где, когда, что,
 * человек...) are not here, unlike the stock Russian stop list.
 */
public final class FunctionWords {

    private static final Set<String> LEMMAS = Set.of(
            // prepositions
            "в", "во", "на", "с", "со", "по", "для", "к", "ко", "о", "об", "обо", "от", "до", "из", "у", "за", "под",
            "над", "при", "про", "через", "без", "между",
            // conjunctions and particles
            "и", "а", "но", "или", "либо", "да", "же", "ли", "бы", "ну", "вот", "то", "это", "этот", "тот", "так",
            "уже", "еще", "если", "чтобы", "который", "также", "тоже", "ведь", "вообще", "просто", "очень",
            // pronouns
            "я", "ты", "он", "она", "оно", "мы", "вы", "они", "себя", "ваш", "наш", "свой", "весь", "сам",
            // auxiliaries
            "быть");

    /** Interrogatives and modal words: they tell the kind of answer wanted (see the ranking's intent features). */
    private static final Set<String> QUESTION_WORDS = Set.of(
            "как", "что", "чем", "где", "куда", "откуда", "когда", "почему", "зачем", "какой", "каков", "сколько", "кто",
            "можно", "нельзя", "нужно", "нужный", "надо", "мочь", "может", "делать", "сделать");

    private FunctionWords() {
    }

    /** Whether any reading of a word is a question word. */
    public static boolean isQuestionWord(List<String> lemmas) {
        for (String lemma : lemmas) {
            if (QUESTION_WORDS.contains(lemma)) {
                return true;
            }
        }
        return false;
    }

    public static boolean contains(String lemma) {
        return LEMMAS.contains(lemma);
    }

    /**
     * The lemmas of one word that count for search: none when any reading of it is a function word
     * («при» is the preposition, not a form of some rarer verb).
     */
    public static List<String> content(List<String> lemmas) {
        for (String lemma : lemmas) {
            if (LEMMAS.contains(lemma)) {
                return List.of();
            }
        }
        return lemmas.stream().filter(l -> !l.isEmpty()).toList();
    }
}
