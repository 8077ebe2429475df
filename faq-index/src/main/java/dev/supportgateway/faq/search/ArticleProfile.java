package dev.supportgateway.faq.search;

/**
 * The forward index of one article, built with the index: what the reranker reads instead of asking Lucene again.
 * Term ids are the desk vocabulary's (lemmas and their roots); sets are sorted and distinct.
 *
 * @param title      terms of the title
 * @param head       terms of the title, listed questions, tags and section
 * @param all        terms of the whole article
 * @param passages   terms of each sentence of the body and of each listed question
 * @param pairs      lemma pairs (smaller id high) of words at most two words apart in one sentence
 * @param titleWords for each content word of the title, its lemma ids (for how much of the title a question covers)
 * @param grams      character 4-grams of the whole article
 * @param headGrams  character 4-grams of the title, questions, tags and section
 * @param intents    the {@link Intent}s the title, section and tags promise (bit mask)
 */
record ArticleProfile(int[] title, int[] head, int[] all, int[][] passages, long[] pairs, int[][] titleWords,
                      CharGrams.Bag grams, CharGrams.Bag headGrams, int intents) {

    static boolean contains(int[] sorted, int term) {
        return term >= 0 && java.util.Arrays.binarySearch(sorted, term) >= 0;
    }

    static boolean contains(long[] sorted, long pair) {
        return java.util.Arrays.binarySearch(sorted, pair) >= 0;
    }

    static long pair(int a, int b) {
        int low = Math.min(a, b);
        int high = Math.max(a, b);
        return ((long) high << 32) | (low & 0xffffffffL);
    }
}
