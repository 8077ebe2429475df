package dev.supportgateway.faq.search;

/** The searchable parts of an article, each with its own weight in the ranking. */
public enum ArticleField {
    TITLE("title"),
    QUESTIONS("questions"),
    TAGS("tags"),
    BODY("body");

    /** Every lemma and root of the article in one field (heading parts twice): what the first stage searches. */
    public static final String TEXT = "text";
    /** The article's words as written (lower case, ё folded): what typos are corrected against. */
    public static final String SURFACE = "surface";
    /** The article's position in the desk's list. */
    public static final String ORDINAL = "ordinal";

    private final String name;

    ArticleField(String name) {
        this.name = name;
    }

    public String fieldName() {
        return name;
    }
}
