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
    /** The question asks how long / when, and the heading promises times or deadlines. */
    public static final int INTENT = 9;
    /** Character 4-gram BM25 over the whole article relative to what the question's grams could score at most. */
    public static final int GRAM_SIMILARITY = 10;

    /** The question asks about money, and the heading promises prices or plans. */
    public static final int INTENT_PRICE = 11;
    /** The question asks where / whom to contact, and the heading promises contacts or places. */
    public static final int INTENT_PLACE = 12;
    /** The question asks why, and the heading promises reasons. */
    public static final int INTENT_REASON = 13;
    /** The question asks for a difference, and the heading promises a comparison. */
    public static final int INTENT_DIFFERENCE = 14;
    /** Heading coverage with words weighted by how rare they are among the desk's headings (not whole articles). */
    public static final int HEAD_RARE_COVERAGE = 15;
    /** Character 4-gram BM25 over the title alone, divided by the best candidate's. */
    public static final int TITLE_GRAMS = 16;

    /**
     * Coverage with each word weighted by its informativeness in the desk times its rarity in Russian at large: an
     * everyday word the articles happen to use rarely («телефон», «написать») counts less than a rare one («грубить»).
     */
    public static final int GENERAL_COVERAGE = 17;
    /** ... found in the title, questions, tags or section. */
    public static final int GENERAL_HEAD_COVERAGE = 18;
    /** ... found in the title. */
    public static final int GENERAL_TITLE_COVERAGE = 19;

    public static final int COUNT = 20;

    public static final List<String> NAMES = List.of("bm25", "grams", "headGrams", "coverage", "headCoverage",
            "titleCoverage", "passageCoverage", "pairs", "titlePrecision", "intentTime", "gramSimilarity",
            "intentPrice", "intentPlace", "intentReason", "intentDifference", "headRareCoverage", "titleGrams", "generalCoverage", "generalHeadCoverage", "generalTitleCoverage");

    private Features() {
    }
}
