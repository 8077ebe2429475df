package dev.supportgateway.faq.search;

import dev.supportgateway.faq.analysis.Letters;

/** Optimal-string-alignment distance: insertions, deletions, substitutions and swaps of neighbours cost one. */
final class EditDistance {

    private EditDistance() {
    }

    static int damerau(String a, String b) {
        return (int) distance(a, b, 1);
    }

    /**
     * Like {@link #damerau}, but a letter written for one that sounds alike costs half: of two words one edit from a
     * misspelling, «вайти» is more likely «войти» than «найти».
     */
    static double typing(String a, String b) {
        return distance(a, b, 0.5);
    }

    private static double distance(String a, String b, double soundAlikeCost) {
        int n = a.length();
        int m = b.length();
        double[][] d = new double[n + 1][m + 1];
        for (int i = 0; i <= n; i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= m; j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= n; i++) {
            for (int j = 1; j <= m; j++) {
                char x = a.charAt(i - 1);
                char y = b.charAt(j - 1);
                double cost = x == y ? 0 : soundAlikeCost < 1 && Letters.soundAlike(x, y) ? soundAlikeCost : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && x == b.charAt(j - 2) && a.charAt(i - 2) == y) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[n][m];
    }
}
