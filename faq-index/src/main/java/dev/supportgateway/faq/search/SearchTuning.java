package dev.supportgateway.faq.search;

import java.util.EnumMap;
import java.util.Map;

/** The few numbers that shape the ranking: how much each field counts and how expansions are discounted. */
public record SearchTuning(Map<ArticleField, Float> fieldWeights, float fieldTieBreaker, float glossaryWeight,
                           float correctionWeight, float bm25K1, float bm25B) {

    public SearchTuning {
        fieldWeights = Map.copyOf(fieldWeights);
    }

    public static SearchTuning standard() {
        Map<ArticleField, Float> weights = new EnumMap<>(ArticleField.class);
        weights.put(ArticleField.TITLE, 3.0f);
        weights.put(ArticleField.QUESTIONS, 3.0f);
        weights.put(ArticleField.TAGS, 2.0f);
        weights.put(ArticleField.BODY, 1.0f);
        return new SearchTuning(weights, 0.5f, 0.6f, 0.9f, 1.2f, 0.75f);
    }

    public float weight(ArticleField field) {
        return fieldWeights.getOrDefault(field, 1.0f);
    }
}
