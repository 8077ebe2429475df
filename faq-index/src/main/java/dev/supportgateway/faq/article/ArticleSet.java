package dev.supportgateway.faq.article;

import dev.supportgateway.engine.desk.DeskId;
import dev.supportgateway.engine.helpcenter.Article;
import java.util.List;

/** The articles of one desk that loaded, and the problems of the files that did not. */
public record ArticleSet(DeskId desk, List<Article> articles, List<Problem> problems) {
    public ArticleSet {
        articles = List.copyOf(articles);
        problems = List.copyOf(problems);
    }
}
