package dev.supportgateway.engine.conversation;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Why the bot did what it did with one customer message: the rule, a reason in the desk's language (for the
 * operator console and audits), and for help-center decisions the confidence, article and candidates.
 *
 * @param message    the customer message decided on
 * @param reason     why, in words an operator reads; never a value the customer typed
 * @param confidence the help center's confidence, or NaN when no lookup was made
 * @param article    the article answered with, or null
 */
public record BotDecision(MessageId message, DecisionRule rule, String reason, double confidence, String article,
                          List<String> candidates, Instant at) {

    public BotDecision {
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(at, "at");
        reason = reason == null ? "" : reason;
        candidates = candidates == null ? List.of() : List.copyOf(candidates);
    }

    /** A decision without a help-center lookup. */
    public static BotDecision of(MessageId message, DecisionRule rule, String reason, Instant at) {
        return new BotDecision(message, rule, reason, Double.NaN, null, List.of(), at);
    }
}
