package dev.supportgateway.engine.conversation;

import java.util.Objects;

/** The author of a message: its kind, an id where there is one (the operator id), and the name shown to the reader. */
public record Author(AuthorKind kind, String id, String displayName) {

    private static final Author UNNAMED_CUSTOMER = new Author(AuthorKind.CUSTOMER, null, "");

    public Author {
        Objects.requireNonNull(kind, "kind");
        displayName = displayName == null ? "" : displayName;
    }

    public static Author customer(String displayName) {
        // most widget customers give no name: one value for all their messages rather than one per message
        return displayName == null || displayName.isEmpty() ? UNNAMED_CUSTOMER : new Author(AuthorKind.CUSTOMER, null, displayName);
    }

    public static Author bot(String displayName) {
        return new Author(AuthorKind.BOT, null, displayName);
    }

    public static Author system(String displayName) {
        return new Author(AuthorKind.SYSTEM, null, displayName);
    }

    public static Author operator(Operator operator) {
        return new Author(AuthorKind.OPERATOR, operator.id(), operator.displayName());
    }

    /** An operator writing an internal note for colleagues. */
    public static Author note(Operator operator) {
        return new Author(AuthorKind.NOTE, operator.id(), operator.displayName());
    }
}
