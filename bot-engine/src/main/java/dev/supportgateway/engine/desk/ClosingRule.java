package dev.supportgateway.engine.desk;

/**
 * How a conversation ends: whether the operator first asks {@code question} («Остались ли у вас
 * вопросы?», eorder) and whether a customer may reopen a request closed too early (konus).
 */
public record ClosingRule(boolean askBeforeClosing, String question, boolean customerMayReopen) {
    public static final ClosingRule PLAIN = new ClosingRule(false, null, true);
}
