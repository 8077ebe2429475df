package dev.supportgateway.faq.search;

import dev.supportgateway.engine.helpcenter.HelpCenterAnswer.Decision;

/**
 * The probability that the best hit answers the question: a logistic model over three {@link Signals} (coverage,
 * margin, relative score), fitted on the development question set; and the two cut-offs that turn it into a
 * decision. The answer cut-off is set well above where wrong direct answers start, not at the edge.
 */
public record ConfidenceModel(double intercept, double coverage, double margin, double relativeScore,
                              double answerAt, double suggestAt) {

    public ConfidenceModel {
        if (!(0 <= suggestAt && suggestAt <= answerAt && answerAt <= 1)) {
            throw new IllegalArgumentException("need 0 ≤ suggestAt ≤ answerAt ≤ 1");
        }
    }

    /** Fitted by logistic regression on the 519 development rows (label: the top hit is the expected article). */
    public static ConfidenceModel standard() {
        return new ConfidenceModel(-2.13, 2.91, 2.49, 1.73, 0.90, 0.50);
    }

    public double confidence(Signals signals) {
        double z = intercept + coverage * signals.coverage() + margin * signals.margin()
                + relativeScore * signals.relativeScore();
        return 1 / (1 + Math.exp(-z));
    }

    public Decision decide(double confidence) {
        if (confidence >= answerAt) {
            return Decision.ANSWER;
        }
        return confidence >= suggestAt ? Decision.SUGGEST : Decision.NO_ANSWER;
    }
}
