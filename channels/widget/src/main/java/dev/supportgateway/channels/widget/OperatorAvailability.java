package dev.supportgateway.channels.widget;

import dev.supportgateway.engine.desk.DeskId;
import dev.supportgateway.engine.desk.Desks;
import dev.supportgateway.engine.escalation.BusinessHours;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether the desk's operators are at work now, and their schedule in words, for the widget's header: a customer
 * writing at night learns before asking that a person answers in the morning, not in minutes.
 */
final class OperatorAvailability {

    private static final Logger LOG = LoggerFactory.getLogger(OperatorAvailability.class);

    private final Desks desks;
    private final BusinessHours hours;
    private final Clock clock;

    OperatorAvailability(Desks desks, BusinessHours hours, Clock clock) {
        this.desks = desks;
        this.hours = hours;
        this.clock = clock;
    }

    /** The desk's operators now, or null when it cannot be told (the widget then shows no line about them). */
    WidgetFrames.OperatorsFrame now(DeskId desk) {
        try {
            return desks.find(desk).map(d -> new WidgetFrames.OperatorsFrame(hours.isOpen(d, clock.instant()), hours.describe(d)))
                    .orElse(null);
        } catch (RuntimeException e) {
            // the header is a courtesy: a broken calendar must not keep the customer out of the chat
            LOG.warn("operators' hours of desk {} unavailable: {}", desk, e.toString());
            return null;
        }
    }
}
