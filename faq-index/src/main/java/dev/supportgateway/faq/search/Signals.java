package dev.supportgateway.faq.search;

/**
 * The evidence about the best hit that the confidence is computed from, each in [0, 1]: how much of the question
 * (by informativeness) the article contains, how much of it its title or listed questions contain, how far it
 * is ahead of the runner-up, and its score relative to what the question could score at most.
 */
public record Signals(double coverage, double titleCoverage, double margin, double relativeScore) {
}
