package dev.supportgateway.faq.search;

/**
 * The few fixed numbers of the search that are not learned: how much a repaired (misspelt) word counts, BM25's
 * parameters for the first stage, and the length of a word root (a lemma cut to {@code rootLength} letters, which
 * joins derivations such as подписать / подписание / подпись). The ranking weights are in {@link RankingModel}.
 */
public record SearchTuning(float correctionWeight, float bm25K1, float bm25B, int rootLength) {

    public static SearchTuning standard() {
        return new SearchTuning(0.9f, 1.5f, 0.75f, 5);
    }

    /** The root term of a lemma: its first {@code rootLength} letters. */
    public String root(String lemma) {
        return dev.supportgateway.faq.analysis.LemmaFilter.root(lemma, rootLength);
    }
}
