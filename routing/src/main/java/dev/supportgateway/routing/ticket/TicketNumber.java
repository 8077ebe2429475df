package dev.supportgateway.routing.ticket;

import dev.supportgateway.engine.desk.DeskId;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A ticket's registration number as the customer is told it, {@code EDOC-2026-000123}: the desk's id in
 * capitals, the year of registration in the desk's time zone, and the desk's sequence number for that
 * year, zero-padded to six digits (a seventh digit appears only after 999 999 tickets in a year).
 */
public record TicketNumber(String prefix, int year, long sequence) implements Comparable<TicketNumber> {

    private static final Pattern PREFIX = Pattern.compile("[A-Z][A-Z0-9-]{0,31}");
    // the prefix may itself contain dashes (a desk id like e-order), so year and sequence are read from the end
    private static final Pattern FORMAT = Pattern.compile("([A-Za-z][A-Za-z0-9-]{0,31})-(\\d{4})-(\\d{6,12})");

    public TicketNumber {
        Objects.requireNonNull(prefix, "prefix");
        if (!PREFIX.matcher(prefix).matches()) {
            throw new IllegalArgumentException("a ticket prefix is the desk id in capitals, got '" + prefix + "'");
        }
        if (year < 1000 || year > 9999) {
            throw new IllegalArgumentException("a ticket year has four digits, got " + year);
        }
        if (sequence < 1) {
            throw new IllegalArgumentException("ticket sequences start at 1, got " + sequence);
        }
    }

    /** The {@code sequence}-th ticket of {@code desk} in {@code year}. */
    public static TicketNumber of(DeskId desk, int year, long sequence) {
        return new TicketNumber(desk.value().toUpperCase(Locale.ROOT), year, sequence);
    }

    /** Reads a number as a customer or operator types it; letter case and surrounding blanks do not matter. */
    public static TicketNumber parse(String text) {
        Objects.requireNonNull(text, "ticket number");
        Matcher m = FORMAT.matcher(text.strip());
        if (!m.matches()) {
            throw new IllegalArgumentException("expected a ticket number like EDOC-2026-000123, got '" + text + "'");
        }
        return new TicketNumber(m.group(1).toUpperCase(Locale.ROOT), Integer.parseInt(m.group(2)), Long.parseLong(m.group(3)));
    }

    /** The desk that registered the ticket. */
    public DeskId desk() {
        return DeskId.of(prefix.toLowerCase(Locale.ROOT));
    }

    @Override
    public int compareTo(TicketNumber other) {
        int byPrefix = prefix.compareTo(other.prefix);
        if (byPrefix != 0) {
            return byPrefix;
        }
        int byYear = Integer.compare(year, other.year);
        return byYear != 0 ? byYear : Long.compare(sequence, other.sequence);
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%s-%04d-%06d", prefix, year, sequence);
    }
}
