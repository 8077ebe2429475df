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
        return new RankingModel(new double[] {1.4265, 1.8567, 2.0199, 0.8535, 0.8280, 1.6322, 1.0811, 0.6923, 1.5894, 1.7962,
                2.0590, 0.1234, -0.1758, 0.6696, 0.0699, 1.6992, 0.0406});
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
