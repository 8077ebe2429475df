package dev.supportgateway.engine.desk;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A time limit as a regulation states it: wall-clock minutes, or business hours/days counted in the
 * desk's working time ({@code 15 minutes}, {@code 0.5 business hours}, {@code 2 business days}).
 */
public record SlaTarget(BigDecimal amount, Unit unit) {

    /** What the amount counts. */
    public enum Unit { MINUTES, HOURS, BUSINESS_HOURS, BUSINESS_DAYS }

    private static final Pattern FORMAT = Pattern.compile(
            "(\\d+(?:[.,]\\d+)?)\\s+(business\\s+)?(minutes?|hours?|days?)", Pattern.CASE_INSENSITIVE);

    public SlaTarget {
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(unit, "unit");
        if (amount.signum() <= 0) {
            throw new IllegalArgumentException("an SLA target must be positive: " + amount);
        }
    }

    public static SlaTarget parse(String text) {
        Matcher m = FORMAT.matcher(text.trim());
        if (!m.matches()) {
            throw new IllegalArgumentException("expected a time limit like '15 minutes', '2 business hours' or '1 business day', got '" + text + "'");
        }
        BigDecimal amount = new BigDecimal(m.group(1).replace(',', '.'));
        boolean business = m.group(2) != null;
        String word = m.group(3).toLowerCase(Locale.ROOT);
        Unit unit;
        if (word.startsWith("minute")) {
            if (business) {
                throw new IllegalArgumentException("business minutes are not a unit; write minutes or business hours: '" + text + "'");
            }
            unit = Unit.MINUTES;
        } else if (word.startsWith("hour")) {
            unit = business ? Unit.BUSINESS_HOURS : Unit.HOURS;
        } else {
            if (!business) {
                throw new IllegalArgumentException("calendar days are not used by regulations; write business days: '" + text + "'");
            }
            unit = Unit.BUSINESS_DAYS;
        }
        return new SlaTarget(amount, unit);
    }

    @Override
    public String toString() {
        return amount.stripTrailingZeros().toPlainString() + " " + switch (unit) {
            case MINUTES -> "minutes";
            case HOURS -> "hours";
            case BUSINESS_HOURS -> "business hours";
            case BUSINESS_DAYS -> "business days";
        };
    }
}
