package dev.supportgateway.faq.search;

import java.util.List;

/** Everything one search found out: the question as read, the ranked hits and the signals about the best one. */
public record SearchOutcome(ReadQuestion question, List<Hit> hits, Signals signals) {
    public SearchOutcome {
        hits = List.copyOf(hits);
    }
}
