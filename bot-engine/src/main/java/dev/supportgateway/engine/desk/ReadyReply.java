package dev.supportgateway.engine.desk;

import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A reply an operator of the desk sends often («Здравствуйте, меня зовут…», «пришлите скриншот»), kept in the desk's
 * configuration and picked in the console. Its text may name {@code {operator}} (the operator's name) and
 * {@code {ticket}} (the request's registration number), filled in when the operator picks it.
 */
public record ReadyReply(String id, String title, String text) {

    /** The placeholders a ready reply may use. */
    public static final Set<String> PLACEHOLDERS = Set.of("operator", "ticket");
    /** As long as the console lets an operator's reply be. */
    public static final int MAX_TEXT_LENGTH = 4000;

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([^{}\\s]+)}");

    public ReadyReply {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(text, "text");
        if (title.isBlank()) {
            throw new IllegalArgumentException("ready reply '" + id + "' needs a title the operator picks it by");
        }
        if (text.isBlank() || text.length() > MAX_TEXT_LENGTH) {
            throw new IllegalArgumentException("ready reply '" + id + "' must have a text of 1 to " + MAX_TEXT_LENGTH + " characters");
        }
        String unknown = unknownPlaceholder(text);
        if (unknown != null) {
            throw new IllegalArgumentException("ready reply '" + id + "' uses {" + unknown + "}; a ready reply may use "
                    + PLACEHOLDERS.stream().sorted().map(p -> "{" + p + "}").toList());
        }
    }

    private static String unknownPlaceholder(String text) {
        Matcher m = PLACEHOLDER.matcher(text);
        while (m.find()) {
            if (!PLACEHOLDERS.contains(m.group(1))) {
                return m.group(1);
            }
        }
        return null;
    }
}
