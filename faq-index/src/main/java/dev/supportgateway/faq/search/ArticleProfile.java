package dev.supportgateway.faq.search;

import java.util.Arrays;

/**
 * The forward index of one article, built with the index: what the reranker reads instead of asking Lucene again.
 * Term ids are the desk vocabulary's (lemmas and their roots).
 *
 * @param terms      every distinct term of the article, sorted
 * @param where      for each term, where it occurs: {@link #TITLE} and/or {@link #HEAD} (title, listed questions,
 *                   tags, section) bits; 0 for the body only
 * @param passages   for each term, the sentences of the body and listed questions it occurs in (bit i: passage i;
 *                   passages after the 63rd share the last bit)
 * @param frequencies for each term, how often it occurs, the title, questions, tags and section counted twice
 * @param length     how many words the article has, the heading counted twice (for BM25's length normalisation)
 * @param pairs      lemma pairs (hashed, see {@link #pair}) of words at most two words apart in one sentence, sorted
 * @param titleWords for each content word of the title, its lemma ids (for how much of the title a question covers)
 * @param grams      character 4-grams of the whole article
 * @param headGrams  character 4-grams of the title, questions, tags and section
 * @param titleGrams character 4-grams of the title
 * @param intents    the {@link Intent}s the title, section and tags promise (bit mask)
 */
record ArticleProfile(int[] terms, byte[] where, long[] passages, short[] frequencies, int length, int[] pairs, int[][] titleWords,
                      CharGrams.Bag grams, CharGrams.Bag headGrams, CharGrams.Bag titleGrams, int intents) {

    static final byte TITLE = 1;
    static final byte HEAD = 2;

    /** The position of a term in {@link #terms}, or -1. */
    int find(int term) {
        if (term < 0) {
            return -1;
        }
        int at = Arrays.binarySearch(terms, term);
        return at < 0 ? -1 : at;
    }

    static boolean contains(int[] sorted, int pair) {
        return Arrays.binarySearch(sorted, pair) >= 0;
    }

    /** Two lemma ids in either order, hashed to an int (a rare collision only adds a spurious pair). */
    static int pair(int a, int b) {
        long low = Math.min(a, b);
        long high = Math.max(a, b);
        long h = (high << 32 | low) * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 32));
    }
}
