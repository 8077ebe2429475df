package dev.supportgateway.faq.search;

/** The Lucene fields of an article document (the search itself reads the desk's forward index). */
public final class ArticleField {

    /** The article's words as written (lower case, ё folded): what typos are corrected against. */
    public static final String SURFACE = "surface";
    /** The article's position in the desk's list. */
    public static final String ORDINAL = "ordinal";

    private ArticleField() {
    }
}
