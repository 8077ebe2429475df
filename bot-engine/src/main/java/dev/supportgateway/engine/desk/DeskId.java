package dev.supportgateway.engine.desk;

import java.util.Objects;
import java.util.regex.Pattern;

/** The identifier of a support desk (a tenant), e.g. {@code edoc}: lower-case latin, digits and dashes. */
public record DeskId(String value) implements Comparable<DeskId> {

    private static final Pattern FORMAT = Pattern.compile("[a-z][a-z0-9-]{0,31}");

    public DeskId {
        Objects.requireNonNull(value, "desk id");
        if (!FORMAT.matcher(value).matches()) {
            throw new IllegalArgumentException("desk id must be 1-32 lower-case latin letters, digits or dashes, starting with a letter: '" + value + "'");
        }
    }

    public static DeskId of(String value) {
        return new DeskId(value);
    }

    @Override
    public int compareTo(DeskId other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
