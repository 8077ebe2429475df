package dev.supportgateway.faq.search;

import java.util.EnumMap;
import java.util.Map;

/**
 * The few numbers that shape the ranking: how much each field counts, how expansions and repaired words are
 * discounted, BM25's parameters, and how much a shared word root (a lemma cut to {@code rootLength} letters, which
 * joins derivations such as подписать / подписание / подпись) counts when the lemmas themselves differ.
 */
public record SearchTuning(Map<ArticleField, Float> fieldWeights, float fieldTieBreaker, float glossaryWeight,
                           float correctionWeight, float bm25K1, float bm25B, float rootWeight, int rootLength,
                           float coverageBonus, float titleBonus, int rerankDepth, float pairWeight, int pairSlop,
                           boolean combinedFields) {

    public SearchTuning {
        fieldWeights = Map.copyOf(fieldWeights);
    }

    public static SearchTuning standard() {
        Map<ArticleField, Float> weights = new EnumMap<>(ArticleField.class);
        weights.put(ArticleField.TITLE, 2.0f);
        weights.put(ArticleField.QUESTIONS, 2.0f);
        weights.put(ArticleField.TAGS, 1.5f);
        weights.put(ArticleField.BODY, 1.0f);
        return new SearchTuning(weights, 1.0f, 0.6f, 0.9f, 1.5f, 0.75f, 1.0f, 5, 0.0f, 0.0f, 20, 0.6f, 3, false);
    }

    /** The root term of a lemma: its first {@code rootLength} letters. */
    public String root(String lemma) {
        return dev.supportgateway.faq.analysis.LemmaFilter.root(lemma, rootLength);
    }

    public float weight(ArticleField field) {
        return fieldWeights.getOrDefault(field, 1.0f);
    }
}
