package dev.supportgateway.faq.search;

import java.util.List;

/** The second stage's features of one (question, article) pair, each about in [0, 1]. */
public final class Features {

    /** First-stage BM25 (lemmas and roots, heading counted twice), divided by the best candidate's. */
    public static final int BM25 = 0;
    /** Character 4-gram BM25 over the whole article, divided by the best candidate's. */
    public static final int GRAMS = 1;
    /** Character 4-gram BM25 over the title, questions, tags and section, divided by the best candidate's. */
    public static final int HEAD_GRAMS = 2;
    /** Informativeness-weighted share of the question's concepts found anywhere in the article. */
    public static final int COVERAGE = 3;
    /** ... found in the title, questions, tags or section. */
    public static final int HEAD_COVERAGE = 4;
    /** ... found in the title. */
    public static final int TITLE_COVERAGE = 5;
    /** ... found in one sentence (or listed question) of the article: the best passage. */
    public static final int PASSAGE_COVERAGE = 6;
    /** Share of the question's neighbouring concept pairs that stand close together in the article. */
    public static final int PAIRS = 7;
    /** Informativeness-weighted share of the title's words that the question has. */
    public static final int TITLE_PRECISION = 8;
    /** The question asks for a kind of answer (time, price, place, reason, how-to, difference) the heading promises. */
    public static final int INTENT = 9;
    /** Character 4-gram BM25 over the whole article relative to what the question's grams could score at most. */
    public static final int GRAM_SIMILARITY = 10;

    public static final int COUNT = 11;

    public static final List<String> NAMES = List.of("bm25", "grams", "headGrams", "coverage", "headCoverage",
            "titleCoverage", "passageCoverage", "pairs", "titlePrecision", "intent", "gramSimilarity");

    private Features() {
    }
}
