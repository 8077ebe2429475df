package dev.supportgateway.engine.desk;

import java.util.List;

/**
 * Rules of conduct: what happens on profanity (after {@code warnings} warnings service stops and a
 * supervisor is told), and words operators must not use in replies (eorder's jargon list).
 */
public record Conduct(ProfanityAction onProfanity, int warnings, List<String> forbiddenOperatorWords) {

    /** The desk's reaction to profanity or insults. */
    public enum ProfanityAction { IGNORE, WARN, WARN_THEN_STOP }

    public static final Conduct TOLERANT = new Conduct(ProfanityAction.WARN, 0, List.of());

    public Conduct {
        onProfanity = onProfanity == null ? ProfanityAction.WARN : onProfanity;
        forbiddenOperatorWords = forbiddenOperatorWords == null ? List.of() : List.copyOf(forbiddenOperatorWords);
    }
}
