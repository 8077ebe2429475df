package dev.supportgateway.engine.desk;

import java.util.List;

/**
 * Rules of conduct: what happens on profanity (after {@code warnings} warnings service stops and a
 * supervisor is told), words operators must not use in replies (eorder's jargon list), whether
 * instructions must link to the user guide (eorder), and a privacy pledge told to customers who
 * hesitate to give personal data (atlas, 152-ФЗ).
 */
public record Conduct(ProfanityAction onProfanity, int warnings, List<String> forbiddenOperatorWords,
                      boolean instructionsLinkToGuide, String privacyPledge) {

    /** The desk's reaction to profanity or insults. */
    public enum ProfanityAction { IGNORE, WARN, WARN_THEN_STOP }

    public static final Conduct TOLERANT = new Conduct(ProfanityAction.WARN, 0, List.of());

    public Conduct {
        onProfanity = onProfanity == null ? ProfanityAction.WARN : onProfanity;
        forbiddenOperatorWords = forbiddenOperatorWords == null ? List.of() : List.copyOf(forbiddenOperatorWords);
        if (warnings < 0) {
            throw new IllegalArgumentException("warnings must not be negative: " + warnings);
        }
    }

    public Conduct(ProfanityAction onProfanity, int warnings, List<String> forbiddenOperatorWords) {
        this(onProfanity, warnings, forbiddenOperatorWords, false, null);
    }
}
