package dev.supportgateway.faq.search;

import java.util.List;

/** A question as the search understood it: its meaningful words and what was done to read them. */
public record ReadQuestion(String question, List<Concept> concepts, List<String> signals) {
    public ReadQuestion {
        concepts = List.copyOf(concepts);
        signals = List.copyOf(signals);
    }
}
