package dev.supportgateway.faq.search;

import dev.supportgateway.engine.helpcenter.Article;
import java.util.List;

/** One retrieved article with its retrieval score and which of the question's concepts it contains. */
public record Hit(Article article, double score, List<Concept> matched, List<Concept> matchedInTitle) {
    public Hit {
        matched = List.copyOf(matched);
        matchedInTitle = List.copyOf(matchedInTitle);
    }
}
