package dev.supportgateway.routing.sla;

import dev.supportgateway.engine.desk.ChannelKind;
import dev.supportgateway.engine.desk.Desk;
import dev.supportgateway.engine.desk.Priority;
import dev.supportgateway.engine.desk.ServiceTier;
import dev.supportgateway.engine.desk.SlaRule;
import dev.supportgateway.engine.desk.SlaTarget;
import dev.supportgateway.routing.calendar.BusinessCalendar;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * A desk's SLA table applied in its business time: for a request of some tier, channel, priority and
 * category, the first rule (in file order) that matches and sets a limit gives that limit — first
 * reply and resolution are looked up independently. A missing tier or priority means the desk's default.
 */
public record SlaPolicy(Desk desk, BusinessCalendar calendar) {

    public SlaPolicy {
        Objects.requireNonNull(desk, "desk");
        Objects.requireNonNull(calendar, "calendar");
    }

    /** Deadlines for a request created at {@code createdAt}. */
    public SlaDeadlines deadlines(String tier, ChannelKind channel, String priority, String category, Instant createdAt) {
        Optional<SlaTarget> first = firstReplyTarget(tier, channel, priority, category);
        Optional<SlaTarget> resolution = resolutionTarget(tier, channel, priority, category);
        return new SlaDeadlines(createdAt,
                first.orElse(null), first.map(t -> calendar.plus(createdAt, t)).orElse(null),
                resolution.orElse(null), resolution.map(t -> calendar.plus(createdAt, t)).orElse(null));
    }

    public Optional<SlaTarget> firstReplyTarget(String tier, ChannelKind channel, String priority, String category) {
        return target(tier, channel, priority, category, SlaRule::firstReply);
    }

    public Optional<SlaTarget> resolutionTarget(String tier, ChannelKind channel, String priority, String category) {
        return target(tier, channel, priority, category, SlaRule::resolution);
    }

    /** When a request waiting for the customer since {@code waitingSince} may be closed for silence (edoc: 8 business hours). */
    public Optional<Instant> silenceDeadline(Instant waitingSince) {
        return desk.silenceRule().map(rule -> calendar.plus(waitingSince, rule.after()));
    }

    /** When the documents after service are due (initiativa: 5 business days after the service ended). */
    public Optional<Instant> serviceReportsDue(Instant serviceEnded) {
        return desk.serviceReports().map(reports -> calendar.plus(serviceEnded, reports.within()));
    }

    private Optional<SlaTarget> target(String tier, ChannelKind channel, String priority, String category,
                                       Function<SlaRule, SlaTarget> limit) {
        String tierId = tier != null ? tier : desk.defaultTier().map(ServiceTier::id).orElse(null);
        String priorityId = priority != null ? priority : defaultPriority(category);
        return desk.sla().stream()
                .filter(rule -> rule.matches(tierId, channel, priorityId, category))
                .map(limit)
                .filter(Objects::nonNull)
                .findFirst();
    }

    private String defaultPriority(String category) {
        // a category may carry its own default priority (konus: a critical incident is critical)
        Optional<String> fromCategory = Optional.ofNullable(category).flatMap(desk::category)
                .map(c -> c.defaultPriority());
        return fromCategory.or(() -> desk.priorities().stream().filter(Priority::isDefault).findFirst()
                        .or(() -> desk.priorities().stream().findFirst()).map(Priority::id))
                .orElse(null);
    }
}
