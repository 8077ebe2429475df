package dev.supportgateway.infra.desk;

import dev.supportgateway.engine.desk.Desk;
import dev.supportgateway.engine.desk.DeskId;
import dev.supportgateway.routing.calendar.BusinessCalendar;
import dev.supportgateway.routing.calendar.ProductionCalendar;
import dev.supportgateway.routing.sla.SlaPolicy;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.TreeMap;

/**
 * All desks of a {@code desks/} folder, checked: each desk with the folder of its help-center
 * articles, and the production calendars they use.
 */
public record DeskCatalog(Map<DeskId, Desk> desks, Map<DeskId, Path> articleFolders, Map<String, ProductionCalendar> calendars) {

    public DeskCatalog {
        desks = java.util.Collections.unmodifiableMap(new TreeMap<>(desks));
        articleFolders = Map.copyOf(articleFolders);
        calendars = Map.copyOf(calendars);
    }

    public List<Desk> all() {
        return List.copyOf(desks.values());
    }

    public Optional<Desk> desk(DeskId id) {
        return Optional.ofNullable(desks.get(id));
    }

    /** The desk, or an exception naming the known desks. */
    public Desk require(DeskId id) {
        return desk(id).orElseThrow(() -> new NoSuchElementException("no desk '" + id + "', known: " + desks.keySet()));
    }

    /** The absolute folder of the desk's help-center articles (for the faq index). */
    public Path articleFolder(DeskId id) {
        require(id);
        return articleFolders.get(id);
    }

    /** The desk's working time: its hours, time zone and production calendar. */
    public BusinessCalendar businessCalendar(DeskId id) {
        Desk desk = require(id);
        return BusinessCalendar.of(desk, desk.calendar() == null ? ProductionCalendar.NONE : calendars.get(desk.calendar()));
    }

    public SlaPolicy slaPolicy(DeskId id) {
        return new SlaPolicy(require(id), businessCalendar(id));
    }
}
