package dev.supportgateway.engine.conversation;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Identifiers in the layout of UUID version 7: the creation time in milliseconds first, then random bits. Ids
 * made later sort later, so a store's indexes grow at their end instead of touching random pages on every insert.
 */
final class TimeOrderedIds {

    private TimeOrderedIds() {
    }

    static String next() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long millis = System.currentTimeMillis();
        long mostSignificant = (millis << 16) | 0x7000L | (random.nextLong() & 0x0FFFL);
        long leastSignificant = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(mostSignificant, leastSignificant).toString();
    }
}
