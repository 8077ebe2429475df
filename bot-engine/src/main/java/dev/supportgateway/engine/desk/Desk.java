package dev.supportgateway.engine.desk;

import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One support desk as its configuration describes it: everything the gateway needs to serve
 * the desk without code of its own. {@code calendar} names a production calendar (null = weekly
 * hours only), {@code silence} and {@code reports} may be null (the desk has no such rule); {@code readyReplies} are
 * the desk's ready replies its operators pick in the console.
 */
public record Desk(
        DeskId id,
        String name,
        String locale,
        ZoneId timeZone,
        WorkingHours hours,
        String calendar,
        List<ChannelPolicy> channels,
        List<ServiceTier> tiers,
        List<Priority> priorities,
        List<Category> categories,
        List<SlaRule> sla,
        Identification identification,
        Scope scope,
        Conduct conduct,
        SilenceRule silence,
        ClosingRule closing,
        HelpCenterSettings helpCenter,
        SlaExtension slaExtension,
        ServiceReports reports,
        List<ReadyReply> readyReplies) {

    public Desk {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(timeZone, "timeZone");
        Objects.requireNonNull(hours, "hours");
        Objects.requireNonNull(helpCenter, "helpCenter");
        locale = locale == null ? "ru" : locale;
        channels = List.copyOf(channels);
        tiers = List.copyOf(tiers);
        priorities = List.copyOf(priorities);
        categories = List.copyOf(categories);
        sla = List.copyOf(sla);
        identification = identification == null ? Identification.NONE : identification;
        scope = scope == null ? Scope.EVERYTHING : scope;
        conduct = conduct == null ? Conduct.TOLERANT : conduct;
        closing = closing == null ? ClosingRule.PLAIN : closing;
        slaExtension = slaExtension == null ? SlaExtension.NOT_ALLOWED : slaExtension;
        readyReplies = readyReplies == null ? List.of() : List.copyOf(readyReplies);
    }

    /** A desk without deadline extensions, service reports or ready replies (the shape before those existed). */
    public Desk(DeskId id, String name, String locale, ZoneId timeZone, WorkingHours hours, String calendar,
                List<ChannelPolicy> channels, List<ServiceTier> tiers, List<Priority> priorities, List<Category> categories,
                List<SlaRule> sla, Identification identification, Scope scope, Conduct conduct, SilenceRule silence,
                ClosingRule closing, HelpCenterSettings helpCenter) {
        this(id, name, locale, timeZone, hours, calendar, channels, tiers, priorities, categories, sla, identification,
                scope, conduct, silence, closing, helpCenter, null, null, null);
    }

    /** The documents sent after service, if the desk sends any. */
    public Optional<ServiceReports> serviceReports() {
        return Optional.ofNullable(reports);
    }

    /** The silence rule, if the desk closes requests the customer stopped answering. */
    public Optional<SilenceRule> silenceRule() {
        return Optional.ofNullable(silence);
    }

    public Optional<ChannelPolicy> channel(ChannelKind kind) {
        return channels.stream().filter(c -> c.kind() == kind).findFirst();
    }

    public Optional<ServiceTier> tier(String tierId) {
        return tiers.stream().filter(t -> t.id().equals(tierId)).findFirst();
    }

    /** The tier a customer gets when nothing says otherwise (the first tier marked default, else the first). */
    public Optional<ServiceTier> defaultTier() {
        return tiers.stream().filter(ServiceTier::isDefault).findFirst().or(() -> tiers.stream().findFirst());
    }

    public Optional<Priority> priority(String priorityId) {
        return priorities.stream().filter(p -> p.id().equals(priorityId)).findFirst();
    }

    public Optional<Category> category(String categoryId) {
        return categories.stream().filter(c -> c.id().equals(categoryId)).findFirst();
    }
}
