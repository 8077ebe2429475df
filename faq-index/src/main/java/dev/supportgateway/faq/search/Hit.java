package dev.supportgateway.faq.search;

import dev.supportgateway.engine.helpcenter.Article;
import java.util.List;

/** One retrieved article with its ranking score, its plain BM25 score, and which of the question's concepts it contains. */
public record Hit(Article article, double score, double retrievalScore, List<Concept> matched, List<Concept> matchedInTitle) {
    public Hit {
        matched = List.copyOf(matched);
        matchedInTitle = List.copyOf(matchedInTitle);
    }
}
