package dev.supportgateway.faq.search;

import dev.supportgateway.engine.helpcenter.Article;
import java.util.List;

/**
 * One candidate article with its ranking score, its first-stage BM25 score, which of the question's concepts it
 * contains (anywhere / in its title, questions, tags or section), and the ranking features ({@link Features}).
 */
public record Hit(Article article, double score, double retrievalScore, List<Concept> matched, List<Concept> matchedInTitle,
                  double[] features) {
    public Hit {
        matched = List.copyOf(matched);
        matchedInTitle = List.copyOf(matchedInTitle);
    }
}
