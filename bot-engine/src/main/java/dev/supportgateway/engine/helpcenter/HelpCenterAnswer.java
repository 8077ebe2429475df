package dev.supportgateway.engine.helpcenter;

import java.util.List;
import java.util.Objects;

/**
 * What the help center says to one question: answer directly with an article, suggest candidates, or
 * admit it has no answer; with a confidence in [0, 1] and an explanation of the decision.
 */
public record HelpCenterAnswer(String question, Decision decision, String answer, double confidence,
                               List<Candidate> candidates, String explanation) {

    /** The three outcomes of a lookup. */
    public enum Decision { ANSWER, SUGGEST, NO_ANSWER }

    /** An article that may answer the question, with its retrieval score (higher is better). */
    public record Candidate(String id, String title, double score) {
        public Candidate {
            Objects.requireNonNull(id, "id");
        }
    }

    public HelpCenterAnswer {
        Objects.requireNonNull(decision, "decision");
        candidates = candidates == null ? List.of() : List.copyOf(candidates);
        if (decision == Decision.ANSWER && answer == null) {
            throw new IllegalArgumentException("a direct answer needs an article id");
        }
        if (decision != Decision.ANSWER && answer != null) {
            throw new IllegalArgumentException("only a direct answer names an article");
        }
        if (confidence < 0 || confidence > 1 || Double.isNaN(confidence)) {
            throw new IllegalArgumentException("confidence must be in [0, 1]: " + confidence);
        }
        explanation = explanation == null ? "" : explanation;
    }

    public static HelpCenterAnswer none(String question, String why) {
        return new HelpCenterAnswer(question, Decision.NO_ANSWER, null, 0, List.of(), why);
    }
}
