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
        return new RankingModel(new double[] {1.5189, 1.8271, 1.8300, 0.0326, 0.7557, 1.0324, 0.9056, 0.6523, 1.6388, 1.8602,
                2.0218, 0.1046, -0.0678, 0.7007, 0.0722, 1.7044, -0.1216, 0.9781, 0.7713, 1.1774});
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
