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
        return new RankingModel(new double[] {1.4079, 1.8456, 1.9664, 0.9312, 0.8834, 1.7002, 1.1840, 0.6785, 1.5883, 1.8097,
                2.0338, 0.1241, -0.1616, 0.6843, 0.0716, 1.6983, 0.0307});
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
