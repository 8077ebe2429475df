package dev.supportgateway.infra.dialogue;

import dev.supportgateway.engine.delivery.ConsoleEvent;
import dev.supportgateway.engine.delivery.OperatorConsole;
import dev.supportgateway.infra.storage.ServiceRatings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the supervisors' report of service ratings: each rating a customer gives (or gives again) after a closed chat.
 * It hears what the console hears, after the conversation is stored.
 */
final class RatingRecorder implements OperatorConsole {

    private static final Logger LOG = LoggerFactory.getLogger(RatingRecorder.class);

    private final ServiceRatings ratings;

    RatingRecorder(ServiceRatings ratings) {
        this.ratings = ratings;
    }

    @Override
    public void publish(ConsoleEvent event) {
        if (!(event instanceof ConsoleEvent.ServiceRated rated)) {
            return;
        }
        try {
            ratings.record(new ServiceRatings.Rating(rated.conversation().id(), rated.conversation().desk(), rated.satisfied(),
                    rated.conversation().ticketNumber(), rated.servedBy(), rated.at()));
        } catch (RuntimeException e) {
            // the rating stays on the conversation itself; only the report misses it
            LOG.warn("rating of conversation {} not added to the report: {}", rated.conversation().id(), e.toString());
        }
    }
}
