package dev.supportgateway.engine.desk;

import java.util.Objects;

/** Where a desk's help-center articles live ({@code articles}, relative to the desk file) and the public address they link to. */
public record HelpCenterSettings(String articles, String baseUrl) {
    public HelpCenterSettings {
        Objects.requireNonNull(articles, "articles");
    }

    /** The link for an article: its own url when it has one, else the base address plus its id. */
    public String linkTo(String articleId, String articleUrl) {
        if (articleUrl != null && !articleUrl.isBlank()) {
            return articleUrl;
        }
        if (baseUrl == null || baseUrl.isBlank()) {
            return null;
        }
        return baseUrl.endsWith("/") ? baseUrl + articleId : baseUrl + "/" + articleId;
    }
}
