package dev.supportgateway.faq.search;

import java.util.Arrays;

/**
 * The second stage's linear ranking model: one weight per {@link Features} value. Fitted by a listwise (softmax)
 * logistic regression on the development questions, cross-validated by article (see the faq-index README).
 */
public record RankingModel(double[] weights) {

    public RankingModel {
        if (weights.length != Features.COUNT) {
            throw new IllegalArgumentException("need " + Features.COUNT + " weights, got " + weights.length);
        }
        weights = weights.clone();
    }

    public static RankingModel standard() {
        return new RankingModel(new double[] {1.4699, 1.8512, 1.8337, 0.8202, 1.2699, 1.6912, 1.1734, 0.6514, 1.6861, 1.7950,
                2.0439, 0.1185, -0.1492, 0.6782, 0.0740, 1.9659, -0.0548});
    }

    public double score(double[] features) {
        double sum = 0;
        for (int i = 0; i < weights.length; i++) {
            sum += weights[i] * features[i];
        }
        return sum;
    }

    @Override
    public String toString() {
        return "RankingModel" + Arrays.toString(weights);
    }
}
