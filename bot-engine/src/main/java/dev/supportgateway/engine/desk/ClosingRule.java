package dev.supportgateway.engine.desk;

/**
 * How a conversation ends: whether the operator first asks {@code question} («Остались ли у вас
 * вопросы?», eorder), whether a customer may reopen a request closed too early (konus), and whether the
 * closing message asks the customer to rate the service («Хорошо» / «Плохо»).
 */
public record ClosingRule(boolean askBeforeClosing, String question, boolean customerMayReopen, boolean askRating) {
    public static final ClosingRule PLAIN = new ClosingRule(false, null, true, false);

    /** A rule without the rating question (the shape before it existed). */
    public ClosingRule(boolean askBeforeClosing, String question, boolean customerMayReopen) {
        this(askBeforeClosing, question, customerMayReopen, false);
    }
}
