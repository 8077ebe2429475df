package dev.supportgateway.faq.search;

import dev.supportgateway.engine.helpcenter.HelpCenterAnswer.Decision;

/**
 * The probability that the best hit answers the question: a logistic model over the {@link Signals} (ranking
 * score, lead over the runner-up, coverage of the question, coverage in the heading, share of the title the
 * question covers, character-gram similarity), fitted on the development question set with cross-validation; and
 * the two cut-offs that turn it into a decision.
 */
public record ConfidenceModel(double intercept, double[] weights, double answerAt, double suggestAt) {

    public ConfidenceModel {
        if (!(0 <= suggestAt && suggestAt <= answerAt && answerAt <= 1)) {
            throw new IllegalArgumentException("need 0 ≤ suggestAt ≤ answerAt ≤ 1");
        }
        if (weights.length != Signals.NONE.values().length) {
            throw new IllegalArgumentException("need one weight per signal");
        }
        weights = weights.clone();
    }

    /** Fitted by logistic regression on the 519 development rows (label: the top hit is the expected article). */
    public static ConfidenceModel standard() {
        return new ConfidenceModel(-4.215, new double[] {0.466, 0.425, 0.010, -0.196, 0.059, 0.317}, 0.88, 0.40);
    }

    public double confidence(Signals signals) {
        double z = intercept;
        double[] values = signals.values();
        for (int i = 0; i < values.length; i++) {
            z += weights[i] * values[i];
        }
        return 1 / (1 + Math.exp(-z));
    }

    public Decision decide(double confidence) {
        if (confidence >= answerAt) {
            return Decision.ANSWER;
        }
        return confidence >= suggestAt ? Decision.SUGGEST : Decision.NO_ANSWER;
    }
}
