package dev.supportgateway.engine.desk;

import java.util.List;

/** What a desk does not do: topics declined politely, each with the words that reveal it and the desk's answer. */
public record Scope(List<OutOfScopeTopic> outOfScope) {

    public static final Scope EVERYTHING = new Scope(List.of());

    /** One topic outside the desk's service. */
    public record OutOfScopeTopic(String id, String name, List<String> keywords, String reply) {
        public OutOfScopeTopic {
            keywords = keywords == null ? List.of() : List.copyOf(keywords);
        }
    }

    public Scope {
        outOfScope = outOfScope == null ? List.of() : List.copyOf(outOfScope);
    }
}
