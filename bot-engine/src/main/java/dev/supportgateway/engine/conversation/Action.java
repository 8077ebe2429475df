package dev.supportgateway.engine.conversation;

import java.util.Objects;
import java.util.Optional;

/**
 * A button offered with a message: {@code id} comes back in {@link Inbound#actionId()} when the
 * customer presses it; {@code label} is what the customer sees (Russian).
 */
public record Action(String id, String label) {

    /** The answer helped. */
    public static final String HELPED = "helped";
    /** The answer did not help: escalate. */
    public static final String NOT_HELPED = "not-helped";
    /** Call a person. */
    public static final String CALL_OPERATOR = "operator";
    /** Yes, a question remains (answer to the closing question). */
    public static final String QUESTIONS_REMAIN = "closing:yes";
    /** No question remains (answer to the closing question). */
    public static final String NOTHING_REMAINS = "closing:no";
    /** Reopen the request just closed (offered with the closing message where the desk allows it). */
    public static final String REOPEN = "reopen";
    /** The customer is satisfied with the service (offered with the closing message where the desk asks). */
    public static final String RATED_GOOD = "rating:good";
    /** The customer is not satisfied with the service. */
    public static final String RATED_BAD = "rating:bad";

    private static final String ARTICLE = "article:";
    private static final String CATEGORY = "category:";

    public Action {
        Objects.requireNonNull(id, "action id");
        Objects.requireNonNull(label, "action label");
    }

    /** A help-center article offered as a candidate: pressing it answers with that article. */
    public static Action article(String articleId, String title) {
        return new Action(ARTICLE + articleId, title);
    }

    /** A request category offered during escalation. */
    public static Action category(String categoryId, String name) {
        return new Action(CATEGORY + categoryId, name);
    }

    /** Whether {@code actionId} is «Хорошо» or «Плохо», the customer's rating of the service. */
    public static boolean isRating(String actionId) {
        return RATED_GOOD.equals(actionId) || RATED_BAD.equals(actionId);
    }

    /** The article id if {@code actionId} names an article. */
    public static Optional<String> articleOf(String actionId) {
        return suffix(actionId, ARTICLE);
    }

    /** The category id if {@code actionId} names a category. */
    public static Optional<String> categoryOf(String actionId) {
        return suffix(actionId, CATEGORY);
    }

    private static Optional<String> suffix(String actionId, String prefix) {
        return actionId != null && actionId.startsWith(prefix) && actionId.length() > prefix.length()
                ? Optional.of(actionId.substring(prefix.length())) : Optional.empty();
    }
}
