package dev.supportgateway.engine.desk;

import java.util.List;
import java.util.Objects;

/**
 * Documents a desk sends after the service is rendered, and within what time (initiativa: a report,
 * an acceptance act and an invoice within 5 business days).
 */
public record ServiceReports(SlaTarget within, List<String> documents) {
    public ServiceReports {
        Objects.requireNonNull(within, "within");
        documents = documents == null ? List.of() : List.copyOf(documents);
    }
}
