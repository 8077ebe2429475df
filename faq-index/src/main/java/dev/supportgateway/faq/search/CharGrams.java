package dev.supportgateway.faq.search;

import java.util.Arrays;

/**
 * Character 4-grams of text (lower case, ё folded, words padded with a space, punctuation dropped), hashed to ints:
 * they match word forms, derivations and typos that the dictionary lemmas miss.
 */
final class CharGrams {

    static final int N = 4;

    private CharGrams() {
    }

    /** The distinct grams of a text, sorted, with how often each occurs. */
    record Bag(int[] grams, byte[] counts, int total) {
        static final Bag EMPTY = new Bag(new int[0], new byte[0], 0);

        int size() {
            return grams.length;
        }

        int count(int gram) {
            int at = Arrays.binarySearch(grams, gram);
            return at < 0 ? 0 : counts[at] & 0xff;
        }

    }

    static Bag of(String text) {
        int[] all = hashes(text);
        if (all.length == 0) {
            return Bag.EMPTY;
        }
        Arrays.sort(all);
        int distinct = 1;
        for (int i = 1; i < all.length; i++) {
            if (all[i] != all[i - 1]) {
                distinct++;
            }
        }
        int[] grams = new int[distinct];
        byte[] counts = new byte[distinct];
        int d = 0;
        grams[0] = all[0];
        counts[0] = 1;
        for (int i = 1; i < all.length; i++) {
            if (all[i] == all[i - 1]) {
                if ((counts[d] & 0xff) < 255) {
                    counts[d]++;
                }
            } else {
                d++;
                grams[d] = all[i];
                counts[d] = 1;
            }
        }
        return new Bag(grams, counts, all.length);
    }

    /** Every gram occurrence of the text, in order (not distinct). */
    static int[] hashes(String text) {
        StringBuilder norm = new StringBuilder(text.length() + 2).append(' ');
        boolean space = true;
        for (int i = 0; i < text.length(); i++) {
            char c = Character.toLowerCase(text.charAt(i));
            if (c == 'ё') {
                c = 'е';
            }
            if (Character.isLetterOrDigit(c)) {
                norm.append(c);
                space = false;
            } else if (!space) {
                norm.append(' ');
                space = true;
            }
        }
        if (!space) {
            norm.append(' ');
        }
        int count = Math.max(0, norm.length() - N + 1);
        int[] out = new int[count];
        int n = 0;
        for (int i = 0; i < count; i++) {
            int h = 0;
            boolean inner = false;
            for (int k = 0; k < N; k++) {
                char c = norm.charAt(i + k);
                h = h * 31 + c;
                inner |= k > 0 && k < N - 1 && c == ' ';
            }
            if (!inner) { // grams spanning two words say little
                out[n++] = h;
            }
        }
        return n == out.length ? out : Arrays.copyOf(out, n);
    }
}
