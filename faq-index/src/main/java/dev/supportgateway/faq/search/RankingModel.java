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
        return new RankingModel(new double[] {1.2441, 2.0782, 2.1209, 0.7658, 0.7221, 1.4569, 1.2096, 0.5614, 1.1889, 1.7196,
                2.1703, 0.1438, -0.6447, 0.5634, 0.0616, 1.6100, 0.0454});
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
