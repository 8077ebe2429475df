package dev.supportgateway.faq.search;

/** The Lucene fields of an article document. */
public final class ArticleField {

    /** Every lemma and root of the article in one field (heading parts twice): what the first stage searches. */
    public static final String TEXT = "text";
    /** The article's words as written (lower case, ё folded): what typos are corrected against. */
    public static final String SURFACE = "surface";
    /** The article's position in the desk's list. */
    public static final String ORDINAL = "ordinal";

    private ArticleField() {
    }
}
