package dev.supportgateway.faq.search;

/**
 * The evidence about the best hit that the confidence is computed from: its ranking score, how far it is ahead of
 * the runner-up (score difference), how much of the question (by informativeness) the article contains, how much
 * of it its title, questions, tags or section contain, how much of its title the question covers, and how much of
 * the question's character grams it has.
 */
public record Signals(double score, double margin, double coverage, double titleCoverage, double titlePrecision,
                      double gramSimilarity) {

    public static final Signals NONE = new Signals(0, 0, 0, 0, 0, 0);

    /** The values in the order the confidence model weighs them. */
    public double[] values() {
        return new double[] {score, margin, coverage, titleCoverage, titlePrecision, gramSimilarity};
    }
}
