package dev.supportgateway.faq.search;

import dev.supportgateway.engine.helpcenter.HelpCenterAnswer.Decision;

/**
 * The probability that the best hit answers the question: a logistic model over the {@link Signals}, with
 * coefficients fitted on the development question set; and the two cut-offs that turn it into a decision.
 */
public record ConfidenceModel(double intercept, double coverage, double titleCoverage, double margin,
                              double relativeScore, double answerAt, double suggestAt) {

    public ConfidenceModel {
        if (!(0 <= suggestAt && suggestAt <= answerAt && answerAt <= 1)) {
            throw new IllegalArgumentException("need 0 ≤ suggestAt ≤ answerAt ≤ 1");
        }
    }

    public static ConfidenceModel standard() {
        return new ConfidenceModel(-6.0, 5.0, 1.5, 4.0, 2.0, 0.70, 0.25);
    }

    public double confidence(Signals signals) {
        double z = intercept + coverage * signals.coverage() + titleCoverage * signals.titleCoverage()
                + margin * signals.margin() + relativeScore * signals.relativeScore();
        return 1 / (1 + Math.exp(-z));
    }

    public Decision decide(double confidence) {
        if (confidence >= answerAt) {
            return Decision.ANSWER;
        }
        return confidence >= suggestAt ? Decision.SUGGEST : Decision.NO_ANSWER;
    }
}
