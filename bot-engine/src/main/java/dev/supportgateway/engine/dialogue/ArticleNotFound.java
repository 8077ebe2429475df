package dev.supportgateway.engine.dialogue;

import dev.supportgateway.engine.desk.DeskId;

/** An operator named a help-center article the desk does not have (or no longer has, after a re-index). */
public final class ArticleNotFound extends RuntimeException {
    public ArticleNotFound(DeskId desk, String articleId) {
        super("desk " + desk + " has no article " + articleId);
    }
}
